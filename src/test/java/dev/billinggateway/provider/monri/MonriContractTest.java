package dev.billinggateway.provider.monri;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.billinggateway.provider.monri.MonriWireMockProfile.MERCHANT_KEY;
import static dev.billinggateway.provider.monri.MonriWireMockProfile.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import dev.billinggateway.connector.PageRequest;
import dev.billinggateway.connector.ProviderPage;
import dev.billinggateway.connector.VerifiedWebhook;
import dev.billinggateway.connector.VerifiedWebhook.Kind;
import dev.billinggateway.connector.VerifiedWebhook.ObjectRef;
import dev.billinggateway.connector.WebhookRequest;
import dev.billinggateway.domain.BillingInterval;
import dev.billinggateway.domain.CreateSubscriptionInput;
import dev.billinggateway.domain.Customer;
import dev.billinggateway.domain.ErrorCode;
import dev.billinggateway.domain.GatewayException;
import dev.billinggateway.domain.IntervalUnit;
import dev.billinggateway.domain.Money;
import dev.billinggateway.domain.MoneyInput;
import dev.billinggateway.domain.PhoneNumber;
import dev.billinggateway.domain.Provider;
import dev.billinggateway.domain.Subscription;
import dev.billinggateway.domain.SubscriptionStatus;
import dev.billinggateway.domain.UpdateSubscriptionInput;
import dev.billinggateway.provider.ConnectorContract;
import dev.billinggateway.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.mutiny.Uni;

/**
 * Contract tests: every request the connector sends to Monri (method, path and query, headers, body, and a
 * WP3-v2.1 digest recomputed here independently), Monri's error envelopes mapped to unified codes, and
 * nothing sent when the input breaks a rule.
 */
@QuarkusTest
@TestProfile(MonriWireMockProfile.class)
@QuarkusTestResource(PostgresTestResource.class)
class MonriContractTest extends ConnectorContract {

    @MonriWireMockProfile.InjectMonriWireMock
    WireMockServer wireMock;

    @Inject
    MonriConnector customers;

    @Inject
    MonriConnector subscriptions;

    @Inject
    MonriWebhooks callbacks;

    @Inject
    MonriModule module;

    @Inject
    MonriModule account;

    @Inject
    CircuitBreakerMaintenance circuits;

    static final String CUSTOMER_JSON = """
            {"status":"approved","uuid":"c0ffee00-0000-4000-8000-000000000001","merchant_customer_id":"jana.novak@example.com",
             "description":null,"email":"Jana.Novak@example.com","name":"Jana Novak","phone":"+385 911234567","metadata":{},
             "zip_code":"10000","city":"Zagreb","address":null,"deleted":false,
             "created_at":"2023-02-01T10:00:00+01:00","updated_at":"2023-02-02 11:30:00","deleted_at":null}""";

    /** Monri's docs example (customer subscription 54 on plan 597). */
    static final String CS_54 = """
            {"id":54,"status":"approved","customer_id":908,"subscription_id":597,"active_from":"2023-02-12",\
            "active_to":"2023-03-12","next_charge_date":"2023-02-13"}""";

    /** Monri's docs example of a plan, with id 597. */
    static final String PLAN_597 = """
            {"id":597,"name":"Subscription #1","merchant_id":11880,"status":"approved","sku":null,"description":"Description",\
            "price":1000,"currency":"EUR","period":"week"}""";

    @BeforeEach
    void reset() {
        wireMock.resetAll();
        circuits.resetAll();
    }

    // --- configuration

    @Test
    void callsGoToTheConfiguredApiUrlNotTheSandbox() {
        assertThat(module.enabled()).isTrue();
        assertThat(module.sandboxed()).isFalse();
        assertThat(module.account()).isEqualTo(TOKEN);
        assertThat(account.baseUrl()).isEqualTo(wireMock.baseUrl());
        assertThat(module.healthy()).isTrue();
    }

    // --- reads

