package dev.billinggateway.observability;

import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanId;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceId;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * A trace id for every request while the OpenTelemetry SDK is off ({@link TracingSwitch}), where no server span
 * gives one: the caller's, from a W3C {@code traceparent} header, else a new random one. It becomes the request's
 * current OpenTelemetry context as an unsampled parent, so that it goes where a server span's would: Quarkus writes
 * it to the MDC ({@code traceId} of the request's log lines), whatever span is made below (SmallRye GraphQL's) is its
 * child, and {@link GraphQLObservation} puts it in the errors' {@code extensions.traceId}. Nothing is recorded.
 */
@ApplicationScoped
public class RequestTraceIds {

    /** Before Quarkus' own route handlers, so that everything a request logs carries it. */
    private static final int ORDER = -1_000;

    @ConfigProperty(name = TracingSwitch.SDK_DISABLED)
    boolean sdkDisabled;

    void install(@Observes Router router) {
        if (sdkDisabled) {
            router.route().order(ORDER).handler(RequestTraceIds::assign);
        }
    }

    @SuppressWarnings("resource") // the scope ends with the request's duplicated context, which holds it
    private static void assign(RoutingContext request) {
        if (VertxContext.isOnDuplicatedContext()) { // never the event loop's own context: it would outlive the request
            Context.root().with(Span.wrap(parent(request.request().getHeader("traceparent")))).makeCurrent();
        }
        request.next();
    }

    /** An unsampled remote parent: the trace id of a valid {@code traceparent} ({@code 00-<32 hex>-<16 hex>-<2 hex>}), else a new one. */
    static SpanContext parent(String traceparent) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String traceId = null;
        if (traceparent != null && traceparent.length() >= 55 && traceparent.charAt(2) == '-' && traceparent.charAt(35) == '-') {
            String given = traceparent.substring(3, 35);
            traceId = TraceId.isValid(given) ? given : null;
        }
        if (traceId == null) {
            traceId = TraceId.fromLongs(random.nextLong(), random.nextLong() | 1); // never the all-zero (invalid) id
        }
        return SpanContext.createFromRemoteParent(traceId, SpanId.fromLong(random.nextLong() | 1), TraceFlags.getDefault(),
                TraceState.getDefault());
    }
}
