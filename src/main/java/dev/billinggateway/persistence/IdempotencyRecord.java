package dev.billinggateway.persistence;

import java.io.Serializable;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** An idempotency key of one caller, the request it was first used with (hash) and its outcome. */
@Entity
@Table(name = "idempotency_record")
@IdClass(IdempotencyRecord.Id.class)
public class IdempotencyRecord extends PanacheEntityBase {

    /** Keys are scoped to the caller: the authenticated subject and the key it sent. */
    public record Id(String subject, String key) implements Serializable {
    }

    public enum State {
        IN_PROGRESS,
        COMPLETED,
        FAILED,
        OUTCOME_UNKNOWN
    }

    @jakarta.persistence.Id
    public String subject;
    @jakarta.persistence.Id
    @Column(name = "idempotency_key")
    public String key;
    public String operation;
    @Column(name = "request_hash")
    public String requestHash;
    public String state;
    /** What the operation needs to settle an unknown outcome, e.g. the status before a toggle. */
    @Column(columnDefinition = "text") // TEXT in V1__gateway_schema.sql
    public String context;
    /** The first result, as JSON, returned again on replay. */
    @Column(columnDefinition = "text") // TEXT in V1__gateway_schema.sql
    public String response;
    @Column(name = "error_code")
    public String errorCode;
    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    /** IN_PROGRESS: until when the running instance owns it; unsettled: until when a reconciler claimed it. */
    @Column(name = "lease_until")
    public OffsetDateTime leaseUntil;
}