    @Test
    void fetchCustomer() {
        wireMock.stubFor(get("/v2/customers/c0ffee00-0000-4000-8000-000000000001").willReturn(okJson(CUSTOMER_JSON)));

        Customer c = await(customers.fetchCustomer("c0ffee00-0000-4000-8000-000000000001"));

        assertThat(c.provider()).isEqualTo(Provider.MONRI);
        assertThat(c.providerCustomerId()).isEqualTo("c0ffee00-0000-4000-8000-000000000001");
        assertThat(c.email()).isEqualTo("Jana.Novak@example.com");
        assertThat(c.name()).isEqualTo("Jana Novak");
        assertThat(c.phone()).isEqualTo(new PhoneNumber("+385", "911234567"));
        assertThat(c.active()).isTrue();
        assertThat(c.createdAt()).hasToString("2023-02-01T10:00+01:00");
        assertThat(c.updatedAt()).hasToString("2023-02-02T11:30+01:00");
        assertRequests("GET /v2/customers/c0ffee00-0000-4000-8000-000000000001");
        assertSigned(sent(0), "");
    }

    @Test
    void listCustomersPagesByLimitAndOffsetAndSignsTheQueryString() {
        String deleted = CUSTOMER_JSON.replace("c0ffee00-0000-4000-8000-000000000001", "c0ffee00-0000-4000-8000-000000000002")
                .replace("Jana.Novak@example.com", "other@example.com").replace("\"deleted\":false", "\"deleted\":true");
        wireMock.stubFor(get("/v2/customers?limit=2&offset=4")
                .willReturn(okJson("{\"status\":\"approved\",\"data\":[" + CUSTOMER_JSON + "," + deleted + "]}")));

        ProviderPage<Customer> page = await(customers.listCustomers(null, new PageRequest("4", 2)));
        assertThat(page.items()).extracting(Customer::providerCustomerId)
                .containsExactly("c0ffee00-0000-4000-8000-000000000001", "c0ffee00-0000-4000-8000-000000000002");
        assertThat(page.items().get(1).active()).isFalse();
        assertThat(page.nextCursor()).isEqualTo("6");

        ProviderPage<Customer> filtered = await(customers.listCustomers("OTHER@example.com", new PageRequest("4", 2)));
        assertThat(filtered.items()).extracting(Customer::email).containsExactly("other@example.com");

        assertRequests("GET /v2/customers?limit=2&offset=4", "GET /v2/customers?limit=2&offset=4");
        assertSigned(sent(0), "");
    }

    @Test
    void lastPageHasNoCursor() {
        wireMock.stubFor(get("/v2/customers?limit=20&offset=0").willReturn(okJson("{\"status\":\"approved\",\"data\":[" + CUSTOMER_JSON + "]}")));
        ProviderPage<Customer> page = await(customers.listCustomers(null, PageRequest.first(20)));
        assertThat(page.items()).hasSize(1);
        assertThat(page.nextCursor()).isNull();
        assertRequests("GET /v2/customers?limit=20&offset=0");
    }

    @Test
    void badCursorSendsNothing() {
        assertFailure(customers.listCustomers(null, new PageRequest("x", 20)), ErrorCode.VALIDATION);
        assertNothingSent();
    }

    @Test
    void fetchSubscriptionReadsTheCustomerSubscriptionAndItsPlan() {
        wireMock.stubFor(get("/v2/customer-subscriptions/54").willReturn(okJson(CS_54)));
        wireMock.stubFor(get("/v2/subscriptions/597").willReturn(okJson(PLAN_597)));

        Subscription s = await(subscriptions.fetchSubscription("54"));

        assertThat(s.providerSubscriptionId()).isEqualTo("54");
        assertThat(s.providerCustomerId()).isEqualTo("908");
        assertThat(s.productName()).isEqualTo("Subscription #1");
        assertThat(s.productDescription()).isEqualTo("Description");
        assertThat(s.amount()).isEqualTo(new Money(new BigDecimal("10.00"), "EUR"));
        assertThat(s.interval()).isEqualTo(BillingInterval.of(IntervalUnit.WEEK, 1));
        assertThat(s.activeFrom()).isEqualTo(LocalDate.of(2023, 2, 12));
        assertThat(s.startDate()).isEqualTo(LocalDate.of(2023, 2, 12));
        assertThat(s.nextChargeDate()).isEqualTo(LocalDate.of(2023, 2, 13));
        assertThat(s.activeTo()).isEqualTo(LocalDate.of(2023, 3, 12));
        assertThat(s.status()).isEqualTo(SubscriptionStatus.ENDED); // active_to is long past
        assertThat(s.providerStatus()).isNull();
        assertRequests("GET /v2/customer-subscriptions/54", "GET /v2/subscriptions/597");
        assertSigned(sent(0), "");
        assertSigned(sent(1), "");
    }

