package dev.billinggateway.observability;

import io.opentelemetry.api.common.AttributeKey;

/**
 * The attributes of a provider operation's span. The HTTP client spans below it are made by Quarkus at the
 * Vert.x HTTP client (method, route template, status, server address), one per request, retries included.
 * (A REST client filter that tagged them could not reach those spans, and a global client filter slowed every
 * provider call under load: BulkheadBurstTest timed out with one.)
 */
public final class ProviderSpanAttributes {

    public static final AttributeKey<String> PROVIDER = AttributeKey.stringKey("billing.provider");
    public static final AttributeKey<String> OPERATION = AttributeKey.stringKey("billing.operation");
    public static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("billing.outcome");

    private ProviderSpanAttributes() {
    }
}
