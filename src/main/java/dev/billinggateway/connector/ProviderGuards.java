package dev.billinggateway.connector;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

import jakarta.enterprise.util.TypeLiteral;

import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import io.quarkus.arc.Arc;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;

/**
 * A provider's fault tolerance, built once from its {@link CallPolicy} configuration with SmallRye Fault Tolerance's
 * programmatic {@link Guard}: one guard for reads (timeout, retries with backoff, circuit breaker, bulkhead) and one
 * for writes (the same without retries). Circuit breakers are named {@code <slug>-reads} and {@code <slug>-writes}, so
 * that {@link CircuitBreakerMaintenance} (health, tests) finds them.
 *
 * @param providerFailure which failures mean the provider is unwell (transport errors, 5xx, timeouts): only those
 *        are retried and counted by the circuit breaker; a provider's "no" (4xx, business errors) and a full bulkhead
 *        (the gateway was busy) are neither
 */
public final class ProviderGuards {

    @SuppressWarnings("rawtypes")
    private static final TypeLiteral<Uni> UNI = new TypeLiteral<>() {
    };

    private final String readCircuit;
    private final String writeCircuit;
    private final Guard reads;
    private final Guard writes;
    private final java.time.Duration writeTimeout;

    public ProviderGuards(String slug, CallPolicy.Reads readPolicy, CallPolicy.Writes writePolicy, Predicate<Throwable> providerFailure) {
        this.readCircuit = slug + "-reads";
        this.writeCircuit = slug + "-writes";
        this.writeTimeout = writePolicy.timeout();
        // a full bulkhead or an open circuit says nothing new about the provider: never retried, never counted
        Predicate<Throwable> unwell = t -> !(t instanceof BulkheadException) && !(t instanceof CircuitBreakerOpenException)
                && providerFailure.test(t);
        long retryDelay = readPolicy.retryDelay().toMillis();
        this.reads = Guard.create()
                .withDescription(readCircuit)
                .withRetry().maxRetries(readPolicy.maxRetries()).delay(retryDelay, ChronoUnit.MILLIS)
                .jitter(Math.max(1, retryDelay / 2), ChronoUnit.MILLIS)
                .whenException(unwell)
                .withExponentialBackoff().factor(2).maxDelay(Math.max(retryDelay, 2000), ChronoUnit.MILLIS).done()
                .done()
                .with(b -> circuit(b, readCircuit, readPolicy.circuit(), unwell))
                .withTimeout().duration(readPolicy.timeout().toMillis(), ChronoUnit.MILLIS).done()
                .withBulkhead().limit(readPolicy.concurrency()).queueSize(readPolicy.queue()).done()
                .build();
        this.writes = Guard.create()
                .withDescription(writeCircuit)
                .with(b -> circuit(b, writeCircuit, writePolicy.circuit(), unwell))
                .withTimeout().duration(writePolicy.timeout().toMillis(), ChronoUnit.MILLIS).done()
                .withBulkhead().limit(writePolicy.concurrency()).queueSize(writePolicy.queue()).done()
                .build();
    }

    private static void circuit(Guard.Builder builder, String name, CallPolicy.Circuit circuit, Predicate<Throwable> providerFailure) {
        builder.withCircuitBreaker().name(name)
                .requestVolumeThreshold(circuit.requestVolume())
                .failureRatio(circuit.failureRatio())
                .delay(circuit.delay().toMillis(), ChronoUnit.MILLIS)
                .successThreshold(circuit.successThreshold())
                .when(providerFailure)
                .done();
    }

    /** A read: subscribed lazily, so that each retry sends again. */
    public <T> Uni<T> read(Supplier<Uni<T>> call) {
        return guarded(reads, call);
    }

    /** A write: never retried. */
    public <T> Uni<T> write(Supplier<Uni<T>> call) {
        return guarded(writes, call);
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static <T> Uni<T> guarded(Guard guard, Supplier<Uni<T>> call) {
        Supplier<Uni> raw = () -> Uni.createFrom().deferred(call::get);
        // the guarded execution starts on subscription, like the call it guards
        return Uni.createFrom().deferred(() -> (Uni<T>) guard.get(raw, UNI));
    }

    /** How long a write may take at most: the write policy's timeout. */
    public java.time.Duration writeTimeout() {
        return writeTimeout;
    }

    public List<String> circuits() {
        return List.of(readCircuit, writeCircuit);
    }

    /** False while either circuit is open (calls fail fast). */
    public boolean healthy() {
        return healthy(Arc.container().instance(CircuitBreakerMaintenance.class).get());
    }

    boolean healthy(CircuitBreakerMaintenance maintenance) {
        for (String name : circuits()) {
            try {
                if (maintenance.currentState(name) == CircuitBreakerState.OPEN) {
                    return false;
                }
            } catch (IllegalArgumentException notYetBuilt) {
                // the provider's client has not been used yet: nothing is open
            }
        }
        return true;
    }
}