    @Test
    void nonNumericSubscriptionIdIsNotFoundWithoutACall() {
        assertFailure(subscriptions.fetchSubscription("abc"), ErrorCode.NOT_FOUND);
        assertNothingSent();
    }

    // --- create

    @Test
    void createWithAGivenPlanCreatesTheCustomerAndTheCustomerSubscription() {
        wireMock.stubFor(get("/v2/subscriptions/597").willReturn(okJson(PLAN_597)));
        wireMock.stubFor(get("/v2/merchants/customers/jana.novak@example.com")
                .willReturn(envelope(404, "invalid-request", "Customer not found")));
        wireMock.stubFor(post("/v2/customers").willReturn(okJson(CUSTOMER_JSON)));
        wireMock.stubFor(post("/v2/customer-subscriptions").willReturn(okJson("""
                {"id":77,"status":"approved","customer_id":"c0ffee00-0000-4000-8000-000000000001","subscription_id":597,\
                "active_from":"2023-02-12","active_to":"2023-03-12","next_charge_date":"2023-02-13"}""")));

        CreateSubscriptionInput in = MonriRulesTest.create();
        in.amount = new MoneyInput(new BigDecimal("10"), "EUR");
        in.monri.planId = "597";
        Subscription s = await(subscriptions.createSubscription(in));

        assertThat(s.providerSubscriptionId()).isEqualTo("77");
        assertThat(s.providerCustomerId()).isEqualTo("c0ffee00-0000-4000-8000-000000000001");
        assertThat(s.productName()).isEqualTo("Subscription #1");
        assertThat(s.amount()).isEqualTo(Money.ofMinor(1000, "EUR"));
        assertRequests("GET /v2/subscriptions/597",
                "GET /v2/merchants/customers/jana.novak@example.com",
                "POST /v2/customers",
                "POST /v2/customer-subscriptions");
        assertSigned(sent(2), "{\"merchant_customer_id\":\"jana.novak@example.com\",\"email\":\"Jana.Novak@example.com\",\"name\":\"Jana Novak\"}");
        assertSigned(sent(3), "{\"subscription_id\":597,\"customer_id\":\"c0ffee00-0000-4000-8000-000000000001\","
                + "\"next_charge_date\":\"2023-02-13\",\"active_from\":\"2023-02-12\",\"active_to\":\"2023-03-12\"}");
    }

    @Test
    void createWithoutPlanCreatesOneWhenNoneMatchesAndUpdatesAChangedCustomer() {
        // a plan of the same name bills other terms, so the new plan's name carries the terms
        wireMock.stubFor(get("/v2/subscriptions?limit=100&offset=0").willReturn(okJson("{\"status\":\"approved\",\"data\":["
                + PLAN_597.replace("Subscription #1", "Gold weekly") + "]}")));
        wireMock.stubFor(post("/v2/subscriptions").willReturn(okJson("""
                {"id":600,"name":"Gold weekly (12.90 EUR per week)","merchant_id":11880,"status":"approved","sku":null,\
                "description":"Gold weekly","price":1290,"currency":"EUR","period":"week"}""")));
        wireMock.stubFor(get("/v2/merchants/customers/jana.novak@example.com")
                .willReturn(okJson(CUSTOMER_JSON.replace("\"name\":\"Jana Novak\"", "\"name\":\"J. Novak\""))));
        wireMock.stubFor(post("/v2/customers/c0ffee00-0000-4000-8000-000000000001").willReturn(okJson(CUSTOMER_JSON)));
        wireMock.stubFor(post("/v2/customer-subscriptions").willReturn(okJson("""
                {"id":78,"status":"approved","customer_id":"c0ffee00-0000-4000-8000-000000000001","subscription_id":600,\
                "active_from":"2023-02-12","active_to":"2023-03-12","next_charge_date":"2023-02-13"}""")));

        Subscription s = await(subscriptions.createSubscription(MonriRulesTest.create()));

        assertThat(s.productName()).isEqualTo("Gold weekly (12.90 EUR per week)");
        assertThat(s.amount()).isEqualTo(new Money(new BigDecimal("12.90"), "EUR"));
        assertRequests("GET /v2/subscriptions?limit=100&offset=0",
                "POST /v2/subscriptions",
                "GET /v2/merchants/customers/jana.novak@example.com",
                "POST /v2/customers/c0ffee00-0000-4000-8000-000000000001",
                "POST /v2/customer-subscriptions");
        assertSigned(sent(1), "{\"name\":\"Gold weekly (12.90 EUR per week)\",\"description\":\"Gold weekly\",\"price\":1290,"
                + "\"currency\":\"EUR\",\"period\":\"week\"}");
        assertSigned(sent(3), "{\"name\":\"Jana Novak\"}");
        assertSigned(sent(4), "{\"subscription_id\":600,\"customer_id\":\"c0ffee00-0000-4000-8000-000000000001\","
                + "\"next_charge_date\":\"2023-02-13\",\"active_from\":\"2023-02-12\",\"active_to\":\"2023-03-12\"}");
    }

