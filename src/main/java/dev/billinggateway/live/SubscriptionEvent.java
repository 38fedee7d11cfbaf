package dev.billinggateway.live;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import dev.billinggateway.api.SubscriptionNode;

@Type("SubscriptionEvent")
@Description("a subscription changed: the subscription as the gateway now has it")
public record SubscriptionEvent(@NonNull SubscriptionNode subscription, @NonNull ChangeCause cause,
        @NonNull @Description("when the gateway learned of the change") OffsetDateTime at) {

    static SubscriptionEvent of(LiveEvent e) {
        return new SubscriptionEvent(e.subscription(), e.cause(), e.at());
    }
}
