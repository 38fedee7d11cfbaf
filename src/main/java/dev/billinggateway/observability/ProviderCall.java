package dev.billinggateway.observability;

import java.util.concurrent.atomic.AtomicInteger;

import dev.billinggateway.domain.Provider;
import io.opentelemetry.context.ContextKey;

/**
 * One connector operation in flight, kept in the OpenTelemetry context of its span so that the HTTP client
 * spans below it can be tagged with the provider, the operation and the attempt number.
 */
record ProviderCall(Provider provider, String operation, AtomicInteger attempts) {

    static final ContextKey<ProviderCall> KEY = ContextKey.named("billing-gateway.provider-call");

    ProviderCall(Provider provider, String operation) {
        this(provider, operation, new AtomicInteger());
    }
}
