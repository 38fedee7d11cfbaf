package dev.billinggateway.provider.revenuemonster;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.billinggateway.config.GatewayConfig;
import dev.billinggateway.connector.CancelSubscription;
import dev.billinggateway.connector.CreateSubscription;
import dev.billinggateway.connector.FetchCustomer;
import dev.billinggateway.connector.FetchSubscription;
import dev.billinggateway.connector.ListCustomerSubscriptions;
import dev.billinggateway.connector.ToggleCustomerStatus;
import dev.billinggateway.domain.CreateSubscriptionInput;
import dev.billinggateway.domain.Customer;
import dev.billinggateway.domain.CustomerField;
import dev.billinggateway.domain.ErrorCode;
import dev.billinggateway.domain.GatewayException;
import dev.billinggateway.domain.Provider;
import dev.billinggateway.domain.Subscription;
import dev.billinggateway.domain.Support;
import dev.billinggateway.provider.revenuemonster.dto.RecurringCustomer;
import dev.billinggateway.provider.revenuemonster.dto.Order;
import dev.billinggateway.observability.ObservedProviderCalls;
import io.smallrye.mutiny.Uni;

/**
 * Revenue Monster through the connector SPI. A recurring customer is both the customer and its one
 * subscription (same ID). RM offers get, toggle and create; it has no list (the gateway lists what it
 * created or linked), no update (UNSUPPORTED_BY_PROVIDER, as this bean does not implement it) and no
 * cancel (emulated by deactivating).
 */
@ApplicationScoped
@ObservedProviderCalls
public class RevenueMonsterConnector implements FetchCustomer, FetchSubscription, ListCustomerSubscriptions,
        ToggleCustomerStatus, CreateSubscription, CancelSubscription {

    @Inject
    RevenueMonsterClient client;

    @Inject
    RevenueMonsterSettings settings;

    @Inject
    GatewayConfig gateway;

    @Override
    public Provider provider() {
        return Provider.REVENUE_MONSTER;
    }

    @Override
    public Uni<Customer> fetchCustomer(String providerCustomerId) {
        return client.getCustomer(providerCustomerId)
                .onFailure().transform(RevenueMonsterErrors::forCustomerRead)
                .map(RevenueMonsterMapping::toCustomer);
    }

    /** The subscription is read from the recurring customer itself: it carries every customer field. */
    @Override
    public Set<CustomerField> carriedCustomerFields() {
        return EnumSet.allOf(CustomerField.class);
    }

    @Override
    public Uni<Subscription> fetchSubscription(String providerSubscriptionId) {
        return client.getCustomer(providerSubscriptionId)
                .onFailure().transform(RevenueMonsterErrors::forCustomerRead)
                .chain(this::withCharges);
    }

    @Override
    public Uni<List<Subscription>> subscriptionsOf(String providerCustomerId) {
        return client.getCustomer(providerCustomerId)
                .onFailure().transform(RevenueMonsterErrors::forCustomerRead)
                .chain(rm -> rm.schedule() == null ? Uni.createFrom().item(List.<Subscription>of())
                        : withCharges(rm).map(List::of));
    }

    @Override
    public Uni<Customer> toggleCustomerStatus(String providerCustomerId) {
        return client.toggleCustomerStatus(providerCustomerId)
                .onFailure().transform(RevenueMonsterErrors::forMutation)
                .map(RevenueMonsterMapping::toCustomer);
    }

    @Override
    public void validateCreate(CreateSubscriptionInput input) {
        RevenueMonsterMapping.validate(input, settings.storeId().orElse(null));
    }

    @Override
    public Uni<Subscription> createSubscription(CreateSubscriptionInput input) {
        return Uni.createFrom().item(() -> {
            validateCreate(input);
            return RevenueMonsterMapping.toRequest(input, settings.storeId().orElse(null),
                    gateway.webhookUrl(Provider.REVENUE_MONSTER));
        }).chain(request -> client.createRecurringCustomer(request)
                .onFailure().transform(RevenueMonsterErrors::forMutation))
                // a new customer has no charges yet; it stays PENDING until the card is bound at paymentUrl
                .map(rm -> RevenueMonsterMapping.toSubscription(rm, 0, today()));
    }

    /** RM has no cancel: deactivating stops future charges, and it can be reactivated later. */
    @Override
    public Support cancelSupport() {
        return Support.EMULATED;
    }

    @Override
    public Uni<Subscription> cancelSubscription(Subscription current) {
        String id = current.providerSubscriptionId();
        // toggle flips: read first, and flip only an active customer
        return client.getCustomer(id)
                .onFailure().transform(RevenueMonsterErrors::forRead)
                .chain(rm -> Boolean.TRUE.equals(rm.isActive())
                        ? client.toggleCustomerStatus(id).onFailure().transform(RevenueMonsterErrors::forMutation)
                                .invoke(toggled -> {
                                    if (Boolean.TRUE.equals(toggled.isActive())) {
                                        throw GatewayException.of(ErrorCode.OUTCOME_UNKNOWN,
                                                "Revenue Monster still reports the customer active after deactivation")
                                                .provider(Provider.REVENUE_MONSTER).retryable(false).build();
                                    }
                                })
                        : Uni.createFrom().item(rm))
                .chain(this::withCharges);
    }

    /** The subscription with its count of successful charges, read from the customer's orders. */
    private Uni<Subscription> withCharges(RecurringCustomer rm) {
        return countSuccessfulCharges(rm.id(), null, 0, 0)
                .onFailure(GatewayException.class).recoverWithItem(failure -> {
                    ErrorCode code = ((GatewayException) failure).code();
                    if (code == ErrorCode.NOT_FOUND || code == ErrorCode.PROVIDER_REJECTED) {
                        return null; // e.g. no orders for a customer who never bound a card: count unknown, not fatal
                    }
                    throw (GatewayException) failure;
                })
                .map(charged -> RevenueMonsterMapping.toSubscription(rm, charged, today()));
    }

    private Uni<Integer> countSuccessfulCharges(String customerId, String cursor, int pagesRead, int countSoFar) {
        return client.getCustomerOrders(customerId, cursor)
                .onFailure().transform(RevenueMonsterErrors::forRead)
                .chain(page -> {
                    int count = countSoFar;
                    for (Order order : page.items()) {
                        if ("SUCCESS".equalsIgnoreCase(order.status())) {
                            count++;
                        }
                    }
                    int pages = pagesRead + 1;
                    if (page.nextCursor() == null || page.items().isEmpty() || pages >= settings.config().maxOrderPages()) {
                        return Uni.createFrom().item(count);
                    }
                    return countSuccessfulCharges(customerId, page.nextCursor(), pages, count);
                });
    }

    private static LocalDate today() {
        return LocalDate.now(RevenueMonsterMapping.RM_ZONE);
    }
}
