package dev.billinggateway.provider.hitpay;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import dev.billinggateway.connector.ConnectorRegistry;
import dev.billinggateway.connector.VerifiedWebhook;
import dev.billinggateway.connector.WebhookRequest;
import dev.billinggateway.connector.PageRequest;
import dev.billinggateway.connector.ProviderPage;
import dev.billinggateway.connector.ToggleCustomerStatus;
import dev.billinggateway.domain.BillingInterval;
import dev.billinggateway.domain.CreateSubscriptionInput;
import dev.billinggateway.domain.Customer;
import dev.billinggateway.domain.ErrorCode;
import dev.billinggateway.domain.GatewayException;
import dev.billinggateway.domain.IntervalInput;
import dev.billinggateway.domain.IntervalUnit;
import dev.billinggateway.domain.Money;
import dev.billinggateway.domain.MoneyInput;
import dev.billinggateway.domain.Provider;
import dev.billinggateway.domain.Subscription;
import dev.billinggateway.domain.SubscriptionStatus;
import dev.billinggateway.domain.Support;
import dev.billinggateway.domain.UpdateSubscriptionInput;
import dev.billinggateway.provider.ConnectorContract;
import dev.billinggateway.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.mutiny.Uni;

/** Every request the connector sends to HitPay, asserted exactly, and every answer's mapping. */
@QuarkusTest
@TestProfile(HitPayWireMockProfile.class)
@QuarkusTestResource(PostgresTestResource.class)
class HitPayContractTest extends ConnectorContract {

    static final String ID = "9741164c-06a1-4dd7-a649-72cca8f9603a";
    static final String PATH = "/v1/recurring-billing/" + ID;
    /** 2026-11-21 01:30 in Singapore, still the 20th in UTC: "today" must be taken in SGT. */
    static final Instant NOW = Instant.parse("2026-11-20T17:30:00Z");
    static final LocalDate TODAY_SGT = LocalDate.of(2026, 11, 21);

    static final String BILLING = """
            {"id":"9741164c-06a1-4dd7-a649-72cca8f9603a","business_recurring_plans_id":null,
             "customer_name":"Paul","customer_email":"paul@example.com","name":"Spotify Premium",
             "description":"Spotify Monthly Subscription","reference":"cust_id_123","cycle":"custom","cycle_repeat":2,
             "cycle_frequency":"week","currency":"sgd","amount":12.9,"times_to_be_charged":9,"times_charged":2,
             "status":"active","send_email":true,"save_card":"0","redirect_url":"https://merchant.example.com/done",
             "payment_methods":["giro","card"],"created_at":"2026-09-13T21:32:00","updated_at":"2026-09-14T08:00:00",
             "expires_at":null,"url":"https://securecheckout.sandbox.hit-pay.com/b/recurring-plan/9741164c","webhook":null}""";

    @Inject
    HitPayConnector connector;

    @Inject
    HitPayModule module;

    @Inject
    ConnectorRegistry registry;

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    WireMockServer wireMock;

    /** WireMock journals a request when it has answered: a slow answer of one test must not land in the next. */
    static final long SLOW_ANSWER_MILLIS = 4000;
    static long slowAnswersDoneAt;

    @BeforeEach
    void reset() throws InterruptedException {
        long wait = slowAnswersDoneAt - System.currentTimeMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
        wireMock = HitPayWireMockResource.server();
        wireMock.resetAll();
        circuitBreakers.resetAll();
    }

    // ---- helpers

    static <T> T await(Uni<T> uni) {
        return uni.await().atMost(Duration.ofSeconds(30));
    }

    /** A failure of a call answered after {@link #SLOW_ANSWER_MILLIS}: the next test waits for those answers. */
    static GatewayException slowFailure(Supplier<Uni<?>> call) {
        try {
            return failure(call);
        } finally {
            slowAnswersDoneAt = System.currentTimeMillis() + SLOW_ANSWER_MILLIS + 500;
        }
    }

    static GatewayException failure(Supplier<Uni<?>> call) {
        try {
            await(call.get());
        } catch (GatewayException e) {
            return e;
        }
        throw new AssertionError("expected a GatewayException");
    }

    /** The headers every HitPay call carries. */
    static RequestPatternBuilder hitpay(RequestPatternBuilder pattern) {
        return pattern.withHeader("X-BUSINESS-API-KEY", equalTo(HitPayWireMockResource.API_KEY))
                .withHeader("X-Requested-With", equalTo("XMLHttpRequest"))
                .withHeader("Accept", equalTo("application/json"));
    }

    /** The query parameters of the only logged request, decoded, all of them. */
    Map<String, String> onlyQuery() {
        List<LoggedRequest> requests = wireMock.findAll(anyRequestedFor(anyUrl()));
        assertThat(requests).hasSize(1);
        Map<String, String> query = new LinkedHashMap<>();
        requests.get(0).getQueryParams().forEach((k, v) -> query.put(k, String.join(",", v.values())));
        return query;
    }

    static Subscription current(String providerStatus) {
        return new Subscription(Provider.HITPAY, ID, "paul@example.com", "Spotify Premium", null,
                new Money(new BigDecimal("12.90"), "SGD"), BillingInterval.of(IntervalUnit.MONTH, 1),
                HitPayMapping.status(providerStatus), providerStatus, null, null, null, null, 2, 9, null, null, null);
    }

    static UpdateSubscriptionInput update(Consumer<UpdateSubscriptionInput> fill) {
        UpdateSubscriptionInput input = new UpdateSubscriptionInput();
        fill.accept(input);
        return input;
    }

    static CreateSubscriptionInput createInput(Consumer<CreateSubscriptionInput> fill) {
        return HitPayRulesTest.create(fill);
    }

