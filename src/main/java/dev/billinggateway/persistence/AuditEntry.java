package dev.billinggateway.persistence;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One mutation: who, what, on what, the provider request and its outcome. Never secrets or bodies. */
@Entity
@Table(name = "audit_log")
public class AuditEntry extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(insertable = false, updatable = false)
    public OffsetDateTime at;
    public String subject;
    public String operation;
    @Column(name = "target_id")
    public String targetId;
    public String provider;
    @Column(name = "provider_request")
    public String providerRequest;
    @Column(name = "provider_reference")
    public String providerReference;
    public String outcome;
    @Column(name = "error_code")
    public String errorCode;
    @Column(name = "idempotency_key")
    public String idempotencyKey;
}
