package dev.billinggateway.persistence;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

/** Counts the statements the gateway sends to PostgreSQL (tests and the benchmark read it). */
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
