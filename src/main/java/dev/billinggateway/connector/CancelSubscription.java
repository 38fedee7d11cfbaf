package dev.billinggateway.connector;

import dev.billinggateway.domain.Subscription;
import dev.billinggateway.domain.Support;
import io.smallrye.mutiny.Uni;

/** Ends a subscription so that no further charges are made. */
public interface CancelSubscription extends ProviderOperation {

    /** NATIVE when the provider has a cancel operation, EMULATED when the gateway stands one in. */
    default Support cancelSupport() {
        return Support.NATIVE;
    }

    Uni<Subscription> cancelSubscription(Subscription current);
}
