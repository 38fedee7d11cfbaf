package dev.billinggateway.observability;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.ext.Provider;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.context.Context;

/**
 * The span attributes of provider calls, and the REST client filter that counts the HTTP requests of each
 * provider operation (retries and token requests included) for {@code billing.attempts}. The HTTP client
 * spans themselves are made by Quarkus at the Vert.x HTTP client (method, route template, status, server
 * address), as children of the operation's span; they are not reachable from a filter, so the provider and
 * operation are on their parent.
 */
@Provider
@Priority(Priorities.USER)
public class ProviderSpanAttributes implements ClientRequestFilter {

    public static final AttributeKey<String> PROVIDER = AttributeKey.stringKey("billing.provider");
    public static final AttributeKey<String> OPERATION = AttributeKey.stringKey("billing.operation");
    public static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("billing.outcome");
    public static final AttributeKey<Long> ATTEMPTS = AttributeKey.longKey("billing.attempts");

    @Override
    public void filter(ClientRequestContext request) {
        ProviderCall call = Context.current().get(ProviderCall.KEY);
        if (call != null) {
            call.attempts().incrementAndGet();
        }
    }
}
