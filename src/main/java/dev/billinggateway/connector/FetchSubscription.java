package dev.billinggateway.connector;

import java.util.Set;

import dev.billinggateway.domain.CustomerField;
import dev.billinggateway.domain.Subscription;
import io.smallrye.mutiny.Uni;

/** Reads one subscription; fails with NOT_FOUND when the provider does not know it. */
public interface FetchSubscription extends ProviderOperation {
    Uni<Subscription> fetchSubscription(String providerSubscriptionId);

    /**
     * The customer fields this provider's subscriptions carry in {@link Subscription#customer()}, exactly as
     * {@link FetchCustomer} would give them: {@code Subscription.customer} asks for nothing more when these
     * are all a query selects. None by default (the customer is then read by its ID).
     */
    default Set<CustomerField> carriedCustomerFields() {
        return Set.of();
    }
}