    @Test
    void createReusesAMatchingPlanAndAnUnchangedCustomer() {
        wireMock.stubFor(get("/v2/subscriptions?limit=100&offset=0").willReturn(okJson("{\"status\":\"approved\",\"data\":["
                + PLAN_597.replace("Subscription #1", "Gold weekly").replace("1000", "1290") + "]}")));
        wireMock.stubFor(get("/v2/merchants/customers/jana.novak@example.com").willReturn(okJson(CUSTOMER_JSON)));
        wireMock.stubFor(post("/v2/customer-subscriptions").willReturn(okJson(CS_54)));

        await(subscriptions.createSubscription(MonriRulesTest.create()));

        assertRequests("GET /v2/subscriptions?limit=100&offset=0",
                "GET /v2/merchants/customers/jana.novak@example.com",
                "POST /v2/customer-subscriptions");
        assertSigned(sent(2), "{\"subscription_id\":597,\"customer_id\":\"c0ffee00-0000-4000-8000-000000000001\","
                + "\"next_charge_date\":\"2023-02-13\",\"active_from\":\"2023-02-12\",\"active_to\":\"2023-03-12\"}");
    }

    @Test
    void aGivenPlanWithOtherTermsIsAValidationErrorBeforeAnyWrite() {
        wireMock.stubFor(get("/v2/subscriptions/597").willReturn(okJson(PLAN_597)));
        CreateSubscriptionInput in = MonriRulesTest.create(); // 12.90 EUR, plan bills 10.00
        in.monri.planId = "597";
        GatewayException e = assertFailure(subscriptions.createSubscription(in), ErrorCode.VALIDATION);
        assertThat(e.field()).isEqualTo("input.monri.planId");
        assertRequests("GET /v2/subscriptions/597");
    }

    @Test
    void brokenCreateRulesSendNothing() {
        CreateSubscriptionInput in = MonriRulesTest.create();
        in.monri.nextChargeDate = in.monri.activeTo;
        GatewayException e = assertFailure(subscriptions.createSubscription(in), ErrorCode.VALIDATION);
        assertThat(e.field()).isEqualTo("input.monri.activeTo");
        assertThatThrownBy(() -> subscriptions.validateCreate(in)).isInstanceOf(GatewayException.class);
        assertNothingSent();
    }

    // --- update and cancel

    @Test
    void updateSendsOnlyTheChangedDates() {
        wireMock.stubFor(post("/v2/customer-subscriptions/54").willReturn(okJson(CS_54.replace("2023-02-13", "2023-03-01"))));
        UpdateSubscriptionInput in = new UpdateSubscriptionInput();
        in.nextChargeDate = LocalDate.of(2023, 3, 1);

        Subscription s = await(subscriptions.updateSubscription(MonriRulesTest.current(), in));

        assertThat(s.nextChargeDate()).isEqualTo(LocalDate.of(2023, 3, 1));
        assertThat(s.productName()).isEqualTo("Plan");
        assertThat(s.amount()).isEqualTo(Money.ofMinor(1000, "EUR"));
        assertRequests("POST /v2/customer-subscriptions/54");
        assertSigned(sent(0), "{\"next_charge_date\":\"2023-03-01\"}");
        assertThat(subscriptions.updatableFields()).containsExactlyInAnyOrder("nextChargeDate", "activeFrom", "activeTo");
    }

