package dev.billinggateway.service;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.billinggateway.config.GatewayConfig;
import dev.billinggateway.persistence.SnapshotStore;
import dev.billinggateway.persistence.SnapshotStore.Snapshot;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;

/**
 * The snapshot writes of reads, off the response's critical path: a read hands over what changed and answers at
 * once; the snapshots waiting are written together, one statement at a time (whatever arrived meanwhile, from
 * every request, goes into the next one). Safe because a snapshot is a cache of the provider: a write that lands
 * a few milliseconds later only means another instance asks the provider once more meanwhile, and this instance
 * reads its own waiting snapshots ({@link #withPending}). Mutations, lists and webhooks still write before they
 * answer. Hand-written: a coalescing, single-flight write-behind over the reactive pool is a few lines, and no
 * library at hand offers one.
 */
@ApplicationScoped
public class SnapshotWriter {

    private static final Logger LOG = Logger.getLogger(SnapshotWriter.class);

    /** Beyond this many waiting snapshots a read waits for its own write (memory stays bounded when PostgreSQL lags). */
    static final int MAX_PENDING = 10_000;
    static final int MAX_BATCH = 500;

    /** Per object, bounded (it only refines fetchedAt: an evicted entry falls back to the stored one). */
    static final int MAX_CONFIRMED = 50_000;

    private final Map<String, Snapshot> pending = new ConcurrentHashMap<>();
    private final Cache<String, Snapshot> confirmed = Caffeine.newBuilder().maximumSize(MAX_CONFIRMED).build();
    private final AtomicBoolean flushing = new AtomicBoolean();
    private final List<CompletableFuture<Void>> waiters = new CopyOnWriteArrayList<>();

    @Inject
    SnapshotStore store;

    @Inject
    GatewayConfig config;

    /** Writes these snapshots soon; completes at once unless the backlog is full. */
    Uni<Void> writeBehind(List<Snapshot> snapshots) {
        if (snapshots.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        if (pending.size() >= MAX_PENDING) {
            return store.save(snapshots, rewriteUnchangedBefore(ObjectRefresher.now()));
        }
        snapshots.forEach(s -> pending.merge(s.gatewayId(), s, (waiting, newer) -> newer.fetchedAt().isBefore(waiting.fetchedAt()) ? waiting : newer));
        flush();
        return Uni.createFrom().voidItem();
    }

    /** The stored snapshots of these IDs with the waiting ones in their place where those are newer. */
    Map<String, Snapshot> withPending(List<String> gatewayIds, Map<String, Snapshot> stored) {
        if (pending.isEmpty()) {
            return stored;
        }
        Map<String, Snapshot> merged = null;
        for (String id : gatewayIds) {
            Snapshot waiting = pending.get(id);
            Snapshot known = stored.get(id);
            if (waiting != null && (known == null || known.fetchedAt().isBefore(waiting.fetchedAt()))) {
                merged = merged == null ? new HashMap<>(stored) : merged;
                merged.put(id, waiting);
            }
        }
        return merged == null ? stored : merged;
    }

    /**
     * Remembers that the provider said again what the stored copy says, at {@code unchanged.fetchedAt()}, when
     * that was not worth a write: a stale answer of this instance then gives the time of this read, not the
     * older one stored.
     */
    void confirmed(Snapshot unchanged) {
        confirmed.put(unchanged.gatewayId(), unchanged);
    }

    /** The stored copy, dated by the last read of this instance that found it unchanged when that is later. */
    Snapshot lastConfirmed(Snapshot stored) {
        Snapshot seen = confirmed.getIfPresent(stored.gatewayId());
        return seen != null && seen.fetchedAt().isAfter(stored.fetchedAt()) && seen.payload().equals(stored.payload()) ? seen : stored;
    }

    /** Completes once every snapshot handed over so far is written (tests, shutdown). */
    public Uni<Void> flushed() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        waiters.add(done);
        wakeWaitersIfIdle();
        return Uni.createFrom().completionStage(done);
    }

    /** Before this, an unchanged stored copy is rewritten: see {@link ObjectRefresher#worthWriting}. */
    OffsetDateTime rewriteUnchangedBefore(OffsetDateTime now) {
        Duration after = config.cache().touchUnchangedAfter();
        Duration freshFor = config.cache().freshFor();
        if (!freshFor.isZero() && freshFor.compareTo(after) < 0) {
            after = freshFor;
        }
        return now.minus(after);
    }

    private void flush() {
        if (pending.isEmpty() || !flushing.compareAndSet(false, true)) {
            return;
        }
        List<Snapshot> batch = pending.values().stream().limit(MAX_BATCH).toList();
        store.save(batch, rewriteUnchangedBefore(ObjectRefresher.now())).subscribe().with(ok -> written(batch, null),
                failure -> written(batch, failure));
    }

    private void written(List<Snapshot> batch, Throwable failure) {
        if (failure != null) {
            // a cache write: the next read of these objects writes them again
            LOG.warnf("%d snapshots not written: %s", batch.size(), failure.getMessage());
        }
        batch.forEach(s -> pending.remove(s.gatewayId(), s));
        flushing.set(false);
        if (!pending.isEmpty()) {
            flush();
        }
        wakeWaitersIfIdle();
    }

    private void wakeWaitersIfIdle() {
        if (pending.isEmpty() && !flushing.get()) {
            waiters.removeIf(w -> {
                w.complete(null);
                return true;
            });
        }
    }

    void onStop(@Observes ShutdownEvent stop) {
        try {
            flushed().await().atMost(Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            LOG.warnf("%d snapshots not written before shutdown", pending.size());
        }
    }
}