    void stubBilling(com.github.tomakehurst.wiremock.client.MappingBuilder request) {
        wireMock.stubFor(request.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(BILLING)));
    }

    static String page(String items, boolean hasNext, int currentPage, int lastPage) {
        return """
                {"data":[%s],"links":{"first":"f","last":"l","prev":null,"next":%s},
                 "meta":{"current_page":%d,"last_page":%d,"per_page":2,"total":3}}"""
                .formatted(items, hasNext ? "\"n\"" : "null", currentPage, lastPage);
    }

    void stubList(String status, int pageNo, String body) {
        stubList(status, pageNo, body, 0);
    }

    void stubList(String status, int pageNo, String body, int delayMillis) {
        wireMock.stubFor(get(urlPathEqualTo("/v1/recurring-billing"))
                .withQueryParam("status", equalTo(status))
                .withQueryParam("page", equalTo(String.valueOf(pageNo)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body)
                        .withFixedDelay(delayMillis)));
    }

    /**
     * Waits (at most 5 s) until WireMock has logged {@code count} requests: a page returns as soon as it has
     * the answers it needs, while the statuses it asked at the same time but did not need may still be on
     * their way.
     */
    void awaitRequests(int count) {
        long deadline = System.currentTimeMillis() + 5000;
        while (wireMock.getAllServeEvents().size() < count && System.currentTimeMillis() < deadline) {
            sleep(10);
        }
        assertThat(wireMock.getAllServeEvents()).as("requests logged").hasSize(count);
    }

    /** Waits (at most 5 s) until every list request asked ahead has ended and given its permit back. */
    void awaitAskAheadPermitsBack() {
        long deadline = System.currentTimeMillis() + 5000;
        while (connector.askAheadPermits().availablePermits() < HitPayConnector.MAX_ASKED_AHEAD && System.currentTimeMillis() < deadline) {
            sleep(10);
        }
        assertThat(connector.askAheadPermits().availablePermits()).as("ask-ahead permits").isEqualTo(HitPayConnector.MAX_ASKED_AHEAD);
    }

    /** The logged requests, oldest first, as {@code +ms query} (for failure messages). */
    String journal() {
        List<ServeEvent> events = new ArrayList<>(wireMock.getAllServeEvents());
        events.sort(Comparator.comparing(e -> e.getRequest().getLoggedDate()));
        long first = events.isEmpty() ? 0 : events.get(0).getRequest().getLoggedDate().getTime();
        StringBuilder out = new StringBuilder();
        for (ServeEvent e : events) {
            out.append("\n  +").append(e.getRequest().getLoggedDate().getTime() - first).append(" ms ").append(e.getRequest().getUrl());
        }
        return out.toString();
    }

    /** Waits until no request has come in for 200 ms (at most 5 s). */
    void awaitQuiet() {
        long deadline = System.currentTimeMillis() + 5000;
        int seen = -1;
        while (seen != wireMock.getAllServeEvents().size() && System.currentTimeMillis() < deadline) {
            seen = wireMock.getAllServeEvents().size();
            sleep(200);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    // ---- reads

    @Test
    void fetchSendsTheApiKeyAndAjaxHeaderAndMapsTheBillingLeniently() {
        stubBilling(get(urlEqualTo(PATH)));
        Subscription s = await(connector.fetchSubscription(ID));
        wireMock.verify(1, hitpay(getRequestedFor(urlEqualTo(PATH))));
        wireMock.verify(1, anyRequestedFor(anyUrl()));
        assertThat(s.provider()).isEqualTo(Provider.HITPAY);
        assertThat(s.providerSubscriptionId()).isEqualTo(ID);
        assertThat(s.providerCustomerId()).isEqualTo("paul@example.com");
        assertThat(s.amount()).isEqualTo(new Money(new BigDecimal("12.90"), "SGD"));
        assertThat(s.interval()).isEqualTo(BillingInterval.of(IntervalUnit.WEEK, 2));
        assertThat(s.status()).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(s.providerStatus()).isEqualTo("active");
        assertThat(s.timesCharged()).isEqualTo(2);
        assertThat(s.totalCharges()).isEqualTo(9);
        assertThat(s.paymentUrl()).isEqualTo("https://securecheckout.sandbox.hit-pay.com/b/recurring-plan/9741164c");
    }

    @Test
    void listSendsFiltersAndPagingAndWalksPagesThenStatuses() {
        stubList("retrying", 1, page(BILLING, true, 1, 2));
        ProviderPage<Subscription> first = await(connector.listSubscriptions("paul@example.com", SubscriptionStatus.PAST_DUE, new PageRequest(null, 1)));
        assertThat(onlyQuery()).containsExactlyInAnyOrderEntriesOf(
                Map.of("customer_email", "paul@example.com", "status", "retrying", "page", "1", "per_page", "1"));
        wireMock.verify(1, hitpay(getRequestedFor(urlPathEqualTo("/v1/recurring-billing"))));
        assertThat(first.items()).extracting(Subscription::providerSubscriptionId).containsExactly(ID);
        assertThat(first.nextCursor()).isEqualTo("retrying:2");

        wireMock.resetRequests();
        stubList("retrying", 2, page(BILLING, false, 2, 2));
        ProviderPage<Subscription> last = await(connector.listSubscriptions("paul@example.com", SubscriptionStatus.PAST_DUE, new PageRequest("retrying:2", 1)));
        assertThat(onlyQuery()).containsEntry("page", "2").containsEntry("status", "retrying");
        assertThat(last.nextCursor()).isNull();
    }

    @Test
    void listWithoutStatusReadsOnThroughTheStatusesUntilThePageIsFull() {
        stubList("active", 1, page("", false, 1, 1));
        stubList("scheduled", 1, page(BILLING, false, 1, 1));
        stubList("retrying", 1, page(BILLING.replace(ID, "second"), false, 1, 1));
        stubList("inactive", 1, page("", false, 1, 1));
        stubList("canceled", 1, page("", false, 1, 1));
        ProviderPage<Subscription> all = await(connector.listSubscriptions(null, null, PageRequest.first(20)));
        for (String status : HitPayMapping.LISTABLE_STATUSES) {
            wireMock.verify(1, hitpay(getRequestedFor(urlEqualTo("/v1/recurring-billing?status=" + status + "&page=1&per_page=20"))));
        }
        wireMock.verify(5, anyRequestedFor(anyUrl()));
        assertThat(all.items()).extracting(Subscription::providerSubscriptionId).containsExactly(ID, "second");
        assertThat(all.nextCursor()).isNull();

        wireMock.resetRequests();
        ProviderPage<Subscription> one = await(connector.listSubscriptions(null, null, PageRequest.first(1)));
        // active (empty), then scheduled fills the page; retrying, inactive and canceled were asked at the same time, unread
        awaitRequests(5);
        for (String status : HitPayMapping.LISTABLE_STATUSES) {
            wireMock.verify(1, hitpay(getRequestedFor(urlEqualTo("/v1/recurring-billing?status=" + status + "&page=1&per_page=1"))));
        }
        wireMock.verify(5, anyRequestedFor(anyUrl()));
        assertThat(one.items()).extracting(Subscription::providerSubscriptionId).containsExactly(ID);
        assertThat(one.nextCursor()).isEqualTo("retrying:1");

        wireMock.resetRequests();
        ProviderPage<Subscription> next = await(connector.listSubscriptions(null, null, new PageRequest("retrying:1", 1)));
        awaitRequests(3); // the statuses before the cursor are not asked again
        for (String status : List.of("retrying", "inactive", "canceled")) {
            wireMock.verify(1, hitpay(getRequestedFor(urlEqualTo("/v1/recurring-billing?status=" + status + "&page=1&per_page=1"))));
        }
        wireMock.verify(3, anyRequestedFor(anyUrl()));
        assertThat(next.items()).extracting(Subscription::providerSubscriptionId).containsExactly("second");
        assertThat(next.nextCursor()).isEqualTo("inactive:1");
    }

    @Test
    void listWithoutStatusAsksEveryStatusAtOnce() {
        for (String status : HitPayMapping.LISTABLE_STATUSES) {
            stubList(status, 1, page(BILLING.replace(ID, status), false, 1, 1));
        }
        await(connector.listSubscriptions(null, null, PageRequest.first(20))); // warm-up: connections, classes
        wireMock.resetAll();

        // all five asked before the first answer (after delay): the calls overlapped; no bound on the page's own duration
        int delay = 1000;
        for (String status : HitPayMapping.LISTABLE_STATUSES) {
            stubList(status, 1, page(BILLING.replace(ID, status), false, 1, 1), delay);
        }
        ProviderPage<Subscription> all = await(connector.listSubscriptions(null, null, PageRequest.first(20)));

        assertThat(all.items()).extracting(Subscription::providerSubscriptionId).containsExactlyElementsOf(HitPayMapping.LISTABLE_STATUSES);
        assertThat(all.nextCursor()).isNull();
        for (String status : HitPayMapping.LISTABLE_STATUSES) {
            wireMock.verify(1, hitpay(getRequestedFor(urlEqualTo("/v1/recurring-billing?status=" + status + "&page=1&per_page=20"))));
        }
        List<ServeEvent> served = wireMock.getAllServeEvents();
        assertThat(served).hasSize(5);
        LongSummaryStatistics receivedAt = served.stream().mapToLong(e -> e.getRequest().getLoggedDate().getTime()).summaryStatistics();
        assertThat(receivedAt.getMax() - receivedAt.getMin()).as("ms between the first and the last status asked; %s", journal()).isLessThan(delay);
        awaitAskAheadPermitsBack();
    }

    @Test
    void beyondTheAskAheadBoundStatusesAreAskedWhenReached() {
        int delay = 600; // "asked with": before the first answer; "after": not before it

        for (String status : HitPayMapping.LISTABLE_STATUSES) {
            stubList(status, 1, page(BILLING.replace(ID, status), false, 1, 1), delay);
        }
        int held = HitPayConnector.MAX_ASKED_AHEAD - 2; // as if other pages had asked that many ahead: two are left
        connector.askAheadPermits().acquireUninterruptibly(held);
        try {
            ProviderPage<Subscription> all = await(connector.listSubscriptions(null, null, PageRequest.first(20)));
            assertThat(all.items()).extracting(Subscription::providerSubscriptionId).containsExactlyElementsOf(HitPayMapping.LISTABLE_STATUSES);
            assertThat(all.nextCursor()).isNull();
            assertThat(connector.askAheadPermits().availablePermits()).isEqualTo(2);
        } finally {
            connector.askAheadPermits().release(held);
        }
        Map<String, Long> receivedAt = new LinkedHashMap<>();
        wireMock.getAllServeEvents().forEach(e -> receivedAt.put(e.getRequest().queryParameter("status").firstValue(),
                e.getRequest().getLoggedDate().getTime()));
        assertThat(receivedAt).hasSize(5);
        for (String status : HitPayMapping.LISTABLE_STATUSES) {
            wireMock.verify(1, hitpay(getRequestedFor(urlEqualTo("/v1/recurring-billing?status=" + status + "&page=1&per_page=20"))));
        }
        // active (the cursor's) with scheduled and retrying (the two permits) at once; the rest when reached
        long active = receivedAt.get("active");
        assertThat(receivedAt.get("scheduled") - active).as("scheduled asked with active").isLessThan(delay);
        assertThat(receivedAt.get("retrying") - active).as("retrying asked with active").isLessThan(delay);
        assertThat(receivedAt.get("inactive") - active).as("inactive asked after the first answers; %s", journal()).isGreaterThanOrEqualTo(delay);
        assertThat(receivedAt.get("canceled") - receivedAt.get("inactive")).as("canceled asked after inactive's answer")
                .isGreaterThanOrEqualTo(delay);
        awaitAskAheadPermitsBack();
    }

    /** HitPay's billings per status, in its order, for the paging tests. */
    static final Map<String, List<String>> BILLINGS_BY_STATUS = inOrder(
            Map.entry("active", List.of("a1", "a2", "a3")),
            Map.entry("scheduled", List.of()),
            Map.entry("retrying", List.of("r1")),
            Map.entry("inactive", List.of("i1", "i2", "i3", "i4", "i5")),
            Map.entry("canceled", List.of("c1", "c2")));

    @SafeVarargs
    static <K, V> Map<K, V> inOrder(Map.Entry<K, V>... entries) {
        Map<K, V> map = new LinkedHashMap<>();
        for (Map.Entry<K, V> entry : entries) {
            map.put(entry.getKey(), entry.getValue());
        }
        return map;
    }

    /** {@link #BILLINGS_BY_STATUS} in pages of {@code size}, whatever per_page asks (as if HitPay capped it). */
    void stubBillingsInPagesOf(int size) {
        assertThat(BILLINGS_BY_STATUS.keySet()).containsExactlyElementsOf(HitPayMapping.LISTABLE_STATUSES);
        BILLINGS_BY_STATUS.forEach((status, ids) -> {
            int lastPage = Math.max(1, (ids.size() + size - 1) / size);
            for (int p = 1; p <= lastPage; p++) {
                String items = String.join(",", ids.subList(Math.min(ids.size(), (p - 1) * size), Math.min(ids.size(), p * size))
                        .stream().map(id -> BILLING.replace(ID, id)).toList());
                stubList(status, p, page(items, p < lastPage, p, lastPage));
            }
        });
    }

    /** Every page from the first, following the cursors: the IDs of each page, and the cursor it returned. */
    List<Map.Entry<List<String>, String>> walkAllPages(int perPage) {
        List<Map.Entry<List<String>, String>> pages = new ArrayList<>();
        String cursor = null;
        do {
            ProviderPage<Subscription> page = await(connector.listSubscriptions(null, null, new PageRequest(cursor, perPage)));
            cursor = page.nextCursor();
            pages.add(new SimpleEntry<>(page.items().stream().map(Subscription::providerSubscriptionId).toList(), cursor));
            assertThat(pages).as("pages").hasSizeLessThan(20);
        } while (cursor != null);
        return pages;
    }

    @Test
    void pagingWithTheCursorsYieldsEveryBillingOnceInStatusOrder() {
        stubBillingsInPagesOf(2);
        // the pages and cursors of the walk one status after another: whole HitPay pages until at least perPage
        assertThat(walkAllPages(3)).containsExactly(
                new SimpleEntry<>(List.of("a1", "a2", "a3"), "scheduled:1"),
                new SimpleEntry<>(List.of("r1", "i1", "i2"), "inactive:2"),
                new SimpleEntry<>(List.of("i3", "i4", "i5"), "canceled:1"),
                new SimpleEntry<>(List.of("c1", "c2"), null));
        assertThat(walkAllPages(2)).containsExactly(
                new SimpleEntry<>(List.of("a1", "a2"), "active:2"),
                new SimpleEntry<>(List.of("a3", "r1"), "inactive:1"),
                new SimpleEntry<>(List.of("i1", "i2"), "inactive:2"),
                new SimpleEntry<>(List.of("i3", "i4"), "inactive:3"),
                new SimpleEntry<>(List.of("i5", "c1", "c2"), null));
        List<String> everyBilling = BILLINGS_BY_STATUS.values().stream().flatMap(List::stream).toList();
        for (int perPage = 1; perPage <= 12; perPage++) {
            assertThat(walkAllPages(perPage).stream().flatMap(p -> p.getKey().stream()).toList())
                    .as("perPage %d", perPage).containsExactlyElementsOf(everyBilling);
        }

        // a status read on within the page: its next page is asked (after the others) once its first one says there is one
        awaitQuiet();
        wireMock.resetRequests();
        await(connector.listSubscriptions(null, null, PageRequest.first(3)));
        awaitRequests(6);
        for (String status : HitPayMapping.LISTABLE_STATUSES) {
            wireMock.verify(1, hitpay(getRequestedFor(urlEqualTo("/v1/recurring-billing?status=" + status + "&page=1&per_page=3"))));
        }
        wireMock.verify(1, hitpay(getRequestedFor(urlEqualTo("/v1/recurring-billing?status=active&page=2&per_page=3"))));
        wireMock.verify(6, anyRequestedFor(anyUrl()));
        Map<String, Long> receivedAt = new LinkedHashMap<>();
        wireMock.getAllServeEvents().forEach(e -> receivedAt.put(e.getRequest().queryParameter("status").firstValue() + ":"
                + e.getRequest().queryParameter("page").firstValue(), e.getRequest().getLoggedDate().getTime()));
        assertThat(receivedAt.get("active:2")).as("active:2 asked once active:1 answered; %s", journal())
                .isGreaterThanOrEqualTo(receivedAt.get("active:1"));
        awaitAskAheadPermitsBack();
    }

    @Test
    void aFailureFailsThePageOnlyWhenThePageNeedsThatStatus() {
        stubList("active", 1, page(BILLING, false, 1, 1));
        for (String status : List.of("scheduled", "retrying", "inactive")) {
            stubList(status, 1, page("", false, 1, 1));
        }
        wireMock.stubFor(get(urlPathEqualTo("/v1/recurring-billing")).withQueryParam("status", equalTo("canceled"))
                .willReturn(aResponse().withStatus(422).withHeader("Content-Type", "application/json")
                        .withBody("{\"message\":\"The selected status is invalid.\"}")));

        ProviderPage<Subscription> one = await(connector.listSubscriptions(null, null, PageRequest.first(1)));
        assertThat(one.items()).extracting(Subscription::providerSubscriptionId).containsExactly(ID);
        assertThat(one.nextCursor()).isEqualTo("scheduled:1");
        awaitRequests(5); // canceled was asked too, and its refusal dropped unread

        GatewayException e = failure(() -> connector.listSubscriptions(null, null, PageRequest.first(20)));
        assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_REJECTED);
        assertThat(e.provider()).isEqualTo(Provider.HITPAY);
        assertThat(e.providerCode()).isEqualTo("422");
        assertThat(e.providerMessage()).isEqualTo("The selected status is invalid.");
        awaitRequests(10);
        for (int perPage : new int[] { 1, 20 }) {
            for (String status : HitPayMapping.LISTABLE_STATUSES) {
                wireMock.verify(1, hitpay(getRequestedFor(urlEqualTo("/v1/recurring-billing?status=" + status + "&page=1&per_page=" + perPage))));
            }
        }
        awaitAskAheadPermitsBack();
    }

    @Test
    void endedCannotBeListedAndBadCursorsAreRefusedWithoutCalling() {
        assertThat(await(connector.listSubscriptions(null, SubscriptionStatus.ENDED, PageRequest.first(10))).items()).isEmpty();
        GatewayException bad = failure(() -> connector.listSubscriptions(null, SubscriptionStatus.ACTIVE, new PageRequest("canceled:1", 10)));
        assertThat(bad.code()).isEqualTo(ErrorCode.VALIDATION);
        wireMock.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aCustomerIsTheBillingsOfItsEmailInEveryStatus() {
        for (String status : HitPayMapping.LISTABLE_STATUSES) {
            stubList(status, 1, page(status.equals("active") ? BILLING : "", false, 1, 1));
        }
        Customer customer = await(connector.fetchCustomer("paul@example.com"));
        for (String status : HitPayMapping.LISTABLE_STATUSES) {
            wireMock.verify(1, hitpay(getRequestedFor(urlPathEqualTo("/v1/recurring-billing"))
                    .withQueryParam("customer_email", equalTo("paul@example.com"))
                    .withQueryParam("status", equalTo(status))
                    .withQueryParam("page", equalTo("1"))
                    .withQueryParam("per_page", equalTo("100"))));
        }
        wireMock.verify(5, anyRequestedFor(anyUrl()));
        assertThat(customer.providerCustomerId()).isEqualTo("paul@example.com");
        assertThat(customer.name()).isEqualTo("Paul");
        assertThat(customer.active()).isTrue();
        assertThat(await(connector.subscriptionsOf("paul@example.com"))).extracting(Subscription::providerSubscriptionId).containsExactly(ID);

        GatewayException missing = failure(() -> connector.fetchCustomer("nobody@example.com"));
        assertThat(missing.code()).isEqualTo(ErrorCode.NOT_FOUND);
    }

    // ---- create

    @Test
    void createSendsTheDocumentedJsonWithStartDateInSingaporeTime() {
        wireMock.stubFor(post(urlEqualTo("/v1/recurring-billing")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(BILLING.replace("\"active\"", "\"scheduled\""))));
        Subscription created = await(connector.createSubscription(createInput(c -> {
            c.customer.email = "paul@example.com";
            c.customer.name = "Paul";
            c.productName = "Spotify Premium";
            c.productDescription = "Spotify Monthly Subscription";
            c.amount = new MoneyInput(new BigDecimal("12.90"), "sgd");
            c.interval = new IntervalInput(IntervalUnit.WEEK, 2);
            c.hitpay.timesToBeCharged = 9;
            c.hitpay.redirectUrl = "https://merchant.example.com/done";
            c.hitpay.reference = "cust_id_123";
            c.hitpay.paymentMethods = List.of("card", "giro");
            c.hitpay.sendEmail = true;
        })));
        wireMock.verify(1, anyRequestedFor(anyUrl()));
        wireMock.verify(1, hitpay(postRequestedFor(urlEqualTo("/v1/recurring-billing")))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"customer_email":"paul@example.com","customer_name":"Paul","name":"Spotify Premium",
                         "description":"Spotify Monthly Subscription","cycle":"custom","cycle_frequency":"week","cycle_repeat":2,
                         "amount":12.90,"currency":"SGD","start_date":"2026-11-21","times_to_be_charged":9,
                         "redirect_url":"https://merchant.example.com/done","reference":"cust_id_123",
                         "payment_methods":["card","giro"],"send_email":"true",
                         "webhook":"https://gateway.example.com/webhooks/hitpay"}""")));
        assertThat(created.status()).isEqualTo(SubscriptionStatus.PENDING);
        assertThat(created.paymentUrl()).isEqualTo("https://securecheckout.sandbox.hit-pay.com/b/recurring-plan/9741164c");
    }

    @Test
    void createWithAPlanLeavesCycleAndAmountToThePlan() {
        stubBilling(post(urlEqualTo("/v1/recurring-billing")));
        await(connector.createSubscription(createInput(c -> {
            c.customer.email = "paul@example.com";
            c.productName = "Spotify Premium";
            c.hitpay.planId = "973ee344-6737-4897-9929-edbc9d7bf433";
            c.hitpay.startDate = LocalDate.of(2026, 12, 1);
        })));
        wireMock.verify(1, hitpay(postRequestedFor(urlEqualTo("/v1/recurring-billing"))).withRequestBody(equalToJson("""
                {"plan_id":"973ee344-6737-4897-9929-edbc9d7bf433","customer_email":"paul@example.com","name":"Spotify Premium",
                 "start_date":"2026-12-01","webhook":"https://gateway.example.com/webhooks/hitpay"}""")));
    }

    @Test
    void invalidCreatesSendNothing() {
        List<Consumer<CreateSubscriptionInput>> invalid = List.of(
                c -> c.customer.email = "paul",
                c -> c.amount.amount = new BigDecimal("1000000"),
                c -> c.amount.amount = BigDecimal.ZERO,
                c -> c.interval.count = 1000,
                c -> c.hitpay.startDate = TODAY_SGT.minusDays(1),
                c -> c.hitpay.timesToBeCharged = 0,
                c -> c.hitpay.planId = "not-a-uuid");
        for (Consumer<CreateSubscriptionInput> change : invalid) {
            GatewayException e = failure(() -> connector.createSubscription(createInput(change)));
            assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION);
            assertThat(e.field()).startsWith("input.");
        }
        wireMock.verify(0, anyRequestedFor(anyUrl()));
    }

    // ---- update

    @Test
    void updateSendsOnlyTheChangedFieldsAsHitPayNamesThem() {
        Map<Consumer<UpdateSubscriptionInput>, String> cases = new LinkedHashMap<>();
        cases.put(u -> u.amount = new MoneyInput(new BigDecimal("15.50"), "SGD"), "{\"amount\":15.50}");
        cases.put(u -> u.productName = "Premium Family", "{\"name\":\"Premium Family\"}");
        cases.put(u -> u.productDescription = "Family plan", "{\"description\":\"Family plan\"}");
        cases.put(u -> u.interval = new IntervalInput(IntervalUnit.WEEK, 1), "{\"cycle\":\"weekly\"}");
        cases.put(u -> u.interval = new IntervalInput(IntervalUnit.MONTH, 1), "{\"cycle\":\"monthly\"}");
        cases.put(u -> u.interval = new IntervalInput(IntervalUnit.YEAR, 1), "{\"cycle\":\"yearly\"}");
        cases.put(u -> u.interval = new IntervalInput(IntervalUnit.DAY, 10),
                "{\"cycle\":\"custom\",\"cycle_frequency\":\"day\",\"cycle_repeat\":10}");
        cases.put(u -> u.customerEmail = "paul@newemail.com", "{\"customer_email\":\"paul@newemail.com\"}");
        cases.put(u -> u.customerName = "Paul Tan", "{\"customer_name\":\"Paul Tan\"}");
        cases.put(u -> u.startDate = TODAY_SGT, "{\"start_date\":\"2026-11-21\"}");
        cases.put(u -> u.redirectUrl = "https://newexample.com/completed", "{\"redirect_url\":\"https://newexample.com/completed\"}");
        cases.put(u -> u.reference = "cust_id_456", "{\"reference\":\"cust_id_456\"}");
        stubBilling(put(urlEqualTo(PATH)));
        for (Map.Entry<Consumer<UpdateSubscriptionInput>, String> c : cases.entrySet()) {
            wireMock.resetRequests();
            Subscription updated = await(connector.updateSubscription(current("active"), update(c.getKey())));
            assertThat(updated.providerSubscriptionId()).isEqualTo(ID);
            wireMock.verify(1, anyRequestedFor(anyUrl()));
            wireMock.verify(1, hitpay(putRequestedFor(urlEqualTo(PATH)))
                    .withHeader("Content-Type", equalTo("application/json"))
                    .withRequestBody(equalToJson(c.getValue())));
        }
    }

    @Test
    void invalidUpdatesSendNothing() {
        List<Consumer<UpdateSubscriptionInput>> invalid = List.of(
                u -> u.amount = new MoneyInput(BigDecimal.ZERO, "SGD"),
                u -> u.amount = new MoneyInput(new BigDecimal("999999.991"), "SGD"),
                u -> u.amount = new MoneyInput(new BigDecimal("1000000"), "SGD"),
                u -> u.amount = new MoneyInput(BigDecimal.TEN, "USD"),
                u -> u.interval = new IntervalInput(IntervalUnit.MONTH, 0),
                u -> u.interval = new IntervalInput(IntervalUnit.DAY, 1000),
                u -> u.startDate = TODAY_SGT.minusDays(1),
                u -> u.activeTo = TODAY_SGT.plusDays(10),
                u -> u.nextChargeDate = TODAY_SGT.plusDays(10),
                u -> u.customerEmail = "nope");
        for (Consumer<UpdateSubscriptionInput> change : invalid) {
            assertThat(failure(() -> connector.updateSubscription(current("active"), update(change))).code()).isEqualTo(ErrorCode.VALIDATION);
        }
        GatewayException notScheduled = failure(() -> connector.updateSubscription(current("retrying"), update(u -> u.startDate = TODAY_SGT)));
        assertThat(notScheduled.field()).isEqualTo("input.startDate");
        wireMock.verify(0, anyRequestedFor(anyUrl()));
    }

    // ---- cancel, unsupported toggle

    @Test
    void cancelDeletesTheBilling() {
        wireMock.stubFor(delete(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(BILLING.replace("\"active\"", "\"canceled\""))));
        Subscription canceled = await(connector.cancelSubscription(current("active")));
        wireMock.verify(1, anyRequestedFor(anyUrl()));
        wireMock.verify(1, hitpay(deleteRequestedFor(urlEqualTo(PATH))));
        assertThat(canceled.status()).isEqualTo(SubscriptionStatus.CANCELED);
    }

    @Test
    void toggleCustomerStatusIsUnsupportedAndSendsNothing() {
        assertThat(connector).isNotInstanceOf(ToggleCustomerStatus.class);
        assertThat(registry.capabilities(Provider.HITPAY).toggleCustomerStatus()).isEqualTo(Support.UNSUPPORTED);
        assertThat(registry.capabilities(Provider.HITPAY).cancelSubscription()).isEqualTo(Support.NATIVE);
        assertThat(registry.capabilities(Provider.HITPAY).listCustomers()).isEqualTo(Support.NATIVE);
        assertThat(registry.capabilities(Provider.HITPAY).updatableFields()).containsExactly(
                "amount", "customerEmail", "customerName", "interval", "productDescription", "productName",
                "redirectUrl", "reference", "startDate");
        assertThatThrownBy(() -> registry.require(Provider.HITPAY, ToggleCustomerStatus.class, "toggleCustomerStatus", null))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_BY_PROVIDER));
        wireMock.verify(0, anyRequestedFor(anyUrl()));
    }

    // ---- errors

    void stubError(int status, String body) {
        wireMock.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    @Test
    void validationEnvelopeBecomesProviderRejectedWithTheFieldMessages() {
        wireMock.stubFor(put(urlEqualTo(PATH)).willReturn(aResponse().withStatus(422).withHeader("Content-Type", "application/json")
                .withBody("""
                        {"message":"The start date must be a date after or equal to today. (and 1 more error)",
                         "errors":{"start_date":["The start date must be a date after or equal to today."],
                                   "save_card":["When save_card true, you disallow to set plan_id."]}}""")));
        GatewayException e = failure(() -> connector.updateSubscription(current("active"), update(u -> u.startDate = TODAY_SGT)));
        assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_REJECTED);
        assertThat(e.provider()).isEqualTo(Provider.HITPAY);
        assertThat(e.providerCode()).isEqualTo("422");
        assertThat(e.providerMessage()).isEqualTo("start_date: The start date must be a date after or equal to today.; "
                + "save_card: When save_card true, you disallow to set plan_id.");
        wireMock.verify(1, anyRequestedFor(anyUrl()));
    }

    @Test
    void notFoundIsNotFoundButAnInvalidKeyIsRejected() {
        stubError(404, "{\"message\":\"No query results for model [App\\\\Business\\\\RecurringBilling] " + ID + "\"}");
        GatewayException missing = failure(() -> connector.fetchSubscription(ID));
        assertThat(missing.code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(missing.providerCode()).isEqualTo("404");
        wireMock.verify(1, anyRequestedFor(anyUrl())); // a refusal is not retried

        for (int status : new int[] { 401, 403, 404 }) {
            stubError(status, "{\"message\":\"Invalid business api key.\"}");
            GatewayException key = failure(() -> connector.fetchSubscription(ID));
            assertThat(key.code()).as("HTTP %d", status).isEqualTo(ErrorCode.PROVIDER_REJECTED);
            assertThat(key.providerCode()).isEqualTo(String.valueOf(status));
            assertThat(key.providerMessage()).isEqualTo("Invalid business api key.");
            assertThat(key.getMessage()).doesNotContain(HitPayWireMockResource.API_KEY);
        }
    }

    @Test
    void aSuccessWhoseBodyIsNoBillingIsUnavailableAndNamesNoBody() {
        for (String body : new String[] { "[]", "null", "\"ok\"", "{\"name\":\"no id\"}", "{not json", "[" + BILLING + "]" }) {
            wireMock.resetAll();
            wireMock.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                    .withBody(body)));
            GatewayException e = failure(() -> connector.fetchSubscription(ID));
            assertThat(e.code()).as(body).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
            assertThat(e.getMessage()).as(body).isEqualTo("HitPay answered with a body the gateway cannot read");
        }
    }

    @Test
    void serverErrorsRetryReadsButNeverMutations() {
        stubError(503, "<html>stack trace with secrets</html>");
        GatewayException read = failure(() -> connector.fetchSubscription(ID));
        assertThat(read.code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
        assertThat(read.getMessage()).doesNotContain("secrets");
        assertThat(read.providerMessage()).isNull();
        wireMock.verify(3, getRequestedFor(urlEqualTo(PATH)));

        wireMock.stubFor(delete(urlEqualTo(PATH)).willReturn(aResponse().withStatus(500)));
        GatewayException write = failure(() -> connector.cancelSubscription(current("active")));
        assertThat(write.code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
        wireMock.verify(1, deleteRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void aTimeoutAfterSendingAMutationIsOutcomeUnknownAndNotRetried() {
        wireMock.stubFor(post(urlEqualTo("/v1/recurring-billing")).willReturn(aResponse().withStatus(200).withFixedDelay((int) SLOW_ANSWER_MILLIS)
                .withHeader("Content-Type", "application/json").withBody(BILLING)));
        GatewayException e = slowFailure(() -> connector.createSubscription(createInput(c -> { })));
        assertThat(e.code()).isEqualTo(ErrorCode.OUTCOME_UNKNOWN);
        assertThat(e.provider()).isEqualTo(Provider.HITPAY);
        wireMock.verify(1, postRequestedFor(urlEqualTo("/v1/recurring-billing")));
    }

    @Test
    void aLostConnectionAfterSendingIsOutcomeUnknownButOnAReadIsUnavailable() {
        wireMock.stubFor(put(urlEqualTo(PATH)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        GatewayException write = failure(() -> connector.updateSubscription(current("active"), update(u -> u.reference = "x")));
        assertThat(write.code()).isEqualTo(ErrorCode.OUTCOME_UNKNOWN);
        wireMock.verify(1, putRequestedFor(urlEqualTo(PATH)));

        wireMock.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        GatewayException read = failure(() -> connector.fetchSubscription(ID));
        assertThat(read.code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
        assertThat(read.retryable()).isTrue();
    }

    @Test
    void aReadTimeoutIsUnavailable() {
        wireMock.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200).withFixedDelay((int) SLOW_ANSWER_MILLIS)
                .withHeader("Content-Type", "application/json").withBody(BILLING)));
        GatewayException e = slowFailure(() -> connector.fetchSubscription(ID));
        assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void repeatedFailuresOpenTheCircuitAndMarkTheProviderUnhealthy() {
        wireMock.stubFor(delete(urlEqualTo(PATH)).willReturn(aResponse().withStatus(502)));
        assertThat(module.healthy()).isTrue();
        for (int i = 0; i < 10; i++) {
            failure(() -> connector.cancelSubscription(current("active")));
        }
        wireMock.verify(10, deleteRequestedFor(urlEqualTo(PATH)));
        assertThat(module.healthy()).isFalse();
        GatewayException fast = failure(() -> connector.cancelSubscription(current("active")));
        assertThat(fast.code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
        wireMock.verify(10, deleteRequestedFor(urlEqualTo(PATH))); // failed fast, nothing sent
        circuitBreakers.resetAll();
        assertThat(module.healthy()).isTrue();
    }

    @Test
    void theModuleReportsWhereCallsGo() {
        assertThat(module.enabled()).isTrue();
        assertThat(module.sandboxed()).isFalse();
        assertThat(module.baseUrl()).isEqualTo(wireMock.baseUrl());
        assertThat(module.account()).startsWith("key-").doesNotContain(HitPayWireMockResource.API_KEY);
        assertThat(module.webhookUrl()).isEqualTo(HitPayWireMockResource.WEBHOOK_URL);
    }

    // ---- the connector test kit (ConnectorContract): HitPay's answers and expectations

    @Override
    protected Provider provider() {
        return Provider.HITPAY;
    }

    @Override
    protected WireMockServer providerServer() {
        return wireMock;
    }

    @Override
    protected void assertAuthenticated(LoggedRequest request) {
        assertThat(request.getHeader("X-BUSINESS-API-KEY")).isEqualTo(HitPayWireMockResource.API_KEY);
        assertThat(request.getHeader("X-Requested-With")).isEqualTo("XMLHttpRequest");
    }

    @Override
    protected List<String> secrets() {
        return List.of(HitPayWireMockResource.API_KEY, HitPayWireMockResource.WEBHOOK_SALT);
    }

    @Override
    protected String stubFetchedSubscription() {
        stubBilling(get(urlEqualTo(PATH)));
        return ID;
    }

    @Override
    protected void assertFetchedSubscription(Subscription s) {
        assertThat(s.providerCustomerId()).isEqualTo("paul@example.com");
        assertThat(s.amount()).isEqualTo(new Money(new BigDecimal("12.90"), "SGD"));
        assertThat(s.interval()).isEqualTo(BillingInterval.of(IntervalUnit.WEEK, 2));
        assertThat(s.status()).isEqualTo(SubscriptionStatus.ACTIVE);
    }

    @Override
    protected String stubFetchedCustomer() {
        for (String status : HitPayMapping.LISTABLE_STATUSES) {
            stubList(status, 1, page(status.equals("active") ? BILLING : "", false, 1, 1));
        }
        return "paul@example.com"; // HitPay has no customer object: the e-mail is the customer's identity
    }

    @Override
    protected void assertFetchedCustomer(Customer customer) {
        assertThat(customer.email()).isEqualTo("paul@example.com");
        assertThat(customer.name()).isEqualTo("Paul");
        assertThat(customer.active()).isTrue();
    }

    @Override
    protected Listed stubListed() {
        for (String status : HitPayMapping.LISTABLE_STATUSES) {
            stubList(status, 1, page(status.equals("active") ? BILLING : "", false, 1, 1));
        }
        return Listed.subscriptions();
    }

    @Override
    protected void assertListed(ProviderPage<?> page) {
        assertThat(page.items()).extracting(s -> ((Subscription) s).providerSubscriptionId()).containsExactly(ID);
        assertThat(((Subscription) page.items().get(0)).amount()).isEqualTo(new Money(new BigDecimal("12.90"), "SGD"));
    }

    @Override
    protected String stubUnknownSubscription() {
        stubError(404, "{\"message\":\"No query results for model [App\\\\Business\\\\RecurringBilling] " + ID + "\"}");
        return ID;
    }

    @Override
    protected ExpectedError stubRejectedSubscriptionRead() {
        stubError(401, "{\"message\":\"Invalid business api key.\"}");
        return new ExpectedError(ID, ErrorCode.PROVIDER_REJECTED, "401");
    }

    /** An event (v2) webhook about the billing, signed over its raw body as HitPay does. */
    static final String EVENT = "{\"event\":\"recurring_billing.subscription_updated\",\"recurring_billing\":{\"id\":\"" + ID
            + "\",\"status\":\"active\"}}";

    @Override
    protected WebhookRequest genuineWebhook() {
        byte[] body = EVENT.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return new WebhookRequest("POST", "/webhooks/hitpay", Map.of("content-type", List.of("application/json"),
                "hitpay-signature", List.of(hmacSha256Hex(HitPayWireMockResource.WEBHOOK_SALT, body))), body);
    }

    @Override
    protected WebhookRequest unsignedWebhook() {
        return new WebhookRequest("POST", "/webhooks/hitpay", Map.of("content-type", List.of("application/json")),
                EVENT.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    protected VerifiedWebhook.ObjectRef webhookObject() {
        return new VerifiedWebhook.ObjectRef(VerifiedWebhook.Kind.SUBSCRIPTION, ID);
    }

    @Override
    protected InvalidInput invalidCreate() {
        // HitPay's own rule: a plan is named by its UUID
        return new InvalidInput(createInput(c -> c.hitpay.planId = "not-a-uuid"), "input.hitpay.planId");
    }
}
