package dev.billinggateway.connector;

import dev.billinggateway.domain.Subscription;
import io.smallrye.mutiny.Uni;

/** Reads one subscription; fails with NOT_FOUND when the provider does not know it. */
public interface FetchSubscription extends ProviderOperation {
    Uni<Subscription> fetchSubscription(String providerSubscriptionId);
}
