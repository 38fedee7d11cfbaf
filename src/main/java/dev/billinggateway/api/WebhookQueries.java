package dev.billinggateway.api;

import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import dev.billinggateway.config.GatewayConfig;
import dev.billinggateway.domain.Provider;
import dev.billinggateway.persistence.WebhookEvent;
import dev.billinggateway.persistence.WebhookInboxStore;
import io.smallrye.mutiny.Uni;

@GraphQLApi
public class WebhookQueries {

    @Inject
    WebhookInboxStore inbox;

    @Inject
    GatewayConfig config;

    @Inject
    Caller caller;

    @Query("webhookEvents")
    @Description("the webhook inbox, newest first: RECEIVED (processing or retrying), PROCESSED, FAILED (gave up)")
    public Uni<@NonNull List<@NonNull WebhookEventNode>> webhookEvents(@Name("provider") Provider provider,
            @Name("status") WebhookEventStatus status, @Name("first") Integer first) {
        caller.requireRead();
        int limit = Pages.size(first, config);
        return inbox.recent(provider == null ? null : provider.name(),
                status == null ? null : WebhookEvent.Status.valueOf(status.name()), limit)
                .map(events -> events.stream().map(WebhookEventNode::of).toList());
    }
}
