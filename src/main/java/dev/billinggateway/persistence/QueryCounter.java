package dev.billinggateway.persistence;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

/** Counts the statements the gateway sends to PostgreSQL (tests and the benchmark read it). */
@ApplicationScoped
public class QueryCounter {
    private final AtomicLong count = new AtomicLong();

    void count() {
        count.incrementAndGet();
    }

    public long total() {
        return count.get();
    }
}
