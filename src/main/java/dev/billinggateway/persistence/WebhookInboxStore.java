package dev.billinggateway.persistence;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.billinggateway.persistence.WebhookEvent.Status;
import io.smallrye.mutiny.Uni;

/** The webhook inbox table: insert once per (provider, dedup key), then mark processed or failed. */
@ApplicationScoped
public class WebhookInboxStore {

    @Inject
    Db db;

    /** @return the new event's ID, or null when this event was stored before (a duplicate delivery) */
    public Uni<Long> insertOnce(String provider, String dedupKey, String eventType, String payload, String affected) {
        return db.write(s -> s.createNativeQuery("""
                INSERT INTO webhook_event (provider, dedup_key, event_type, payload, affected, status)
                VALUES (:provider, :dedupKey, :eventType, :payload, :affected, :status)
                ON CONFLICT (provider, dedup_key) DO NOTHING
                RETURNING id""", Long.class)
                .setParameter("provider", provider).setParameter("dedupKey", dedupKey).setParameter("eventType", eventType)
                .setParameter("payload", payload).setParameter("affected", affected).setParameter("status", Status.RECEIVED.name())
                .getResultList()
                .map(ids -> ids.isEmpty() ? null : ids.get(0)));
    }

    public Uni<WebhookEvent> find(long id) {
        return db.read(s -> s.find(WebhookEvent.class, id));
    }

    public Uni<Void> markProcessed(long id) {
        return db.write(s -> s.find(WebhookEvent.class, id).invoke(e -> {
            e.status = Status.PROCESSED.name();
            e.attempts++;
            e.lastError = null;
            e.processedAt = OffsetDateTime.now(ZoneOffset.UTC);
        })).replaceWithVoid();
    }

    public Uni<Void> markFailed(long id, String error, int maxAttempts) {
        return db.write(s -> s.find(WebhookEvent.class, id).invoke(e -> {
            e.attempts++;
            e.lastError = error.length() > 500 ? error.substring(0, 500) : error;
            e.status = (e.attempts >= maxAttempts ? Status.FAILED : Status.RECEIVED).name();
        })).replaceWithVoid();
    }

    /** The newest events first, optionally of one provider and one status (for operators). */
    public Uni<List<WebhookEvent>> recent(String provider, Status status, int limit) {
        return db.read(s -> s.createQuery("from WebhookEvent where (:provider is null or provider = :provider)"
                + " and (:status is null or status = :status) order by receivedAt desc, id desc", WebhookEvent.class)
                .setParameter("provider", provider).setParameter("status", status == null ? null : status.name())
                .setMaxResults(limit).getResultList());
    }

    /** Events still to process (received, or failed fewer than the maximum times), oldest first. */
    public Uni<List<WebhookEvent>> pending(int limit) {
        return db.read(s -> s.createQuery("from WebhookEvent where status = :received order by receivedAt", WebhookEvent.class)
                .setParameter("received", Status.RECEIVED.name()).setMaxResults(limit).getResultList());
    }
}
