package dev.billinggateway.sandbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;

import dev.billinggateway.domain.Provider;

/**
 * Simulated provider trouble, for fault-tolerance tests, the benchmark and demos: a provider's sandbox
 * can be made slow, failing or hanging; every call it receives is logged with its arrival time.
 */
@ApplicationScoped
public class SandboxFaults {

    public enum Mode {
        NONE,
        /** answer 503 at once */
        ERROR,
        /** never answer */
        HANG
    }

    /**
     * @param onlyPathContaining null for every call, else only calls whose path contains this (e.g. {@code /status})
     */
    public record Fault(Mode mode, long extraLatencyMillis, String onlyPathContaining) {
        public static final Fault NONE = new Fault(Mode.NONE, 0, null);

        public Fault(Mode mode, long extraLatencyMillis) {
            this(mode, extraLatencyMillis, null);
        }

        public static Fault delay(long millis) {
            return new Fault(Mode.NONE, millis, null);
        }

        boolean appliesTo(String path) {
            return onlyPathContaining == null || path.contains(onlyPathContaining);
        }
    }

    public record Call(Provider provider, String method, String path, Instant at) {
    }

    private final Map<Provider, Fault> faults = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    public void set(Provider provider, Fault fault) {
        faults.put(provider, fault);
    }

    public Fault get(Provider provider) {
        return faults.getOrDefault(provider, Fault.NONE);
    }

    /** The fault that applies to one call. */
    Fault forCall(Provider provider, String path) {
        Fault fault = get(provider);
        return fault.appliesTo(path) ? fault : Fault.NONE;
    }

    public void clear() {
        faults.clear();
        calls.clear();
    }

    void record(Provider provider, String method, String path) {
        calls.add(new Call(provider, method, path, Instant.now()));
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> calls(Provider provider) {
        return calls.stream().filter(c -> c.provider() == provider).toList();
    }
}
