package dev.billinggateway.observability;

import java.util.Map;
import java.util.Set;

import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Spans go to an in-memory exporter (a CDI {@code SpanExporter} bean, which Quarkus uses instead of OTLP),
 * exported every 20 ms; Monri's read circuit opens after 4 calls and stays open (tests reset it); background jobs run only when a test
 * calls them. Other tests have no exporter bean: their spans are made and dropped.
 */
public class ObservabilityProfile implements QuarkusTestProfile {

    @Alternative
    @Singleton
    public static class InMemorySpans {
        @Produces
        @Singleton
        InMemorySpanExporter exporter() {
            return InMemorySpanExporter.create();
        }
    }

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(InMemorySpans.class);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                // the exporter is a bean, not an OTLP endpoint: TracingSwitch would leave the SDK off
                "quarkus.otel.sdk.disabled", "false",
                "quarkus.otel.bsp.schedule.delay", "20ms",
                "quarkus.otel.traces.sampler.arg", "1.0",
                // the provider guards' own keys (connector/ProviderGuards): MicroProfile's global ones do not reach them
                "gateway.providers.monri.reads.max-retries", "0",
                "gateway.providers.monri.reads.circuit.request-volume", "4",
                "gateway.providers.monri.reads.circuit.delay", "10m",
                "gateway.reconcile.every", "1h",
                "gateway.webhooks.retry-every", "1h",
                "gateway.metrics.backlog-every", "1h");
    }
}
