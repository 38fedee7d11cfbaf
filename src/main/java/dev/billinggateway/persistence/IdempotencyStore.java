package dev.billinggateway.persistence;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.billinggateway.persistence.IdempotencyRecord.State;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Idempotency records, shared by every gateway instance through PostgreSQL; a key belongs to the subject that sent it. */
@ApplicationScoped
public class IdempotencyStore {

    @Inject
    Db db;

    @Inject
    QueryCounter queries;

    @Inject
    Pool pool;

    /**
     * Claims a key for a request. Exactly one caller wins a new key, also across instances (primary key).
     *
     * @param lease how long the caller may take (its write timeout plus a margin): after that, a key still IN_PROGRESS
     *        belongs to an instance that died, and the reconciler settles it
     * @return null when this caller claimed it; otherwise the record that was there
     */
    public Uni<IdempotencyRecord> claim(IdempotencyRecord.Id key, String operation, String requestHash, Duration lease) {
        queries.count();
        // SQL: insert-if-absent in one statement (a Panache persist would fail the transaction on the expected conflict)
        return pool.preparedQuery("""
                INSERT INTO idempotency_record (subject, idempotency_key, operation, request_hash, state, updated_at, lease_until)
                VALUES ($1, $2, $3, $4, $5, now(), now() + make_interval(secs => $6))
                ON CONFLICT (subject, idempotency_key) DO NOTHING""")
                .execute(Tuple.of(key.subject(), key.key(), operation, requestHash, State.IN_PROGRESS.name(), lease.toMillis() / 1000.0))
                .chain(rows -> rows.rowCount() == 1 ? Uni.createFrom().nullItem() : find(key));
    }

    public Uni<IdempotencyRecord> find(IdempotencyRecord.Id key) {
        queries.count();
        return db.read(() -> IdempotencyRecord.<IdempotencyRecord> findById(key));
    }

    public Uni<Void> update(IdempotencyRecord.Id key, State state, String context, String response, String errorCode) {
        queries.count();
        return db.write(() -> IdempotencyRecord.<IdempotencyRecord> findById(key).invoke(r -> {
            r.state = state.name();
            if (context != null) {
                r.context = context;
            }
            r.response = response;
            r.errorCode = errorCode;
            r.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
            if (state != State.IN_PROGRESS) {
                r.leaseUntil = null; // its instance is done with it: settled, or free for the reconciler
            }
        })).replaceWithVoid();
    }

    /** Frees a key whose request provably changed nothing (provider unreachable before sending). */
    public Uni<Void> release(IdempotencyRecord.Id key) {
        queries.count();
        return db.write(() -> IdempotencyRecord.delete("delete from IdempotencyRecord r where r.subject = ?1 and r.key = ?2", key.subject(), key.key())).replaceWithVoid();
    }

    /**
     * Claims up to {@code limit} records to settle: outcome unknown, or IN_PROGRESS past its lease (the instance died),
     * that nobody else holds; each stays claimed for {@code claimFor}. Several instances never get the same row at once:
     * rows another transaction is claiming are skipped (FOR UPDATE SKIP LOCKED), and claimed rows carry a lease.
     */
    public Uni<List<IdempotencyRecord>> claimUnsettled(int limit, Duration claimFor) {
        queries.count();
        // SQL: a claim (UPDATE ... FOR UPDATE SKIP LOCKED ... RETURNING) is one statement Panache cannot express
        return pool.preparedQuery("""
                UPDATE idempotency_record SET lease_until = now() + make_interval(secs => $1)
                 WHERE (subject, idempotency_key) IN (
                       SELECT subject, idempotency_key FROM idempotency_record
                        WHERE state IN ('OUTCOME_UNKNOWN', 'IN_PROGRESS')
                          AND COALESCE(lease_until,
                                       CASE WHEN state = 'IN_PROGRESS' THEN updated_at + interval '2 minutes' END,
                                       '-infinity') < now()
                        ORDER BY updated_at
                        LIMIT $2
                          FOR UPDATE SKIP LOCKED)
                RETURNING subject, idempotency_key, operation, request_hash, state, context, updated_at, lease_until""")
                .execute(Tuple.of(claimFor.toMillis() / 1000.0, limit))
                .map(rows -> {
                    List<IdempotencyRecord> claimed = new ArrayList<>();
                    for (Row row : rows) {
                        IdempotencyRecord r = new IdempotencyRecord();
                        r.subject = row.getString("subject");
                        r.key = row.getString("idempotency_key");
                        r.operation = row.getString("operation");
                        r.requestHash = row.getString("request_hash");
                        r.state = row.getString("state");
                        r.context = row.getString("context");
                        r.updatedAt = row.getOffsetDateTime("updated_at");
                        r.leaseUntil = row.getOffsetDateTime("lease_until");
                        claimed.add(r);
                    }
                    return claimed;
                });
    }
}
