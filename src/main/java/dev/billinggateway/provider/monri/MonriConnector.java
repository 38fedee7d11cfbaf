package dev.billinggateway.provider.monri;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.billinggateway.connector.CancelSubscription;
import dev.billinggateway.connector.CreateSubscription;
import dev.billinggateway.connector.FetchCustomer;
import dev.billinggateway.connector.FetchSubscription;
import dev.billinggateway.connector.ListCustomers;
import dev.billinggateway.connector.PageRequest;
import dev.billinggateway.connector.ProviderPage;
import dev.billinggateway.connector.UpdateSubscription;
import dev.billinggateway.domain.CreateSubscriptionInput;
import dev.billinggateway.domain.Customer;
import dev.billinggateway.domain.CustomerInput;
import dev.billinggateway.domain.ErrorCode;
import dev.billinggateway.domain.GatewayException;
import dev.billinggateway.domain.Money;
import dev.billinggateway.domain.Provider;
import dev.billinggateway.domain.Subscription;
import dev.billinggateway.domain.Support;
import dev.billinggateway.domain.UpdateSubscriptionInput;
import dev.billinggateway.observability.ObservedProviderCalls;
import dev.billinggateway.provider.monri.dto.MonriJson;
import io.smallrye.mutiny.Uni;

/**
 * Monri behind the gateway's operations. Customers: {@code GET /v2/customers/:uuid} and
 * {@code GET /v2/customers?limit=&offset=}. Customer subscriptions, each shown with its plan (name, price,
 * period): create needs a customer and a plan first; update changes only the dates; cancel is emulated by
 * moving {@code active_to}, because Monri has no cancel endpoint. Monri has no list of customer subscriptions
 * and no status switch: those operations are not offered.
 */
