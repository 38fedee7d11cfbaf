package dev.billinggateway.connector;

import dev.billinggateway.domain.Subscription;
import dev.billinggateway.domain.SubscriptionStatus;
import io.smallrye.mutiny.Uni;

/** Lists the provider's subscriptions, filtered where the provider can filter. */
public interface ListSubscriptions extends ProviderOperation {

    /**
     * @param customerEmail only subscriptions of this e-mail, when not null
     * @param status        only subscriptions in this unified status, when not null
     */
    Uni<ProviderPage<Subscription>> listSubscriptions(String customerEmail, SubscriptionStatus status, PageRequest page);
}
