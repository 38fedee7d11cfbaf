package dev.billinggateway.live;

import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import dev.billinggateway.domain.GatewayException;
import dev.billinggateway.domain.Provider;
import dev.billinggateway.persistence.LinkStore;
import io.smallrye.graphql.api.Nullable;
import io.smallrye.graphql.api.Subscription;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The GraphQL subscriptions (root type {@value SubscriptionRootName#ROOT}). Their events are nullable in the schema: a
 * stream that fails (an unknown ID) reaches the client as a result with the error, which graphql-java would
 * otherwise replace by a null-value complaint. They run only over the WebSocket at
 * {@code /graphql}, where {@link LiveSocket} has already checked the caller's token and role at
 * {@code connection_init} and applies the per-connection limits.
 */
@GraphQLApi
public class LiveApi {

    @Inject
    LiveEvents events;

    @Inject
    LinkStore links;

    @Subscription("subscriptionUpdated")
    @Description("every change of this subscription from now on, from any instance of the gateway: the subscription as the gateway"
            + " now has it, what caused the change and when")
    public Multi<SubscriptionEvent> subscriptionUpdated(@Name("id") @Id @NonNull String id) {
        return known(links.subscriptionsById(List.of(id)).map(found -> found.containsKey(id)), "no subscription with id " + id)
                .onItem().transformToMultiAndConcatenate(v -> events.follow(e -> e.subscription() != null && id.equals(e.subscription().id())))
                .map(SubscriptionEvent::of);
    }

    @Subscription("customerUpdated")
    @Description("every change of this customer from now on (as subscriptionUpdated)")
    public Multi<CustomerEvent> customerUpdated(@Name("id") @Id @NonNull String id) {
        return known(links.customersById(List.of(id)).map(found -> found.containsKey(id)), "no customer with id " + id)
                .onItem().transformToMultiAndConcatenate(v -> events.follow(e -> e.customer() != null && id.equals(e.customer().id())))
                .map(CustomerEvent::of);
    }

    @Subscription("billingEvents")
    @Description("every change of every subscription and customer the gateway has linked, for back-offices; optionally of one"
            + " provider and of some event types only")
    public Multi<BillingEvent> billingEvents(@Name("provider") Provider provider, @Name("types") @Nullable List<@NonNull BillingEventType> types) {
        return events.follow(e -> (provider == null || provider == e.provider()) && (types == null || types.isEmpty() || types.contains(e.type())))
                .map(BillingEvent::of);
    }

    private static Multi<Boolean> known(Uni<Boolean> exists, String message) {
        return exists.onItem().transform(found -> {
            if (!found) {
                throw GatewayException.notFound(message);
            }
            return true;
        }).toMulti();
    }
}
