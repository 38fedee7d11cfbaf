package dev.billinggateway.persistence;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Counts the statements the stores send for requests (tests and the benchmark read it, per request). Hand-kept
 * rather than the datasource metrics: Quarkus' Vert.x SQL-client meters (`quarkus.datasource.metrics.enabled`) are one
 * counter per datasource, with no tag telling a snapshot or link write from a read (the benchmark's "writes per
 * read"), and they also count what runs beside the request (readiness checks, schedulers, LISTEN/NOTIFY), so a
 * request's own statements cannot be told from a delta of them.
 */
@ApplicationScoped
public class QueryCounter {
    private final AtomicLong count = new AtomicLong();
    private final AtomicLong writes = new AtomicLong();

    void count() {
        count.incrementAndGet();
    }

    /** A statement that writes what reads bring: snapshots and links. */
    void countWrite() {
        writes.incrementAndGet();
        count.incrementAndGet();
    }

    public long total() {
        return count.get();
    }

    /** The snapshot and link writes among {@link #total()}. */
    public long writes() {
        return writes.get();
    }
}
