package dev.billinggateway.api;

import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import dev.billinggateway.config.GatewayConfig;
import dev.billinggateway.domain.CreateSubscriptionInput;
import dev.billinggateway.domain.Provider;
import dev.billinggateway.domain.SubscriptionStatus;
import dev.billinggateway.domain.UpdateSubscriptionInput;
import dev.billinggateway.service.SubscriptionService;
import graphql.schema.DataFetchingEnvironment;
import io.smallrye.graphql.api.Context;
import io.smallrye.mutiny.Uni;

@GraphQLApi
public class SubscriptionApi {

    @Inject
    SubscriptionService subscriptions;

    @Inject
    GatewayConfig config;

    @Inject
    Caller caller;

    @Inject
    Context context;

    @Query("subscription")
    public Uni<SubscriptionNode> subscription(@Name("id") @Id @NonNull String id) {
        caller.requireRead();
        return subscriptions.get(id).map(SubscriptionNode::of);
    }

    @Query("subscriptions")
    @Description("subscriptions of every enabled provider (or one), merged in a stable order with cursor paging")
    public Uni<@NonNull SubscriptionConnection> subscriptions(@Name("filter") SubscriptionFilter filter, @Name("first") Integer first,
            @Name("after") String after) {
        caller.requireRead();
        Provider provider = filter == null ? null : filter.provider;
        String email = filter == null ? null : filter.customerEmail;
        SubscriptionStatus status = filter == null ? null : filter.status;
        return Connections.of(
                Uni.createFrom().deferred(() -> subscriptions.list(provider, email, status, Pages.size(first, config), after)),
                SubscriptionNode::of, SubscriptionConnection::new);
    }

    @Description("the customer the subscription belongs to. Fields the subscription's own read already carries (see README, "
            + "\"What each field costs\") cost no further provider call")
    public Uni<List<CustomerNode>> customer(@Source List<SubscriptionNode> owned) {
        // read now: SmallRye clears the context once this method returns
        Set<String> selected = SelectedFields.under(context.unwrap(DataFetchingEnvironment.class), "Subscription", "customer");
        return subscriptions.customersOf(owned.stream().map(SubscriptionNode::view).toList(), CustomerFields.needed(selected))
                .map(found -> found.stream().map(CustomerNode::of).toList());
    }

    @Mutation("createSubscription")
    public Uni<@NonNull SubscriptionNode> createSubscription(@Name("input") @NonNull CreateSubscriptionInput input,
            @Name("idempotencyKey") String idempotencyKey) {
        caller.requireWrite();
        return Uni.createFrom().deferred(() -> subscriptions.create(caller.subject(), input, idempotencyKey).map(SubscriptionNode::of));
    }

    @Mutation("updateSubscription")
    public Uni<@NonNull SubscriptionNode> updateSubscription(@Name("id") @Id @NonNull String id,
            @Name("input") @NonNull UpdateSubscriptionInput input, @Name("idempotencyKey") String idempotencyKey) {
        caller.requireWrite();
        return Uni.createFrom().deferred(() -> subscriptions.update(caller.subject(), id, input, idempotencyKey).map(SubscriptionNode::of));
    }

    @Mutation("cancelSubscription")
    public Uni<@NonNull SubscriptionNode> cancelSubscription(@Name("id") @Id @NonNull String id,
            @Name("idempotencyKey") String idempotencyKey) {
        caller.requireWrite();
        return Uni.createFrom().deferred(() -> subscriptions.cancel(caller.subject(), id, idempotencyKey).map(SubscriptionNode::of));
    }
}