    @Test
    void brokenUpdateRulesSendNothing() {
        UpdateSubscriptionInput late = new UpdateSubscriptionInput();
        late.nextChargeDate = LocalDate.of(2023, 3, 12);
        assertThat(assertFailure(subscriptions.updateSubscription(MonriRulesTest.current(), late), ErrorCode.VALIDATION).field())
                .isEqualTo("input.nextChargeDate");
        UpdateSubscriptionInput amount = new UpdateSubscriptionInput();
        amount.amount = new MoneyInput(BigDecimal.ONE, "EUR");
        assertThat(assertFailure(subscriptions.updateSubscription(MonriRulesTest.current(), amount), ErrorCode.VALIDATION).field())
                .isEqualTo("input.amount");
        assertNothingSent();
    }

    @Test
    void cancelMovesActiveToAndNothingElse() {
        LocalDate today = account.today();
        Subscription current = new Subscription(Provider.MONRI, "54", "908", "Plan", null, Money.ofMinor(1000, "EUR"),
                BillingInterval.of(IntervalUnit.MONTH, 1), SubscriptionStatus.ACTIVE, null, today.minusDays(1),
                today.minusDays(30), today.minusDays(30), today.plusDays(300), null, null, null, null, null);
        wireMock.stubFor(post("/v2/customer-subscriptions/54").willReturn(okJson("{\"id\":54,\"status\":\"approved\","
                + "\"customer_id\":908,\"subscription_id\":597,\"active_from\":\"" + today.minusDays(30) + "\",\"active_to\":\""
                + today + "\",\"next_charge_date\":\"" + today.minusDays(1) + "\"}")));

        Subscription s = await(subscriptions.cancelSubscription(current));

        assertThat(s.activeTo()).isEqualTo(today);
        assertRequests("POST /v2/customer-subscriptions/54");
        assertSigned(sent(0), "{\"active_to\":\"" + today + "\"}");
        assertThat(subscriptions.cancelSupport()).isEqualTo(dev.billinggateway.domain.Support.EMULATED);
    }

    @Test
    void cancellingAnEndedSubscriptionSendsNothing() {
        Subscription s = await(subscriptions.cancelSubscription(MonriRulesTest.current())); // ended in 2023
        assertThat(s.status()).isEqualTo(SubscriptionStatus.ENDED);
        assertNothingSent();
    }

    // --- errors

    @Test
    void invalidRequestEnvelopeIsProviderRejected() {
        wireMock.stubFor(post("/v2/customer-subscriptions/54").willReturn(envelope(400, "invalid-request", "next_charge_date should be before active_to")));
        UpdateSubscriptionInput in = new UpdateSubscriptionInput();
        in.nextChargeDate = LocalDate.of(2023, 3, 1);
        GatewayException e = assertFailure(subscriptions.updateSubscription(MonriRulesTest.current(), in), ErrorCode.PROVIDER_REJECTED);
        assertThat(e.provider()).isEqualTo(Provider.MONRI);
        assertThat(e.providerCode()).isEqualTo("invalid-request");
        assertThat(e.providerMessage()).isEqualTo("next_charge_date should be before active_to");
        assertRequests("POST /v2/customer-subscriptions/54");
    }

    @Test
    void notFoundEnvelopeIsNotFound() {
        wireMock.stubFor(get("/v2/customers/nope").willReturn(envelope(404, "invalid-request", "Customer not found")));
        GatewayException e = assertFailure(customers.fetchCustomer("nope"), ErrorCode.NOT_FOUND);
        assertThat(e.provider()).isEqualTo(Provider.MONRI);
        assertThat(e.providerCode()).isEqualTo("invalid-request");
        assertThat(e.providerMessage()).isEqualTo("Customer not found");
        assertRequests("GET /v2/customers/nope"); // a 404 is an answer: not retried
    }

    @Test
    void refusedAuthorizationIsProviderRejected() {
        wireMock.stubFor(get("/v2/customers/c1").willReturn(envelope(401, "error", "Authorization failed")));
        GatewayException e = assertFailure(customers.fetchCustomer("c1"), ErrorCode.PROVIDER_REJECTED);
        assertThat(e.providerCode()).isEqualTo("error");
        assertThat(e.providerMessage()).isEqualTo("Authorization failed");
        assertThat(e.getMessage()).doesNotContain(MERCHANT_KEY);
        assertRequests("GET /v2/customers/c1");
    }

