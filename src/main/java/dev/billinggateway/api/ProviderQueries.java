package dev.billinggateway.api;

import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import dev.billinggateway.connector.ConnectorRegistry;
import dev.billinggateway.connector.ProviderModule;
import dev.billinggateway.domain.ProviderInfo;

@GraphQLApi
public class ProviderQueries {

    @Inject
    ConnectorRegistry registry;

    @Inject
    Caller caller;

    @Query("providers")
    @Description("every provider this gateway knows, whether it is on, and what it can do")
    public @NonNull List<@NonNull ProviderInfo> providers() {
        caller.requireRead();
        return registry.providers().stream().map(p -> {
            ProviderModule m = registry.module(p).orElseThrow();
            return new ProviderInfo(p, m.enabled(), m.sandboxed(), m.healthy(), registry.capabilities(p));
        }).toList();
    }
}
