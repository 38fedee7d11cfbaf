package dev.billinggateway.persistence;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A verified webhook in the inbox: stored before it is acknowledged, processed afterwards. */
@Entity
@Table(name = "webhook_event")
public class WebhookEvent extends PanacheEntityBase {

    public enum Status {
        RECEIVED,
        PROCESSED,
        FAILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String provider;
    @Column(name = "dedup_key")
    public String dedupKey;
    @Column(name = "event_type")
    public String eventType;
    @Column(columnDefinition = "text") // TEXT in V1__gateway_schema.sql
    public String payload;
    /** JSON list of the provider objects to re-read. */
    @Column(columnDefinition = "text") // TEXT in V1__gateway_schema.sql
    public String affected;
    public String status;
    public int attempts;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "received_at", insertable = false, updatable = false)
    public OffsetDateTime receivedAt;
    /** Until when the worker that claimed it (or stored it) is processing it. */
    @Column(name = "lease_until")
    public OffsetDateTime leaseUntil;
    @Column(name = "processed_at")
    public OffsetDateTime processedAt;
}