    @Test
    void errorStatusInA2xxAnswerIsProviderRejected() {
        wireMock.stubFor(get("/v2/customers/c1").willReturn(okJson("{\"status\":\"error\",\"message\":\"Something went wrong\"}")));
        GatewayException e = assertFailure(customers.fetchCustomer("c1"), ErrorCode.PROVIDER_REJECTED);
        assertThat(e.providerCode()).isEqualTo("error");
        assertThat(e.providerMessage()).isEqualTo("Something went wrong");
    }

    @Test
    void serverErrorOnAReadIsRetriedThenUnavailable() {
        wireMock.stubFor(get("/v2/customers/c1").willReturn(aResponse().withStatus(502)));
        GatewayException e = assertFailure(customers.fetchCustomer("c1"), ErrorCode.PROVIDER_UNAVAILABLE);
        assertThat(e.retryable()).isTrue();
        assertRequests("GET /v2/customers/c1", "GET /v2/customers/c1", "GET /v2/customers/c1");
    }

    @Test
    void serverErrorOnAWriteIsOutcomeUnknownAndNotRetried() {
        wireMock.stubFor(post("/v2/customer-subscriptions/54").willReturn(aResponse().withStatus(500)));
        UpdateSubscriptionInput in = new UpdateSubscriptionInput();
        in.activeTo = LocalDate.of(2023, 3, 20);
        assertFailure(subscriptions.updateSubscription(MonriRulesTest.current(), in), ErrorCode.OUTCOME_UNKNOWN);
        assertRequests("POST /v2/customer-subscriptions/54");
    }

    @Test
    void noAnswerToAWriteIsOutcomeUnknownAndNotRetried() {
        wireMock.stubFor(post("/v2/customer-subscriptions/54").willReturn(okJson(CS_54).withFixedDelay(3000)));
        UpdateSubscriptionInput in = new UpdateSubscriptionInput();
        in.activeTo = LocalDate.of(2023, 3, 20);
        assertFailure(subscriptions.updateSubscription(MonriRulesTest.current(), in), ErrorCode.OUTCOME_UNKNOWN);
        assertRequests("POST /v2/customer-subscriptions/54");
    }

    @Test
    void repeatedReadFailuresOpenTheCircuitAndMarkMonriUnhealthy() {
        wireMock.stubFor(get("/v2/customers/c1").willReturn(aResponse().withStatus(503)));
        for (int i = 0; i < 4; i++) {
            assertFailure(customers.fetchCustomer("c1"), ErrorCode.PROVIDER_UNAVAILABLE);
        }
        assertThat(module.healthy()).isFalse();
        int sentBefore = wireMock.getAllServeEvents().size();
        GatewayException e = assertFailure(customers.fetchCustomer("c1"), ErrorCode.PROVIDER_UNAVAILABLE);
        assertThat(e.getMessage()).contains("circuit open");
        assertThat(wireMock.getAllServeEvents()).hasSize(sentBefore); // failed fast
        circuits.resetAll();
        assertThat(module.healthy()).isTrue();
    }

    // --- callbacks

    static WebhookRequest callback(String authorization, String body) {
        Map<String, List<String>> headers = authorization == null ? Map.of("content-type", List.of("application/json"))
                : Map.of("authorization", List.of(authorization), "content-type", List.of("application/json"));
        return new WebhookRequest("POST", "/webhooks/monri", headers, body.getBytes(StandardCharsets.UTF_8));
    }

    /** The callback test vector: merchant key qwert1234 over the customer-subscription body. */
    static final String VECTOR_BODY = "{\"subscription_id\":597,\"customer_id\":908,\"next_charge_date\":\"2023-02-13\","
            + "\"active_from\":\"2023-02-12\",\"active_to\":\"2023-03-12\"}";
    static final String VECTOR_AUTHORIZATION = "WP3-callback 4857cc8f187021c2e79f92d2f9910361ac576a1e4374b69655e6ac887704b5d06f0633416181a018c6121b2b1a936cc283b74011862f8fb38539da35114b3eaa";

