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
import dev.billinggateway.domain.CustomerField;
import dev.billinggateway.domain.Provider;
import dev.billinggateway.domain.SubscriptionStatus;
import dev.billinggateway.domain.UpdateSubscriptionInput;
import dev.billinggateway.service.CustomerView;
import dev.billinggateway.service.SubscriptionService;
import dev.billinggateway.service.SubscriptionView;
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

    /** The customers of subscriptions that do not carry what the query needs: one read per list, each customer once. */
    private final TurnBatcher<Set<CustomerField>, SubscriptionView, CustomerView> customerReads = new TurnBatcher<>(
            SubscriptionView::customerId, (needed, owners) -> subscriptions.customersOf(owners, needed));

    @Description("the customer the subscription belongs to. Fields the subscription's own read already carries (see README, "
            + "\"What each field costs\") cost no further provider call")
    public Uni<CustomerNode> customer(@Source SubscriptionNode owned) {
        // read now: SmallRye clears the context once this method returns
        DataFetchingEnvironment env = context.unwrap(DataFetchingEnvironment.class);
        Set<String> selected = SelectedFields.under(env, "Subscription", "customer");
        Set<CustomerField> needed = CustomerFields.needed(selected);
        SubscriptionView subscription = owned.view();
        if (subscription.customerId() == null) {
            return Uni.createFrom().nullItem();
        }
        // not batched by SmallRye: most customers come with their subscription, and those should cost nothing
        CustomerView carried = subscriptions.customerCarriedBy(subscription, needed);
        if (carried != null) {
            return Uni.createFrom().item(CustomerNode.of(carried));
        }
        return customerReads.load(env == null ? null : env.getGraphQlContext(), needed, subscription)
                .map(found -> found == null ? null : CustomerNode.of(found));
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
