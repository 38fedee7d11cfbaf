package dev.billinggateway.api;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;

public record CustomerConnection(@NonNull List<@NonNull CustomerNode> nodes, @NonNull PageInfo pageInfo) {
}
