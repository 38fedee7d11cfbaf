package dev.billinggateway.provider.hitpay;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.billinggateway.connector.CancelSubscription;
import dev.billinggateway.connector.CreateSubscription;
import dev.billinggateway.connector.FetchCustomer;
import dev.billinggateway.connector.FetchSubscription;
import dev.billinggateway.connector.ListCustomerSubscriptions;
import dev.billinggateway.connector.ListCustomers;
import dev.billinggateway.connector.ListSubscriptions;
import dev.billinggateway.connector.PageRequest;
import dev.billinggateway.connector.ProviderPage;
import dev.billinggateway.connector.UpdateSubscription;
import dev.billinggateway.domain.CreateSubscriptionInput;
import dev.billinggateway.domain.Customer;
import dev.billinggateway.domain.CustomerField;
import dev.billinggateway.domain.ErrorCode;
import dev.billinggateway.domain.GatewayException;
import dev.billinggateway.domain.Provider;
import dev.billinggateway.domain.Subscription;
import dev.billinggateway.domain.SubscriptionStatus;
import dev.billinggateway.domain.UpdateSubscriptionInput;
import dev.billinggateway.provider.hitpay.dto.RecurringBilling;
import dev.billinggateway.provider.hitpay.dto.RecurringBillingPage;
import dev.billinggateway.provider.hitpay.dto.UpdateRecurringBillingRequest;
import dev.billinggateway.observability.ObservedProviderCalls;
import io.smallrye.mutiny.Uni;

/**
 * HitPay's recurring billings behind the gateway's operations. HitPay has no customer object: a customer
 * is the {@code customer_email} of recurring billings (its {@code providerCustomerId}), and its
 * subscriptions are the billings with that e-mail. HitPay has no status toggle, so
 * {@code ToggleCustomerStatus} is deliberately not implemented (UNSUPPORTED_BY_PROVIDER; cancel instead).
 */
