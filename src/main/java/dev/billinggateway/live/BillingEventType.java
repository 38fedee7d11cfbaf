package dev.billinggateway.live;

import org.eclipse.microprofile.graphql.Enum;

/** The kinds of change the {@code billingEvents} feed carries. */
@Enum("BillingEventType")
public enum BillingEventType {
    SUBSCRIPTION_UPDATED,
    CUSTOMER_UPDATED
}
