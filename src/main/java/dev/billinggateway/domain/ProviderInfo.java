package dev.billinggateway.domain;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

public record ProviderInfo(
        @NonNull Provider provider,
        boolean enabled,
        @Description("true when the built-in sandbox serves this provider") boolean sandbox,
        @Description("false while calls to it are failing (circuit open)") boolean healthy,
        @NonNull ProviderCapabilities capabilities) {
}
