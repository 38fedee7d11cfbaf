package dev.billinggateway.live;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import dev.billinggateway.api.CustomerNode;

@Type("CustomerEvent")
@Description("a customer changed: the customer as the gateway now has it")
public record CustomerEvent(@NonNull CustomerNode customer, @NonNull ChangeCause cause,
        @NonNull @Description("when the gateway learned of the change") OffsetDateTime at) {

    static CustomerEvent of(LiveEvent e) {
        return new CustomerEvent(e.customer(), e.cause(), e.at());
    }
}
