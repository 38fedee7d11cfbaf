package dev.billinggateway.observability;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.billinggateway.connector.ConnectorRegistry;
import dev.billinggateway.connector.ProviderModule;
import dev.billinggateway.domain.ErrorCode;
import dev.billinggateway.domain.GatewayException;
import dev.billinggateway.domain.Provider;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import io.smallrye.faulttolerance.api.CircuitBreakerState;

/**
 * The gateway's own meters (README "Observability" lists them). Every tag value comes from a closed set
 * (providers, connector operation names, unified error codes, fixed event names), so the number of series
 * is bounded whatever clients send. Meters are looked up once per tag combination and then cached: the hot
 * path is a map lookup and an atomic add.
 */
@ApplicationScoped
@Startup // the gauges exist from the first scrape
public class GatewayMetrics {

    /** Histogram buckets of provider call latency: from a snapshot-speed answer to the longest write timeout. */
    static final Duration[] LATENCY_BUCKETS = {
            Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
            Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(15) };

    public static final String OK = "OK";

    @Inject
    MeterRegistry registry;

    @Inject
    ConnectorRegistry connectors;

    @Inject
    CircuitStates circuits;

    private final Map<String, Timer> providerCalls = new ConcurrentHashMap<>();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    final ProviderActivity activity = new ProviderActivity();
    final AtomicLong webhookBacklog = new AtomicLong();
    final AtomicLong unsettledMutations = new AtomicLong();

    @PostConstruct
    void gauges() {
        for (Provider provider : connectors.providers()) {
            ProviderModule module = connectors.module(provider).orElseThrow();
            Gauge.builder("gateway.provider.circuit.state", module, m -> circuitValue(circuits.of(m)))
                    .description("Circuit breaker of the provider: 0 closed, 1 half-open, 2 open (worst of its circuits)")
                    .tag("provider", provider.name()).register(registry);
            Gauge.builder("gateway.provider.enabled", module, m -> m.enabled() ? 1 : 0)
                    .description("1 when the provider is switched on").tag("provider", provider.name()).register(registry);
        }
        Gauge.builder("gateway.webhooks.backlog", webhookBacklog, AtomicLong::get)
                .description("Stored webhook events not processed yet (RECEIVED)").register(registry);
        Gauge.builder("gateway.mutations.unsettled", unsettledMutations, AtomicLong::get)
                .description("Mutations whose outcome is OUTCOME_UNKNOWN or IN_PROGRESS: reconciliations pending")
                .register(registry);
    }

    /** 0 closed, 1 half-open, 2 open: a dashboard can threshold on it (the enum's order is not that). */
    static int circuitValue(CircuitBreakerState state) {
        return switch (state) {
            case CLOSED -> 0;
            case HALF_OPEN -> 1;
            case OPEN -> 2;
        };
    }

    /** The unified outcome of a call: OK, or the error code (INTERNAL for anything that is not a gateway error). */
    public static String outcome(Throwable failure) {
        if (failure == null) {
            return OK;
        }
        if (failure instanceof io.smallrye.mutiny.CompositeException composite) {
            return outcome(composite.getCauses().get(0)); // the failure itself; the rest failed handling it
        }
        if (failure instanceof dev.billinggateway.connector.NotYetReadable notYet) {
            return notYet.error().code().name(); // the provider will not show it yet: its own answer, not a fault
        }
        return failure instanceof GatewayException g ? g.code().name() : ErrorCode.INTERNAL.name();
    }

    void providerCall(Provider provider, String operation, String outcome, long nanos) {
        providerCalls.computeIfAbsent(provider.name() + '|' + operation + '|' + outcome,
                k -> Timer.builder("gateway.provider.calls")
                        .description("Provider operations as the services see them (all attempts), by unified outcome")
                        .tags("provider", provider.name(), "operation", operation, "outcome", outcome)
                        .serviceLevelObjectives(LATENCY_BUCKETS)
                        .register(registry))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    void increment(String name, String description, String... tags) {
        String key = name + '|' + String.join("|", tags);
        counters.computeIfAbsent(key, k -> Counter.builder(name).description(description).tags(tags).register(registry))
                .increment();
    }
}
