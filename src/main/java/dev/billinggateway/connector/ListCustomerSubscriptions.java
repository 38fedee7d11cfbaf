package dev.billinggateway.connector;

import java.util.List;

import dev.billinggateway.domain.Subscription;
import io.smallrye.mutiny.Uni;

/**
 * All subscriptions of one customer, as the provider knows them. Without this, the gateway answers
 * {@code Customer.subscriptions} from the subscriptions it has linked to that customer.
 */
public interface ListCustomerSubscriptions extends ProviderOperation {
    Uni<List<Subscription>> subscriptionsOf(String providerCustomerId);
}
