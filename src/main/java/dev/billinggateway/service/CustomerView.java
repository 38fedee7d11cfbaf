package dev.billinggateway.service;

import java.time.OffsetDateTime;

import dev.billinggateway.domain.Customer;
import dev.billinggateway.domain.Provider;

/**
 * A customer as the gateway serves it: the provider's data under its stable gateway ID, with its freshness. The read
 * model the services return (and keep as idempotent results); the API layer maps it to its GraphQL type.
 */
public record CustomerView(String id, Customer data, boolean stale, OffsetDateTime fetchedAt) {

    public static CustomerView of(String id, Customer data, boolean stale, OffsetDateTime fetchedAt) {
        return new CustomerView(id, data, stale, fetchedAt);
    }

    public Provider provider() {
        return data.provider();
    }

    public String providerCustomerId() {
        return data.providerCustomerId();
    }

    public String email() {
        return data.email();
    }
}
