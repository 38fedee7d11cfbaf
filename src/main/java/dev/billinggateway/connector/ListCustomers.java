package dev.billinggateway.connector;

import dev.billinggateway.domain.Customer;
import io.smallrye.mutiny.Uni;

/**
 * Lists the provider's customers. A provider without a list endpoint does not implement this; the
 * gateway then lists the customers it created or linked (capability EMULATED).
 */
public interface ListCustomers extends ProviderOperation {

    /** @param email only customers with this e-mail, when not null */
    Uni<ProviderPage<Customer>> listCustomers(String email, PageRequest page);
}
