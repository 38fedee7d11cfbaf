package dev.billinggateway.service;

import java.time.OffsetDateTime;

import dev.billinggateway.domain.Provider;
import dev.billinggateway.domain.Subscription;
import dev.billinggateway.domain.SubscriptionStatus;

/**
 * A subscription as the gateway serves it: the provider's data under its stable gateway ID, the gateway ID of its
 * customer (null while unknown), and its freshness. The read model the services return (and keep as idempotent
 * results); the API layer maps it to its GraphQL type.
 */
public record SubscriptionView(String id, String customerId, Subscription data, boolean stale, OffsetDateTime fetchedAt) {

    public static SubscriptionView of(String id, String customerId, Subscription data, boolean stale, OffsetDateTime fetchedAt) {
        return new SubscriptionView(id, customerId, data, stale, fetchedAt);
    }

    public Provider provider() {
        return data.provider();
    }

    public String providerSubscriptionId() {
        return data.providerSubscriptionId();
    }

    public SubscriptionStatus status() {
        return data.status();
    }
}
