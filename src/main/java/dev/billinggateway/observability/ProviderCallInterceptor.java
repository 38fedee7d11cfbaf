package dev.billinggateway.observability;

import java.lang.reflect.Method;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import dev.billinggateway.connector.ProviderOperation;
import dev.billinggateway.domain.Provider;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;

/**
 * Wraps each provider operation (as the services see it: all HTTP attempts, retries and the mapping to a
 * unified error code) in a span {@code <provider> <operation>} and records the call meters. The HTTP client
 * spans Quarkus creates for the REST calls become its children.
 */
@ObservedProviderCalls
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER + 100)
public class ProviderCallInterceptor {

    @Inject
    Tracer tracer;

    @Inject
    GatewayEvents events;

    @AroundInvoke
    Object observe(InvocationContext invocation) throws Exception {
        Method method = invocation.getMethod();
        if (method.getReturnType() != Uni.class || !(invocation.getTarget() instanceof ProviderOperation operation)) {
            return invocation.proceed();
        }
        Provider provider = operation.provider();
        String name = method.getName();
        return Uni.createFrom().deferred(() -> {
            Span span = tracer.spanBuilder(provider.slug() + " " + name).setSpanKind(SpanKind.INTERNAL)
                    .setAttribute(ProviderSpanAttributes.PROVIDER, provider.name())
                    .setAttribute(ProviderSpanAttributes.OPERATION, name)
                    .startSpan();
            Context context = Context.current().with(span);
            long started = System.nanoTime();
            Uni<?> inner;
            try (Scope ignored = context.makeCurrent()) {
                inner = (Uni<?>) invocation.proceed();
            } catch (Exception e) {
                inner = Uni.createFrom().failure(e);
            }
            Uni<?> within = inner;
            // subscribed inside the span's scope: the HTTP client spans made on subscription become its children
            return Uni.createFrom().emitter(emitter -> {
                Cancellable subscription;
                try (Scope ignored = context.makeCurrent()) {
                    subscription = within.subscribe().with(emitter::complete, emitter::fail);
                }
                emitter.onTermination(subscription::cancel);
            }).onItemOrFailure().invoke((item, failure) -> {
                String outcome = GatewayMetrics.outcome(failure);
                events.providerCall(provider, name, failure, System.nanoTime() - started);
                span.setAttribute(ProviderSpanAttributes.OUTCOME, outcome);
                if (failure != null) {
                    span.setStatus(StatusCode.ERROR, outcome);
                }
                span.end();
            }).onCancellation().invoke(() -> {
                span.setAttribute(ProviderSpanAttributes.OUTCOME, "CANCELLED");
                span.end();
            });
        });
    }
}
