package dev.billinggateway.live;

import java.time.OffsetDateTime;

import dev.billinggateway.api.CustomerNode;
import dev.billinggateway.api.SubscriptionNode;
import dev.billinggateway.domain.Provider;

/** One change as this instance re-read it: exactly one of {@code subscription} and {@code customer} is set. */
record LiveEvent(ChangeCause cause, OffsetDateTime at, SubscriptionNode subscription, CustomerNode customer) {

    BillingEventType type() {
        return subscription != null ? BillingEventType.SUBSCRIPTION_UPDATED : BillingEventType.CUSTOMER_UPDATED;
    }

    Provider provider() {
        return subscription != null ? subscription.provider() : customer.provider();
    }
}
