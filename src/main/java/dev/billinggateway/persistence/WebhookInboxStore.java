package dev.billinggateway.persistence;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.billinggateway.persistence.WebhookEvent.Status;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** The webhook inbox table: insert once per (provider, dedup key), then mark processed or failed. */
@ApplicationScoped
public class WebhookInboxStore {

    /** How long a claimed event is its worker's: processing re-reads a few objects within the read deadline. */
    public static final Duration CLAIM_FOR = Duration.ofMinutes(1);

    @Inject
    Db db;

    @Inject
    Pool pool;

    /** @return the new event's ID, or null when this event was stored before (a duplicate delivery) */
    public Uni<Long> insertOnce(String provider, String dedupKey, String eventType, String payload, String affected) {
        // SQL: insert-if-absent in one statement (a Panache persist would fail the transaction on a duplicate delivery)
        return pool.preparedQuery("""
                INSERT INTO webhook_event (provider, dedup_key, event_type, payload, affected, status, lease_until)
                VALUES ($1, $2, $3, $4, $5, $6, now() + make_interval(secs => $7))
                ON CONFLICT (provider, dedup_key) DO NOTHING
                RETURNING id""")
                // the lease: the receiving instance processes it at once
                .execute(Tuple.of(provider, dedupKey, eventType, payload, affected, Status.RECEIVED.name()).addDouble(CLAIM_FOR.toMillis() / 1000.0))
                .map(rows -> rows.iterator().hasNext() ? rows.iterator().next().getLong("id") : null);
    }

    public Uni<WebhookEvent> find(long id) {
        return db.read(() -> WebhookEvent.<WebhookEvent> findById(id));
    }

    public Uni<Void> markProcessed(long id) {
        return db.write(() -> WebhookEvent.<WebhookEvent> findById(id).invoke(e -> {
            e.status = Status.PROCESSED.name();
            e.attempts++;
            e.lastError = null;
            e.processedAt = OffsetDateTime.now(ZoneOffset.UTC);
        })).replaceWithVoid();
    }

    public Uni<Void> markFailed(long id, String error, int maxAttempts) {
        return db.write(() -> WebhookEvent.<WebhookEvent> findById(id).invoke(e -> {
            e.attempts++;
            e.lastError = error.length() > 500 ? error.substring(0, 500) : error;
            e.status = (e.attempts >= maxAttempts ? Status.FAILED : Status.RECEIVED).name();
        })).replaceWithVoid();
    }

    /** The newest events first, optionally of one provider and one status (for operators). */
    public Uni<List<WebhookEvent>> recent(String provider, Status status, int limit) {
        return db.read(() -> WebhookEvent.<WebhookEvent> find("(:provider is null or provider = :provider)"
                + " and (:status is null or status = :status) order by receivedAt desc, id desc",
                Parameters.with("provider", provider).and("status", status == null ? null : status.name()))
                .range(0, limit - 1).list());
    }

    /**
     * Claims up to {@code limit} events still to process (received, or failed fewer than the maximum times) that nobody
     * holds, oldest first, for {@link #CLAIM_FOR}: several instances never process the same event at once (rows being
     * claimed elsewhere are skipped, claimed rows carry a lease). A failed attempt leaves the lease to run out, which
     * spaces the retries.
     */
    public Uni<List<Long>> claimPending(int limit) {
        // SQL: a claim (UPDATE ... FOR UPDATE SKIP LOCKED ... RETURNING) is one statement Panache cannot express
        return pool.preparedQuery("""
                UPDATE webhook_event SET lease_until = now() + make_interval(secs => $1)
                 WHERE id IN (
                       SELECT id FROM webhook_event
                        WHERE status = $2 AND (lease_until IS NULL OR lease_until < now())
                        ORDER BY received_at
                        LIMIT $3
                          FOR UPDATE SKIP LOCKED)
                RETURNING id""")
                .execute(Tuple.of(CLAIM_FOR.toMillis() / 1000.0, Status.RECEIVED.name(), limit))
                .map(rows -> {
                    List<Long> ids = new ArrayList<>();
                    rows.forEach(row -> ids.add(row.getLong("id")));
                    ids.sort(null);
                    return ids;
                });
    }
}