    @Test
    void genuineCallbackIsVerifiedAndDeduplicatedByItsBytes() {
        VerifiedWebhook first = callbacks.verifyWebhook(callback(VECTOR_AUTHORIZATION, VECTOR_BODY));
        VerifiedWebhook again = callbacks.verifyWebhook(callback(VECTOR_AUTHORIZATION, VECTOR_BODY));
        assertThat(again.dedupKey()).isEqualTo(first.dedupKey());
        assertThat(first.eventType()).isEqualTo("callback");
        assertNothingSent();
    }

    @Test
    void webhookNamesTheObjectsToReRead() {
        String body = "{\"event\":\"transaction:approved\",\"payload\":{\"id\":214,\"status\":\"approved\","
                + "\"customer_uuid\":\"c0ffee00-0000-4000-8000-000000000001\",\"customer_subscription_id\":54}}";
        VerifiedWebhook w = callbacks.verifyWebhook(callback("WP3-callback " + sha512(MERCHANT_KEY + body), body));
        assertThat(w.eventType()).isEqualTo("transaction:approved");
        assertThat(w.affected()).containsExactly(new ObjectRef(Kind.CUSTOMER, "c0ffee00-0000-4000-8000-000000000001"),
                new ObjectRef(Kind.SUBSCRIPTION, "54"));
        assertThat(w.dedupKey()).isNotEqualTo(callbacks.verifyWebhook(callback(VECTOR_AUTHORIZATION, VECTOR_BODY)).dedupKey());
    }

    @Test
    void missingOrWrongCallbackDigestIsRefused() {
        assertUnauthenticated(callback(null, VECTOR_BODY));
        assertUnauthenticated(callback("WP3-v2.1 " + VECTOR_AUTHORIZATION.substring(13), VECTOR_BODY));
        assertUnauthenticated(callback(VECTOR_AUTHORIZATION, VECTOR_BODY.replace("597", "598")));
        assertUnauthenticated(callback("WP3-callback " + sha512("wrong-key" + VECTOR_BODY), VECTOR_BODY));
        assertUnauthenticated(callback("WP3-callback ", VECTOR_BODY));
    }

