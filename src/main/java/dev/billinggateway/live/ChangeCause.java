package dev.billinggateway.live;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

/** What made the gateway learn that an object changed. */
@Enum("ChangeCause")
@Description("what made the gateway learn that an object changed")
public enum ChangeCause {
    @Description("a verified provider webhook, after the gateway re-read the object from the provider")
    WEBHOOK,
    @Description("one of this gateway's own mutations")
    MUTATION,
    @Description("the settlement of a mutation whose outcome was unknown")
    RECONCILIATION,
    @Description("a read that found the provider's copy different from the gateway's last-known copy")
    REFRESH
}
