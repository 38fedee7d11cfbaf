package dev.billinggateway.domain;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

public record ProviderCapabilities(
        @NonNull Support toggleCustomerStatus,
        @NonNull Support createSubscription,
        @NonNull Support updateSubscription,
        @NonNull @Description("the UpdateSubscriptionInput fields this provider accepts") List<@NonNull String> updatableFields,
        @NonNull Support cancelSubscription,
        @NonNull Support listCustomers) {
}
