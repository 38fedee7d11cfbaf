package dev.billinggateway.persistence;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** Gateway customer ID ↔ (provider, provider account, provider customer ID). */
@Entity
@Table(name = "customer_link")
public class CustomerLink extends PanacheEntityBase {
    @Id
    public String id;
    public String provider;
    @Column(name = "provider_account")
    public String providerAccount;
    @Column(name = "provider_customer_id")
    public String providerCustomerId;
    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;
}
