package dev.billinggateway.persistence;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** Gateway subscription ID ↔ (provider, provider account, provider subscription ID), and its customer. */
@Entity
@Table(name = "subscription_link")
public class SubscriptionLink extends PanacheEntityBase {
    @Id
    public String id;
    public String provider;
    @Column(name = "provider_account")
    public String providerAccount;
    @Column(name = "provider_subscription_id")
    public String providerSubscriptionId;
    @Column(name = "customer_link_id")
    public String customerLinkId;
    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;
}