@ApplicationScoped
@ObservedProviderCalls
public class MonriConnector implements FetchCustomer, ListCustomers, FetchSubscription, CreateSubscription,
        UpdateSubscription, CancelSubscription {

    /** Monri's page when none is asked for is 20; larger pages are not documented, so stay modest. */
    static final int MAX_PAGE = 100;

    /** Plan lookup reads at most this many plans (pages of 100) before creating one. */
    static final int PLAN_PAGE = 100;
    static final int PLAN_PAGES = 10;

    @Inject
    MonriClient monri;

    @Inject
    MonriModule module;

    @Override
    public Provider provider() {
        return Provider.MONRI;
    }

    // --- customers

    @Override
    public Uni<Customer> fetchCustomer(String providerCustomerId) {
        return monri.customer(providerCustomerId).map(MonriMapping::customer);
    }

    /** Pages by offset; the cursor is the next offset. Monri cannot filter, so the e-mail filter applies per page. */
    @Override
    public Uni<ProviderPage<Customer>> listCustomers(String email, PageRequest page) {
        int limit = Math.max(1, Math.min(page.limit(), MAX_PAGE));
        return Uni.createFrom().item(page::cursor).map(MonriConnector::offset)
                .flatMap(offset -> monri.customers(limit, offset).map(list -> page(list, email, limit, offset)));
    }

    private static ProviderPage<Customer> page(MonriJson.CustomerList list, String email, int limit, int offset) {
        List<MonriJson.Customer> data = list.data() == null ? List.of() : list.data();
        List<Customer> items = data.stream()
                .filter(c -> email == null || email.equalsIgnoreCase(c.email()))
                .map(MonriMapping::customer)
                .toList();
        // a full page may have more behind it
        return new ProviderPage<>(items, data.size() < limit ? null : Integer.toString(offset + limit));
    }

    private static int offset(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return 0;
        }
        try {
            int offset = Integer.parseInt(cursor);
            if (offset >= 0) {
                return offset;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the validation error
        }
        throw GatewayException.validation("after", "a cursor returned by a previous MONRI page", "unknown cursor");
    }

    // --- read

    @Override
    public Uni<Subscription> fetchSubscription(String providerSubscriptionId) {
        long id;
        try {
            id = Long.parseLong(providerSubscriptionId);
        } catch (NumberFormatException e) {
            return Uni.createFrom().failure(GatewayException.of(ErrorCode.NOT_FOUND,
                    "'" + providerSubscriptionId + "' is not a Monri customer subscription id").provider(Provider.MONRI).build());
        }
        return monri.customerSubscription(id).flatMap(cs -> {
            if (cs.subscriptionId() == null) {
                return Uni.createFrom().failure(GatewayException.unavailable(Provider.MONRI,
                        "Monri's customer subscription " + id + " names no plan", null));
            }
            return monri.plan(cs.subscriptionId()).map(plan -> MonriMapping.subscription(cs, plan, module.today()));
        });
    }

    // --- create

    @Override
    public void validateCreate(CreateSubscriptionInput input) {
        MonriRules.validateCreate(input);
    }

    @Override
    public Uni<Subscription> createSubscription(CreateSubscriptionInput input) {
        // deferred: a broken rule fails the Uni (nothing sent) instead of throwing at the caller
        return Uni.createFrom().deferred(() -> {
            validateCreate(input);
            return createValid(input);
        });
    }

    private Uni<Subscription> createValid(CreateSubscriptionInput input) {
        return plan(input).flatMap(plan -> customer(input.customer).flatMap(customer -> {
            MonriJson.CustomerSubscriptionRequest request = new MonriJson.CustomerSubscriptionRequest(
                    plan.id(),
                    customer.uuid(),
                    MonriMapping.dateText(input.monri.nextChargeDate),
                    MonriMapping.dateText(input.monri.activeFrom),
                    MonriMapping.dateText(input.monri.activeTo));
            return monri.createCustomerSubscription(request)
                    .map(cs -> MonriMapping.subscription(cs, plan, module.today()));
        }));
    }

    /** The given plan (checked against the amount and interval), or a matching one, or a new one. */
    private Uni<MonriJson.Plan> plan(CreateSubscriptionInput input) {
        long price = minorUnits(input);
        String currency = input.amount.currency.toUpperCase(Locale.ROOT);
        String period = MonriMapping.period(input.interval.unit, input.interval.count);
        if (input.monri.planId != null) {
            long planId = Long.parseLong(input.monri.planId);
            return monri.plan(planId)
                    .onFailure(MonriErrors::isNotFound).transform(e -> GatewayException.validation("input.monri.planId",
                            "an existing Monri plan", "Monri has no plan " + planId))
                    .invoke(plan -> {
                        if (!sameTerms(plan, price, currency, period)) {
                            throw GatewayException.validation("input.monri.planId",
                                    "the plan's price, currency and period equal input.amount and input.interval",
                                    "Monri plan " + planId + " bills " + plan.price() + " " + plan.currency() + " per " + plan.period());
                        }
                    });
        }
        String description = input.productDescription != null ? input.productDescription : input.productName;
        if (module.config().planLookup() == MonriConfig.PlanLookup.OFF) {
            return monri.createPlan(new MonriJson.PlanRequest(input.productName, description, price, currency, period));
        }
        return findPlans(0, 0).flatMap(plans -> {
            Optional<MonriJson.Plan> same = plans.stream()
                    .filter(p -> input.productName.equals(p.name()) && sameTerms(p, price, currency, period))
                    .findFirst();
            if (same.isPresent()) {
                return Uni.createFrom().item(same.get());
            }
            // plan names are unique at Monri: a name already used for other terms gets the terms appended
            boolean nameTaken = plans.stream().anyMatch(p -> input.productName.equals(p.name()));
            String name = nameTaken ? input.productName + " (" + input.amount.amount.toPlainString() + " " + currency + " per " + period + ")"
                    : input.productName;
            return monri.createPlan(new MonriJson.PlanRequest(name, description, price, currency, period));
        });
    }

    private Uni<List<MonriJson.Plan>> findPlans(int page, int offset) {
        return monri.plans(PLAN_PAGE, offset).flatMap(list -> {
            List<MonriJson.Plan> data = list.data() == null ? List.of() : list.data();
            if (data.size() < PLAN_PAGE || page + 1 >= PLAN_PAGES) {
                return Uni.createFrom().item(data);
            }
            return findPlans(page + 1, offset + PLAN_PAGE).map(rest -> {
                List<MonriJson.Plan> all = new ArrayList<>(data);
                all.addAll(rest);
                return all;
            });
        });
    }

    private static boolean sameTerms(MonriJson.Plan plan, long price, String currency, String period) {
        return plan.price() != null && plan.price() == price && currency.equalsIgnoreCase(plan.currency()) && period.equals(plan.period());
    }

    /**
     * The Monri customer for this e-mail: found by {@code merchant_customer_id} (the gateway sets it to the
     * lower-cased e-mail), brought up to date where the input differs, or created.
     */
    private Uni<MonriJson.Customer> customer(CustomerInput input) {
        String email = input.email.trim();
        String merchantCustomerId = email.toLowerCase(Locale.ROOT);
        String phone = input.phone == null ? null : MonriMapping.phoneText(input.phone.countryCode, input.phone.number);
        return monri.customerByMerchantId(merchantCustomerId).flatMap(found -> {
            if (found.isEmpty()) {
                return monri.createCustomer(new MonriJson.CustomerRequest(merchantCustomerId, email, input.name, phone));
            }
            MonriJson.Customer existing = found.get();
            MonriJson.CustomerRequest changes = new MonriJson.CustomerRequest(null,
                    email.equals(existing.email()) ? null : email,
                    input.name == null || input.name.equals(existing.name()) ? null : input.name,
                    phone == null || phone.equals(existing.phone()) ? null : phone);
            if (changes.email() == null && changes.name() == null && changes.phone() == null) {
                return Uni.createFrom().item(existing);
            }
            return monri.updateCustomer(existing.uuid(), changes);
        });
    }

    private static long minorUnits(CreateSubscriptionInput input) {
        return new Money(input.amount.amount, input.amount.currency).toMinor();
    }

    // --- update

    @Override
    public Set<String> updatableFields() {
        return MonriRules.UPDATABLE_FIELDS;
    }

    @Override
    public void validateUpdate(Subscription current, UpdateSubscriptionInput input) {
        MonriRules.validateUpdate(current, input);
    }

    @Override
    public Uni<Subscription> updateSubscription(Subscription current, UpdateSubscriptionInput input) {
        return Uni.createFrom().deferred(() -> {
            MonriRules.validateUpdate(current, input);
            return changeDates(current, new MonriJson.CustomerSubscriptionRequest(null, null,
                    MonriMapping.dateText(input.nextChargeDate),
                    MonriMapping.dateText(input.activeFrom),
                    MonriMapping.dateText(input.activeTo)));
        });
    }

    // --- cancel (emulated)

    @Override
    public Support cancelSupport() {
        return Support.EMULATED;
    }

    /**
     * Sets {@code active_to} to the earliest date Monri's rules allow: today, or the day after
     * {@code next_charge_date} when that is later (Monri wants the next charge before the end, so a charge
     * already scheduled for today or later still happens). Sends nothing when it already ends by then.
     */
    @Override
    public Uni<Subscription> cancelSubscription(Subscription current) {
        LocalDate today = module.today();
        LocalDate end = MonriRules.cancelEnd(current, today);
        if (end == null) {
            return Uni.createFrom().item(MonriMapping.withDates(current, null, today));
        }
        return changeDates(current, new MonriJson.CustomerSubscriptionRequest(null, null, null, null, MonriMapping.dateText(end)));
    }

    /** Sends the new dates; the plan is unchanged, so its fields come from the current subscription. */
    private Uni<Subscription> changeDates(Subscription current, MonriJson.CustomerSubscriptionRequest request) {
        long id = Long.parseLong(current.providerSubscriptionId());
        return monri.updateCustomerSubscription(id, request)
                .map(cs -> MonriMapping.withDates(current, cs, module.today()));
    }
}
