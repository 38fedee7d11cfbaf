package dev.billinggateway.domain;

import org.eclipse.microprofile.graphql.Description;

public enum SubscriptionStatus {
    @Description("created; waiting for the customer to bind a card, or for its start date")
    PENDING,
    ACTIVE,
    @Description("the provider is retrying a failed charge")
    PAST_DUE,
    @Description("paused or deactivated; can be activated again")
    INACTIVE,
    @Description("cancelled; terminal")
    CANCELED,
    @Description("ran its course: all charges made, or past its end date")
    ENDED
}
