package dev.billinggateway.connector;

import java.util.Set;

import dev.billinggateway.domain.Subscription;
import dev.billinggateway.domain.UpdateSubscriptionInput;
import io.smallrye.mutiny.Uni;

/** Changes a subscription. Only the fields in {@link #updatableFields()} may be set. */
public interface UpdateSubscription extends ProviderOperation {

    /** Names of the {@link UpdateSubscriptionInput} fields this provider accepts (GraphQL field names). */
    Set<String> updatableFields();

    /**
     * Checks the change against the provider's rules, given the subscription as just read from the
     * provider; throws VALIDATION naming the field. Sends nothing.
     */
    void validateUpdate(Subscription current, UpdateSubscriptionInput input);

    Uni<Subscription> updateSubscription(Subscription current, UpdateSubscriptionInput input);
}
