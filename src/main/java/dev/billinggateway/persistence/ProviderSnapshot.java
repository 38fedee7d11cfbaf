package dev.billinggateway.persistence;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** The last copy read from the provider of a linked customer or subscription (JSON of the domain record). */
@Entity
@Table(name = "provider_snapshot")
public class ProviderSnapshot extends PanacheEntityBase {
    @Id
    @Column(name = "gateway_id")
    public String gatewayId;
    public String kind;
    @Column(columnDefinition = "text") // TEXT in V1__gateway_schema.sql
    public String payload;
    @Column(name = "fetched_at")
    public OffsetDateTime fetchedAt;
}
