package dev.billinggateway.api;

import java.util.List;

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
import dev.billinggateway.domain.Provider;
import dev.billinggateway.service.CustomerService;
import dev.billinggateway.service.SubscriptionService;
import io.smallrye.mutiny.Uni;

@GraphQLApi
public class CustomerApi {

    @Inject
    CustomerService customers;

    @Inject
    SubscriptionService subscriptions;

    @Inject
    GatewayConfig config;

    @Inject
    Caller caller;

    @Query("customer")
    public Uni<CustomerNode> customer(@Name("id") @Id @NonNull String id) {
        caller.requireRead();
        return customers.get(id).map(CustomerNode::of);
    }

    @Query("customers")
    @Description("customers of every enabled provider (or one), merged in a stable order with cursor paging")
    public Uni<@NonNull CustomerConnection> customers(@Name("filter") CustomerFilter filter, @Name("first") Integer first,
            @Name("after") String after) {
        caller.requireRead();
        Provider provider = filter == null ? null : filter.provider;
        String email = filter == null ? null : filter.email;
        return Connections.of(Uni.createFrom().deferred(() -> customers.list(provider, email, Pages.size(first, config), after)),
                CustomerNode::of, CustomerConnection::new);
    }

    @Description("the customer's subscriptions at its provider")
    @NonNull
    public Uni<List<@NonNull List<@NonNull SubscriptionNode>>> subscriptions(@Source List<CustomerNode> owners) {
        return subscriptions.subscriptionsOf(owners.stream().map(CustomerNode::view).toList())
                .map(lists -> lists.stream().map(l -> l.stream().map(SubscriptionNode::of).toList()).toList());
    }

    @Mutation("toggleCustomerStatus")
    @Description("flips the customer's active status (Revenue Monster's toggle); with an idempotency key it flips at most once")
    public Uni<@NonNull CustomerNode> toggleCustomerStatus(@Name("id") @Id @NonNull String id,
            @Name("idempotencyKey") String idempotencyKey) {
        caller.requireWrite();
        return customers.toggle(caller.subject(), id, idempotencyKey).map(CustomerNode::of);
    }

    @Mutation("setCustomerStatus")
    @Description("sets the status; does nothing when it already is so")
    public Uni<@NonNull CustomerNode> setCustomerStatus(@Name("id") @Id @NonNull String id, @Name("active") boolean active,
            @Name("idempotencyKey") String idempotencyKey) {
        caller.requireWrite();
        return customers.setStatus(caller.subject(), id, active, idempotencyKey).map(CustomerNode::of);
    }

    @Mutation("linkCustomer")
    @Description("makes a provider's existing customer known to the gateway (Revenue Monster has no list endpoint)")
    public Uni<@NonNull CustomerNode> linkCustomer(@Name("provider") @NonNull Provider provider,
            @Name("providerCustomerId") @NonNull String providerCustomerId) {
        caller.requireWrite();
        return customers.link(caller.subject(), provider, providerCustomerId).map(CustomerNode::of);
    }
}
