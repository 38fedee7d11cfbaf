package dev.billinggateway.connector;

import dev.billinggateway.domain.Customer;
import io.smallrye.mutiny.Uni;

/** Reads one customer; fails with NOT_FOUND when the provider does not know it. */
public interface FetchCustomer extends ProviderOperation {
    Uni<Customer> fetchCustomer(String providerCustomerId);
}
