package dev.billinggateway.connector;

import dev.billinggateway.domain.CreateSubscriptionInput;
import dev.billinggateway.domain.Subscription;
import io.smallrye.mutiny.Uni;

/**
 * Creates a subscription (and whatever customer or plan the provider needs for it). Validates the
 * provider's rules before sending anything, failing with VALIDATION naming the field.
 */
public interface CreateSubscription extends ProviderOperation {

    /** Checks the input against the provider's rules; throws VALIDATION. Sends nothing. */
    void validateCreate(CreateSubscriptionInput input);

    Uni<Subscription> createSubscription(CreateSubscriptionInput input);
}
