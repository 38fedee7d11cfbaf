package dev.billinggateway.domain;

import org.eclipse.microprofile.graphql.NonNull;

public record BillingInterval(@NonNull IntervalUnit unit, int count) {
    public static BillingInterval of(IntervalUnit unit, int count) {
        return new BillingInterval(unit, count);
    }
}
