package dev.billinggateway.api;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;

public record SubscriptionConnection(@NonNull List<@NonNull SubscriptionNode> nodes, @NonNull PageInfo pageInfo) {
}
