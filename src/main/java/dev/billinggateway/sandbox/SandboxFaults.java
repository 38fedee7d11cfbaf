package dev.billinggateway.sandbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import dev.billinggateway.domain.Provider;
import io.quarkus.arc.profile.IfBuildProfile;

/**
 * Simulated provider trouble, for fault-tolerance tests, the benchmark and demos: a provider's sandbox
 * can be made slow, failing or hanging; every call it receives is logged with its arrival time (the latest {@link #MAX_LOGGED}).
 */
@ApplicationScoped
@IfBuildProfile(anyOf = { "dev", "test" }) // not in the production build
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
    /** The log keeps the latest calls only: a sandbox under load (benchmark, long demos) must not grow without bound. */
    static final int MAX_LOGGED = 10_000;

    private final ConcurrentLinkedDeque<Call> calls = new ConcurrentLinkedDeque<>();
    private final AtomicInteger logged = new AtomicInteger();
    private final AtomicLong received = new AtomicLong();
    private final Map<Provider, AtomicLong> connections = new ConcurrentHashMap<>();

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
        logged.set(0);
    }

    void record(Provider provider, String method, String path) {
        received.incrementAndGet();
        calls.add(new Call(provider, method, path, Instant.now()));
        if (logged.incrementAndGet() > MAX_LOGGED && calls.pollFirst() != null) {
            logged.decrementAndGet();
        }
    }

    void connected(Provider provider) {
        connections.computeIfAbsent(provider, p -> new AtomicLong()).incrementAndGet();
    }

    /** TCP connections the provider's sandbox accepted since start (connection reuse shows as few). */
    public long connections(Provider provider) {
        AtomicLong opened = connections.get(provider);
        return opened == null ? 0 : opened.get();
    }

    /** Every call the sandboxes received since start, also those the log no longer holds (the benchmark's count). */
    public long received() {
        return received.get();
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> calls(Provider provider) {
        return calls.stream().filter(c -> c.provider() == provider).toList();
    }
}