@ApplicationScoped
@ObservedProviderCalls
public class HitPayConnector implements FetchSubscription, ListSubscriptions, ListCustomerSubscriptions,
        FetchCustomer, ListCustomers, CreateSubscription, UpdateSubscription, CancelSubscription {

    private static final int MAX_PAGE_SIZE = 100;

    /**
     * List requests for later statuses, which a page may not need, in flight at once across all pages:
     * enough for four pages at a time to ask all their statuses at once, few enough that pages listed in
     * parallel do not fill the list calls' bulkhead (20 running, 100 waiting, see {@link HitPayClient#list})
     * with requests they may not read, where the requests they do need would be turned away and trip the
     * circuit breaker. Without a permit a page asks a status when it reaches it, one after another.
     */
    static final int MAX_ASKED_AHEAD = 16;

    @Inject
    HitPayClient client;

    @Inject
    HitPayModule module;

    @Inject
    HitPayConfig config;

    /** Permits for list requests asked ahead of need, see {@link #MAX_ASKED_AHEAD}. */
    private final Semaphore askedAhead = new Semaphore(MAX_ASKED_AHEAD);

    /** "Today" is always taken in Singapore time. */
    private volatile Clock clock = Clock.systemUTC();

    /**
     * For tests: a method, not a field write, so that it reaches the bean behind CDI's client proxy (a field
     * written on the proxy is never read).
     */
    void useClock(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Provider provider() {
        return Provider.HITPAY;
    }

    // ---- reads

    /** A billing names its customer's e-mail and name: {@code customer { email name }} costs no customer read (five list calls). */
    @Override
    public Set<CustomerField> carriedCustomerFields() {
        return HitPayMapping.CARRIED;
    }

    @Override
    public Uni<Subscription> fetchSubscription(String providerSubscriptionId) {
        return client.fetch(providerSubscriptionId)
                .onFailure().transform(HitPayErrors::onRead)
                .map(HitPayMapping::subscription);
    }

    /**
     * Pages through the statuses in order (HitPay lists one status per call), reading on into the next
     * status until the page has {@code limit} items; the cursor is where the next page starts,
     * {@code status:page}. Starting again from the same cursor gives the same page. The cursor's page and
     * page 1 of every later status are asked at once (within {@link #MAX_ASKED_AHEAD}), so a page costs one
     * round trip instead of one per status it reads; the answers are then taken in status order exactly as
     * the walk one status after another took them, so items, page boundaries and cursors stay the same.
     */
    @Override
    public Uni<ProviderPage<Subscription>> listSubscriptions(String customerEmail, SubscriptionStatus status, PageRequest page) {
        List<String> statuses;
        if (status == null) {
            statuses = HitPayMapping.LISTABLE_STATUSES;
        } else {
            String filter = HitPayMapping.statusFilter(status);
            if (filter == null) {
                // HitPay's list filter has no "completed": such billings are only reachable by ID
                return Uni.createFrom().item(ProviderPage.last(List.of()));
            }
            statuses = List.of(filter);
        }
        int perPage = Math.max(1, Math.min(MAX_PAGE_SIZE, page.limit()));
        return Uni.createFrom().deferred(() -> {
            String email = blankToNull(customerEmail);
            Cursor start = Cursor.parse(page.cursor(), statuses);
            return listFrom(email, statuses, start, perPage, askAtOnce(email, statuses, start, perPage), new ArrayList<>());
        }).onFailure().transform(HitPayErrors::onRead);
    }

    /**
     * Sends the page the cursor points at and, as far as {@link #askedAhead} allows, page 1 of every later
     * status, all now, side by side; each answer is kept until the walk reads it. An answer the page turns
     * out not to need (it filled up in an earlier status) is never read and is dropped, failure included:
     * a few extra GETs per page, accepted for one round trip instead of up to one per status. Not
     * {@code Uni.join()} as in {@link #allBillings}: that waits for every answer and fails on any, while a
     * page waits only for the answers it takes.
     */
    private Map<Cursor, CompletableFuture<RecurringBillingPage>> askAtOnce(String email, List<String> statuses, Cursor start,
            int perPage) {
        Map<Cursor, CompletableFuture<RecurringBillingPage>> asked = new HashMap<>();
        asked.put(start, client.list(email, start.status(), start.page(), perPage).subscribeAsCompletionStage());
        for (Cursor later = start.nextStatus(statuses); later != null; later = later.nextStatus(statuses)) {
            if (!askedAhead.tryAcquire()) {
                break; // the rest are asked when the page reaches them
            }
            Cursor ahead = later;
            asked.put(ahead, Uni.createFrom().deferred(() -> client.list(email, ahead.status(), ahead.page(), perPage))
                    .onTermination().invoke(askedAhead::release)
                    .subscribeAsCompletionStage());
        }
        return Map.copyOf(asked);
    }

    private Uni<ProviderPage<Subscription>> listFrom(String email, List<String> statuses, Cursor at, int perPage,
            Map<Cursor, CompletableFuture<RecurringBillingPage>> asked, List<Subscription> collected) {
        CompletableFuture<RecurringBillingPage> early = asked.get(at);
        Uni<RecurringBillingPage> answer = early != null
                ? Uni.createFrom().completionStage(early)
                // a later page of a status (only its previous page tells that it exists), or a status not asked ahead
                : client.list(email, at.status(), at.page(), perPage);
        return answer.flatMap(result -> {
            result.items().stream().map(HitPayMapping::subscription).forEach(collected::add);
            Cursor next = result.continues() ? new Cursor(at.status(), at.page() + 1) : at.nextStatus(statuses);
            if (collected.size() < perPage && next != null) {
                return listFrom(email, statuses, next, perPage, asked, collected);
            }
            return Uni.createFrom().item(new ProviderPage<>(collected, next == null ? null : next.toString()));
        });
    }

    @Override
    public Uni<List<Subscription>> subscriptionsOf(String providerCustomerId) {
        return billingsOf(providerCustomerId)
                .map(billings -> billings.stream().map(HitPayMapping::subscription).toList())
                .onFailure().transform(HitPayErrors::onRead);
    }

    @Override
    public Uni<Customer> fetchCustomer(String providerCustomerId) {
        return billingsOf(providerCustomerId)
                .onFailure().transform(HitPayErrors::onRead)
                .map(billings -> {
                    if (billings.isEmpty()) {
                        throw GatewayException.of(ErrorCode.NOT_FOUND, "HitPay has no recurring billing for this customer e-mail")
                                .provider(Provider.HITPAY).retryable(false).build();
                    }
                    return HitPayMapping.customer(billings.get(0).customerEmail(), billings);
                });
    }

    /**
     * The distinct e-mails of all billings, in e-mail order; the cursor is the last e-mail of the previous
     * page, so a page stays right when billings come and go. HitPay has no customer list: every call reads
     * the billings of all statuses (bounded by {@code max-list-pages}).
     */
    @Override
    public Uni<ProviderPage<Customer>> listCustomers(String email, PageRequest page) {
        if (email != null && !email.isBlank()) {
            return billingsOf(email).onFailure().transform(HitPayErrors::onRead).map(billings -> billings.isEmpty()
                    ? ProviderPage.<Customer>last(List.of())
                    : ProviderPage.last(List.of(HitPayMapping.customer(billings.get(0).customerEmail(), billings))));
        }
        int limit = Math.max(1, page.limit());
        String after = page.cursor() == null ? null : page.cursor().toLowerCase(Locale.ROOT);
        return allBillings(null).onFailure().transform(HitPayErrors::onRead).map(billings -> {
            TreeMap<String, List<RecurringBilling>> byEmail = new TreeMap<>();
            for (RecurringBilling billing : billings) {
                if (billing.customerEmail() != null) {
                    byEmail.computeIfAbsent(billing.customerEmail().toLowerCase(Locale.ROOT), e -> new ArrayList<>()).add(billing);
                }
            }
            Map<String, List<RecurringBilling>> remaining = after == null ? byEmail : byEmail.tailMap(after, false);
            List<Customer> customers = new ArrayList<>();
            String last = null;
            for (Map.Entry<String, List<RecurringBilling>> entry : remaining.entrySet()) {
                if (customers.size() == limit) {
                    return new ProviderPage<>(customers, last);
                }
                customers.add(HitPayMapping.customer(entry.getValue().get(0).customerEmail(), entry.getValue()));
                last = entry.getKey();
            }
            return ProviderPage.last(customers);
        });
    }

    /** Every billing of one e-mail (exact, case-insensitive), newest first. */
    private Uni<List<RecurringBilling>> billingsOf(String email) {
        String wanted = email.trim();
        return allBillings(wanted).map(billings -> billings.stream()
                .filter(b -> b.customerEmail() != null && b.customerEmail().equalsIgnoreCase(wanted))
                .toList());
    }

    /** Every page of every listable status, the statuses read in parallel; newest first. */
    private Uni<List<RecurringBilling>> allBillings(String email) {
        List<Uni<List<RecurringBilling>>> perStatus = HitPayMapping.LISTABLE_STATUSES.stream()
                .map(status -> allPages(email, status, 1, new ArrayList<>()))
                .toList();
        return Uni.join().all(perStatus).andFailFast().map(lists -> lists.stream()
                .flatMap(List::stream)
                .sorted(Comparator.comparing((RecurringBilling b) -> Objects.requireNonNullElse(b.createdAt(), "")).reversed())
                .toList());
    }

    private Uni<List<RecurringBilling>> allPages(String email, String status, int page, List<RecurringBilling> collected) {
        return client.list(email, status, page, config.listPageSize()).flatMap(result -> {
            collected.addAll(result.items());
            if (result.continues() && page < config.maxListPages()) {
                return allPages(email, status, page + 1, collected);
            }
            return Uni.createFrom().item(collected);
        });
    }

    // ---- mutations

    @Override
    public void validateCreate(CreateSubscriptionInput input) {
        HitPayRules.validateCreate(input, todayInSingapore());
    }

    @Override
    public Uni<Subscription> createSubscription(CreateSubscriptionInput input) {
        return Uni.createFrom().deferred(() -> {
            validateCreate(input);
            return client.create(HitPayMapping.createRequest(input, todayInSingapore(), module.webhookUrl()));
        }).onFailure().transform(HitPayErrors::onWrite).map(HitPayMapping::subscription);
    }

    @Override
    public Set<String> updatableFields() {
        return HitPayRules.UPDATABLE_FIELDS;
    }

    @Override
    public void validateUpdate(Subscription current, UpdateSubscriptionInput input) {
        HitPayRules.validateUpdate(current, input, todayInSingapore());
    }

    @Override
    public Uni<Subscription> updateSubscription(Subscription current, UpdateSubscriptionInput input) {
        return Uni.createFrom().deferred(() -> {
            validateUpdate(current, input);
            UpdateRecurringBillingRequest request = HitPayMapping.updateRequest(input);
            return client.update(current.providerSubscriptionId(), request);
        }).onFailure().transform(HitPayErrors::onWrite).map(HitPayMapping::subscription);
    }

    @Override
    public Uni<Subscription> cancelSubscription(Subscription current) {
        return client.cancel(current.providerSubscriptionId())
                .onFailure().transform(HitPayErrors::onWrite)
                .map(HitPayMapping::subscription);
    }

    /** A method, not the field: tests hold the client proxy, whose own fields are not the bean's. */
    Semaphore askAheadPermits() {
        return askedAhead;
    }

    LocalDate todayInSingapore() {
        return LocalDate.now(clock.withZone(HitPayMapping.SGT));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    /** Position in a walk over statuses: {@code active:2} is page 2 of the active billings. */
    record Cursor(String status, int page) {

        static Cursor parse(String cursor, List<String> statuses) {
            if (cursor == null || cursor.isBlank()) {
                return new Cursor(statuses.get(0), 1);
            }
            int colon = cursor.indexOf(':');
            try {
                Cursor parsed = new Cursor(cursor.substring(0, colon), Integer.parseInt(cursor.substring(colon + 1)));
                if (statuses.contains(parsed.status) && parsed.page >= 1) {
                    return parsed;
                }
            } catch (RuntimeException malformed) {
                // reported below
            }
            throw GatewayException.validation("after", "a cursor from a previous page of the same query",
                    "not a HitPay list cursor for this query: " + cursor);
        }

        Cursor nextStatus(List<String> statuses) {
            int index = statuses.indexOf(status);
            return index + 1 < statuses.size() ? new Cursor(statuses.get(index + 1), 1) : null;
        }

        @Override
        public String toString() {
            return status + ":" + page;
        }
    }
}