    void assertUnauthenticated(WebhookRequest request) {
        assertThatThrownBy(() -> callbacks.verifyWebhook(request)).isInstanceOfSatisfying(GatewayException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHENTICATED));
    }

    // --- helpers

    /** Monri's error answer: {@code {"status","message"}} with an HTTP status. */
    static ResponseDefinitionBuilder envelope(int httpStatus, String status, String message) {
        return aResponse().withStatus(httpStatus).withHeader("Content-Type", "application/json")
                .withBody("{\"status\":\"" + status + "\",\"message\":\"" + message + "\"}");
    }

    static <T> T await(Uni<T> uni) {
        return uni.await().atMost(Duration.ofSeconds(20));
    }

    static GatewayException assertFailure(Uni<?> uni, ErrorCode code) {
        Throwable thrown = null;
        try {
            await(uni);
        } catch (Throwable t) {
            thrown = t;
        }
        assertThat(thrown).isInstanceOf(GatewayException.class);
        GatewayException e = (GatewayException) thrown;
        assertThat(e.code()).as(e.getMessage()).isEqualTo(code);
        return e;
    }

    /** Requests received, oldest first. */
    List<LoggedRequest> sentRequests() {
        List<LoggedRequest> sent = new ArrayList<>(wireMock.getAllServeEvents().stream().map(ServeEvent::getRequest).toList());
        Collections.reverse(sent);
        return sent;
    }

    LoggedRequest sent(int index) {
        return sentRequests().get(index);
    }

    void assertRequests(String... methodAndUrl) {
        assertThat(sentRequests()).extracting(r -> r.getMethod().getName() + " " + r.getUrl()).containsExactly(methodAndUrl);
    }

    void assertNothingSent() {
        wireMock.verify(0, anyRequestedFor(anyUrl()));
    }

    /** Headers and body exactly, and a WP3-v2.1 digest recomputed from what arrived. */
    static void assertSigned(LoggedRequest r, String expectedBody) {
        assertThat(r.getBodyAsString()).isEqualTo(expectedBody);
        assertThat(r.getHeader("Content-Type")).isEqualTo("application/json");
        assertThat(r.getHeader("Accept")).isEqualTo("application/json");
        String[] auth = r.getHeader("Authorization").split(" ");
        assertThat(auth).hasSize(4);
        assertThat(auth[0]).isEqualTo("WP3-v2.1");
        assertThat(auth[1]).isEqualTo(TOKEN);
        assertThat(Long.parseLong(auth[2])).isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(60L));
        assertThat(auth[3]).isEqualTo(sha512(MERCHANT_KEY + auth[2] + TOKEN + r.getUrl() + new String(r.getBody(), StandardCharsets.UTF_8)));
    }

    static String sha512(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- the connector test kit (ConnectorContract): Monri's answers and expectations

    @Override
    protected Provider provider() {
        return Provider.MONRI;
    }

    @Override
    protected WireMockServer providerServer() {
        return wireMock;
    }

    @Override
    protected void assertAuthenticated(LoggedRequest request) {
        assertSigned(request, request.getBodyAsString());
    }

    @Override
    protected List<String> secrets() {
        return List.of(MERCHANT_KEY);
    }

    @Override
    protected String stubFetchedSubscription() {
        wireMock.stubFor(get("/v2/customer-subscriptions/54").willReturn(okJson(CS_54)));
        wireMock.stubFor(get("/v2/subscriptions/597").willReturn(okJson(PLAN_597)));
        return "54";
    }

    @Override
    protected void assertFetchedSubscription(Subscription s) {
        assertThat(s.providerCustomerId()).isEqualTo("908");
        assertThat(s.productName()).isEqualTo("Subscription #1");
        assertThat(s.amount()).isEqualTo(new Money(new BigDecimal("10.00"), "EUR"));
        assertThat(s.interval()).isEqualTo(BillingInterval.of(IntervalUnit.WEEK, 1));
    }

    @Override
    protected String stubFetchedCustomer() {
        wireMock.stubFor(get("/v2/customers/c0ffee00-0000-4000-8000-000000000001").willReturn(okJson(CUSTOMER_JSON)));
        return "c0ffee00-0000-4000-8000-000000000001";
    }

    @Override
    protected void assertFetchedCustomer(Customer c) {
        assertThat(c.email()).isEqualTo("Jana.Novak@example.com");
        assertThat(c.name()).isEqualTo("Jana Novak");
        assertThat(c.active()).isTrue();
    }

    @Override
    protected Listed stubListed() {
        // Monri lists customers, not customer subscriptions
        wireMock.stubFor(get("/v2/customers?limit=10&offset=0").willReturn(okJson("{\"status\":\"approved\",\"data\":[" + CUSTOMER_JSON + "]}")));
        return Listed.customers();
    }

    @Override
    protected void assertListed(ProviderPage<?> page) {
        assertThat(page.items()).extracting(c -> ((Customer) c).providerCustomerId()).containsExactly("c0ffee00-0000-4000-8000-000000000001");
        assertThat(page.nextCursor()).isNull();
    }

    @Override
    protected String stubUnknownSubscription() {
        wireMock.stubFor(get("/v2/customer-subscriptions/55").willReturn(envelope(404, "invalid-request", "Customer subscription not found")));
        return "55";
    }

    @Override
    protected ExpectedError stubRejectedSubscriptionRead() {
        wireMock.stubFor(get("/v2/customer-subscriptions/54").willReturn(envelope(401, "error", "Authorization failed")));
        return new ExpectedError("54", ErrorCode.PROVIDER_REJECTED, "error");
    }

    static final String TRANSACTION_CALLBACK = "{\"event\":\"transaction:approved\",\"payload\":{\"id\":214,\"status\":\"approved\","
            + "\"customer_uuid\":\"c0ffee00-0000-4000-8000-000000000001\",\"customer_subscription_id\":54}}";

    @Override
    protected WebhookRequest genuineWebhook() {
        return callback("WP3-callback " + sha512(MERCHANT_KEY + TRANSACTION_CALLBACK), TRANSACTION_CALLBACK);
    }

    @Override
    protected WebhookRequest unsignedWebhook() {
        return callback(null, TRANSACTION_CALLBACK);
    }

    @Override
    protected ObjectRef webhookObject() {
        return new ObjectRef(Kind.SUBSCRIPTION, "54");
    }

    @Override
    protected InvalidInput invalidCreate() {
        // Monri's own rule: the next charge falls before the subscription ends
        CreateSubscriptionInput in = MonriRulesTest.create();
        in.monri.nextChargeDate = in.monri.activeTo;
        return new InvalidInput(in, "input.monri.activeTo");
    }
}
