package dev.billinggateway.connector;

import dev.billinggateway.domain.Customer;
import io.smallrye.mutiny.Uni;

/**
 * Flips the customer's active flag at the provider. Not idempotent: the gateway reads the customer
 * before it retries one whose outcome is unknown, and never retries it blindly.
 */
public interface ToggleCustomerStatus extends ProviderOperation {
    Uni<Customer> toggleCustomerStatus(String providerCustomerId);
}
