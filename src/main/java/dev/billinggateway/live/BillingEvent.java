package dev.billinggateway.live;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import dev.billinggateway.api.CustomerNode;
import dev.billinggateway.api.SubscriptionNode;
import dev.billinggateway.domain.Provider;

@Type("BillingEvent")
@Description("any change, for back-offices: the object that changed (subscription or customer, by type) as the gateway now has it")
public record BillingEvent(@NonNull BillingEventType type, @NonNull Provider provider, @NonNull ChangeCause cause,
        @NonNull @Description("when the gateway learned of the change") OffsetDateTime at,
        @Description("set when type is SUBSCRIPTION_UPDATED") SubscriptionNode subscription,
        @Description("set when type is CUSTOMER_UPDATED") CustomerNode customer) {

    static BillingEvent of(LiveEvent e) {
        return new BillingEvent(e.type(), e.provider(), e.cause(), e.at(), e.subscription(), e.customer());
    }
}
