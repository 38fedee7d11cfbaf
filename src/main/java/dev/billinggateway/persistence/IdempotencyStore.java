package dev.billinggateway.persistence;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.billinggateway.persistence.IdempotencyRecord.State;
import io.smallrye.mutiny.Uni;

/** Idempotency records, shared by every gateway instance through PostgreSQL; a key belongs to the subject that sent it. */
@ApplicationScoped
public class IdempotencyStore {

    @Inject
    Db db;

    @Inject
    QueryCounter queries;

    /**
     * Claims a key for a request. Exactly one caller wins a new key, also across instances (primary key).
     *
     * @return null when this caller claimed it; otherwise the record that was there
     */
    public Uni<IdempotencyRecord> claim(IdempotencyRecord.Id key, String operation, String requestHash) {
        queries.count();
        return db.write(s -> s.createNativeQuery("""
                INSERT INTO idempotency_record (subject, idempotency_key, operation, request_hash, state, updated_at)
                VALUES (:subject, :key, :operation, :hash, :state, now())
                ON CONFLICT (subject, idempotency_key) DO NOTHING""")
                .setParameter("subject", key.subject()).setParameter("key", key.key())
                .setParameter("operation", operation).setParameter("hash", requestHash)
                .setParameter("state", State.IN_PROGRESS.name())
                .executeUpdate())
                .chain(inserted -> inserted == 1 ? Uni.createFrom().nullItem() : find(key));
    }

    public Uni<IdempotencyRecord> find(IdempotencyRecord.Id key) {
        queries.count();
        return db.read(s -> s.find(IdempotencyRecord.class, key));
    }

    public Uni<Void> update(IdempotencyRecord.Id key, State state, String context, String response, String errorCode) {
        queries.count();
        return db.write(s -> s.find(IdempotencyRecord.class, key).invoke(r -> {
            r.state = state.name();
            if (context != null) {
                r.context = context;
            }
            r.response = response;
            r.errorCode = errorCode;
            r.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        })).replaceWithVoid();
    }

    /** Frees a key whose request provably changed nothing (provider unreachable before sending). */
    public Uni<Void> release(IdempotencyRecord.Id key) {
        queries.count();
        return db.write(s -> s.createNativeQuery("DELETE FROM idempotency_record WHERE subject = :subject AND idempotency_key = :key")
                .setParameter("subject", key.subject()).setParameter("key", key.key()).executeUpdate()).replaceWithVoid();
    }

    /** Records whose outcome is unknown, or whose request stopped midway (instance died), oldest first. */
    public Uni<List<IdempotencyRecord>> unsettled(OffsetDateTime inProgressBefore, int limit) {
        return db.read(s -> s.createQuery("from IdempotencyRecord where state = :unknown"
                + " or (state = :inProgress and updatedAt < :before) order by updatedAt", IdempotencyRecord.class)
                .setParameter("unknown", State.OUTCOME_UNKNOWN.name())
                .setParameter("inProgress", State.IN_PROGRESS.name())
                .setParameter("before", inProgressBefore)
                .setMaxResults(limit)
                .getResultList());
    }
}
