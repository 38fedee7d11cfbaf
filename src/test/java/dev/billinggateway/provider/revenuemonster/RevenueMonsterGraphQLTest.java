package dev.billinggateway.provider.revenuemonster;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.billinggateway.domain.Provider;
import dev.billinggateway.provider.revenuemonster.sandbox.RevenueMonsterDemoData;
import dev.billinggateway.provider.revenuemonster.sandbox.RevenueMonsterSandbox;
import dev.billinggateway.provider.revenuemonster.sandbox.SandboxScheduler;
import dev.billinggateway.sandbox.SandboxFaults;
import dev.billinggateway.sandbox.SandboxServer;
import dev.billinggateway.testsupport.Gql;
import dev.billinggateway.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** Revenue Monster through the GraphQL API, against the built-in sandbox. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class RevenueMonsterGraphQLTest {

    static final String CREATE = """
            mutation($input: CreateSubscriptionInput!, $key: String) {
              createSubscription(input: $input, idempotencyKey: $key) {
                id provider providerSubscriptionId status paymentUrl totalCharges timesCharged
                amount { amount currency } interval { unit count }
                customer { id providerCustomerId email isActive }
              }
            }""";
    static final String TOGGLE = """
            mutation($id: ID!, $key: String) { toggleCustomerStatus(id: $id, idempotencyKey: $key) { id isActive } }""";
    static final String SET_STATUS = """
            mutation($id: ID!, $active: Boolean!) { setCustomerStatus(id: $id, active: $active) { id isActive } }""";

    @Inject
    RevenueMonsterSandbox sandbox;

    @Inject
    SandboxServer sandboxServer;

    @Inject
    SandboxFaults faults;

    @AfterEach
    void clearFaults() {
        faults.set(Provider.REVENUE_MONSTER, SandboxFaults.Fault.NONE);
    }

    static Map<String, Object> createInput(String email, String interval, String target) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("provider", "REVENUE_MONSTER");
        input.put("customer", Map.of("email", email, "name", "Siti Aminah", "phone", Map.of("countryCode", "60", "number", "123456789")));
        input.put("productName", "Premium Plan");
        input.put("productDescription", "Monthly premium plan");
        input.put("amount", Map.of("amount", "12.00", "currency", "MYR"));
        input.put("interval", Map.of("unit", interval, "count", 1));
        input.put("revenueMonster", Map.of("recurringTarget", target, "recurringRepetition", 12,
                "redirectUrl", "https://shop.example.com/subscribed",
                "notifyUrl", "http://localhost:" + RestAssured.port + "/webhooks/revenue-monster"));
        return input;
    }

    /** Creates a recurring customer; returns the createSubscription object. */
    static JsonPath create(String target) {
        String email = "rm-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        return Gql.post(CREATE, Map.of("input", createInput(email, "MONTH", target)))
                .statusCode(200).body("errors", nullValue()).extract().jsonPath().setRootPath("data.createSubscription");
    }

    private long mutatingCalls() {
        return faults.calls(Provider.REVENUE_MONSTER).stream()
                .filter(c -> c.path().startsWith("/v3/") && !c.method().equals("GET")).count();
    }

    private long toggleCalls(String providerCustomerId) {
        return faults.calls(Provider.REVENUE_MONSTER).stream()
                .filter(c -> c.method().equals("PUT") && c.path().equals("/v3/customer/" + providerCustomerId + "/status")).count();
    }

    @Test
    void providerInfoShowsWhatRevenueMonsterOffers() {
        Gql.post("{ providers { provider enabled sandbox healthy capabilities { toggleCustomerStatus createSubscription "
                + "updateSubscription updatableFields cancelSubscription listCustomers } } }")
                .body("errors", nullValue())
                .body("data.providers.find { it.provider == 'REVENUE_MONSTER' }.enabled", is(true))
                .body("data.providers.find { it.provider == 'REVENUE_MONSTER' }.sandbox", is(true))
                .body("data.providers.find { it.provider == 'REVENUE_MONSTER' }.healthy", is(true))
                .body("data.providers.find { it.provider == 'REVENUE_MONSTER' }.capabilities.toggleCustomerStatus", is("NATIVE"))
                .body("data.providers.find { it.provider == 'REVENUE_MONSTER' }.capabilities.updateSubscription", is("UNSUPPORTED"))
                .body("data.providers.find { it.provider == 'REVENUE_MONSTER' }.capabilities.cancelSubscription", is("EMULATED"))
                .body("data.providers.find { it.provider == 'REVENUE_MONSTER' }.capabilities.listCustomers", is("EMULATED"));
    }

    @Test
    void createGivesAPendingSubscriptionWhoseCardBindingPageActivatesIt() {
        JsonPath created = create("1");
        assertThat(created.getString("status")).isEqualTo("PENDING");
        assertThat(created.getString("amount.amount")).isIn("12.00", "12.0", "12");
        assertThat(created.getString("amount.currency")).isEqualTo("MYR");
        assertThat(created.getString("interval.unit")).isEqualTo("MONTH");
        assertThat(created.getInt("totalCharges")).isEqualTo(12);
        assertThat(created.getBoolean("customer.isActive")).isFalse();
        String providerId = created.getString("providerSubscriptionId");
        String paymentUrl = created.getString("paymentUrl");
        assertThat(paymentUrl).isEqualTo(sandboxServer.baseUrl(Provider.REVENUE_MONSTER).orElseThrow()
                + "/v1/recurring?customerId=" + providerId);

        // the customer opens paymentUrl and binds the test card
        String page = given().redirects().follow(false).get(paymentUrl).then().statusCode(200).extract().asString();
        assertThat(page).contains("Bind your card").contains(RevenueMonsterDemoData.TEST_CARD_NUMBER);
        given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParams("customerId", providerId, "cardNumber", RevenueMonsterDemoData.TEST_CARD_NUMBER, "expiry", "12/30",
                        "cvc", "123", "action", "bind")
                .post(sandboxServer.baseUrl(Provider.REVENUE_MONSTER).orElseThrow() + "/v1/recurring/bind")
                .then().statusCode(303)
                .header("Location", is("https://shop.example.com/subscribed?status=SUCCESS&customerId=" + providerId));

        Gql.post("query($id: ID!) { subscription(id: $id) { status paymentUrl nextChargeDate customer { isActive paymentMethod { label brand last4 } } } }",
                Map.of("id", created.getString("id")))
                .body("errors", nullValue())
                .body("data.subscription.status", is("ACTIVE"))
                .body("data.subscription.nextChargeDate", endsWith("-01"))
                .body("data.subscription.customer.isActive", is(true))
                .body("data.subscription.customer.paymentMethod.label", is(RevenueMonsterDemoData.TEST_CARD_LABEL))
                .body("data.subscription.customer.paymentMethod.last4", is("1111"));
    }

    @Test
    void badRecurringTargetIsRefusedAndNothingIsSent() {
        long before = mutatingCalls();
        Gql.post(CREATE, Map.of("input", createInput("bad-target@example.com", "MONTH", "29")))
                .body("data", nullValue())
                .body("errors[0].extensions.code", is("VALIDATION"))
                .body("errors[0].extensions.field", is("input.revenueMonster.recurringTarget"))
                .body("errors[0].extensions.rule", is("MONTHLY: -1, 0, 1..28"));
        Gql.post(CREATE, Map.of("input", createInput("bad-target@example.com", "WEEK", "7")))
                .body("errors[0].extensions.field", is("input.revenueMonster.recurringTarget"))
                .body("errors[0].extensions.rule", is("WEEKLY: 0..6"));
        assertThat(mutatingCalls()).isEqualTo(before);
    }

    @Test
    void linkedDemoCustomerIsReadListedAndCarriesItsSubscription() {
        String id = Gql.post("mutation($pid: String!) { linkCustomer(provider: REVENUE_MONSTER, providerCustomerId: $pid) { id providerCustomerId } }",
                Map.of("pid", RevenueMonsterDemoData.ACTIVE_CUSTOMER_ID))
                .body("errors", nullValue())
                .body("data.linkCustomer.providerCustomerId", is(RevenueMonsterDemoData.ACTIVE_CUSTOMER_ID))
                .extract().path("data.linkCustomer.id");

        Gql.post("""
                query($id: ID!) { customer(id: $id) { email name isActive phone { countryCode number } paymentMethod { brand last4 }
                  subscriptions { providerSubscriptionId status amount { amount currency } interval { unit count }
                                  timesCharged totalCharges productName nextChargeDate } } }""", Map.of("id", id))
                .body("errors", nullValue())
                .body("data.customer.email", is("aisyah.rahman@example.com"))
                .body("data.customer.isActive", is(true))
                .body("data.customer.phone.countryCode", is("60"))
                .body("data.customer.paymentMethod.brand", is("VISA"))
                .body("data.customer.subscriptions[0].providerSubscriptionId", is(RevenueMonsterDemoData.ACTIVE_CUSTOMER_ID))
                .body("data.customer.subscriptions[0].status", is("ACTIVE"))
                .body("data.customer.subscriptions[0].amount.currency", is("MYR"))
                .body("data.customer.subscriptions[0].interval.unit", is("MONTH"))
                .body("data.customer.subscriptions[0].timesCharged", is(3))
                .body("data.customer.subscriptions[0].totalCharges", is(12))
                .body("data.customer.subscriptions[0].nextChargeDate", endsWith("-01"));

        Gql.post("{ customers(filter: { provider: REVENUE_MONSTER }, first: 100) { nodes { id providerCustomerId } } }")
                .body("errors", nullValue())
                .body("data.customers.nodes.providerCustomerId", hasItem(RevenueMonsterDemoData.ACTIVE_CUSTOMER_ID));
        Gql.post("{ subscriptions(filter: { provider: REVENUE_MONSTER }, first: 100) { nodes { providerSubscriptionId status } } }")
                .body("errors", nullValue())
                .body("data.subscriptions.nodes.providerSubscriptionId", hasItem(RevenueMonsterDemoData.ACTIVE_CUSTOMER_ID));
    }

    @Test
    void weeklyDemoCustomerCountsChargesAcrossOrderPagesAndCompletedOneHasEnded() {
        String weekly = link(RevenueMonsterDemoData.WEEKLY_CUSTOMER_ID);
        Gql.post("query($id: ID!) { customer(id: $id) { subscriptions { timesCharged status interval { unit } } } }", Map.of("id", weekly))
                .body("data.customer.subscriptions[0].timesCharged", is(12))
                .body("data.customer.subscriptions[0].interval.unit", is("WEEK"));
        String completed = link(RevenueMonsterDemoData.COMPLETED_CUSTOMER_ID);
        Gql.post("query($id: ID!) { customer(id: $id) { subscriptions { status timesCharged totalCharges } } }", Map.of("id", completed))
                .body("data.customer.subscriptions[0].status", is("ENDED"));
        String pending = link(RevenueMonsterDemoData.PENDING_CUSTOMER_ID);
        Gql.post("query($id: ID!) { customer(id: $id) { isActive subscriptions { status paymentUrl } } }", Map.of("id", pending))
                .body("data.customer.isActive", is(false))
                .body("data.customer.subscriptions[0].status", is("PENDING"))
                .body("data.customer.subscriptions[0].paymentUrl", notNullValue());
    }

    private static String link(String providerCustomerId) {
        return Gql.post("mutation($pid: String!) { linkCustomer(provider: REVENUE_MONSTER, providerCustomerId: $pid) { id } }",
                Map.of("pid", providerCustomerId)).body("errors", nullValue()).extract().path("data.linkCustomer.id");
    }

    @Test
    void linkingAnUnknownCustomerIsNotFound() {
        Gql.post("mutation { linkCustomer(provider: REVENUE_MONSTER, providerCustomerId: \"" + RevenueMonsterDemoData.UNKNOWN_CUSTOMER_ID
                + "\") { id } }")
                .body("errors[0].extensions.code", is("NOT_FOUND"))
                .body("errors[0].extensions.providerCode", is("ACCOUNT_NOT_FOUND"));
    }

    /** A created customer with the test card bound: active. Returns [customer gateway ID, provider ID, subscription ID]. */
    private String[] boundCustomer() {
        JsonPath created = create("15");
        String providerId = created.getString("providerSubscriptionId");
        assertThat(sandbox.bindTestCard(providerId)).isTrue();
        return new String[] { created.getString("customer.id"), providerId, created.getString("id") };
    }

    /** RM refuses to show a customer who has not bound a card: the subscription reads as PENDING from what is known. */
    @Test
    void aCustomerWithoutACardThatRevenueMonsterRefusesToShowReadsAsPending() {
        JsonPath created = create("15");
        assertThat(created.getString("status")).isEqualTo("PENDING");
        String id = created.getString("id");
        sandbox.refuseReadsOfUnboundCustomers(true);
        try {
            Gql.post("query($id: ID!) { subscription(id: $id) { id status stale } }", Map.of("id", id))
                    .body("errors", nullValue())
                    .body("data.subscription.status", is("PENDING"))
                    .body("data.subscription.stale", is(false));
            assertThat(faults.calls(Provider.REVENUE_MONSTER)).as("the provider was asked")
                    .anyMatch(c -> c.method().equals("GET") && c.path().equals("/v3/customer/" + created.getString("providerSubscriptionId")));
        } finally {
            sandbox.refuseReadsOfUnboundCustomers(false);
        }
    }

    @Test
    void toggleWithoutKeyFlipsEachTime() {
        String[] c = boundCustomer();
        Gql.post(TOGGLE, Map.of("id", c[0])).body("errors", nullValue()).body("data.toggleCustomerStatus.isActive", is(false));
        assertThat(sandbox.isActive(c[1])).isFalse();
        Gql.post(TOGGLE, Map.of("id", c[0])).body("data.toggleCustomerStatus.isActive", is(true));
        assertThat(sandbox.isActive(c[1])).isTrue();
        assertThat(toggleCalls(c[1])).isEqualTo(2);
    }

    @Test
    void toggleWithAKeyFlipsAtMostOnce() {
        String[] c = boundCustomer();
        String key = "toggle-" + UUID.randomUUID();
        Gql.post(TOGGLE, Map.of("id", c[0], "key", key)).body("errors", nullValue()).body("data.toggleCustomerStatus.isActive", is(false));
        Gql.post(TOGGLE, Map.of("id", c[0], "key", key)).body("errors", nullValue()).body("data.toggleCustomerStatus.isActive", is(false));
        assertThat(sandbox.isActive(c[1])).isFalse();
        assertThat(toggleCalls(c[1])).isEqualTo(1);
    }

    @Test
    void toggleWhoseFirstAttemptTimedOutIsNotFlippedAgainOnRetry() {
        String[] c = boundCustomer();
        String key = "toggle-timeout-" + UUID.randomUUID();
        sandbox.stallNextToggle(c[1]); // RM applies the flip but its answer never arrives

        Gql.post(TOGGLE, Map.of("id", c[0], "key", key))
                .body("errors[0].extensions.code", is("OUTCOME_UNKNOWN"))
                .body("errors[0].extensions.provider", is("REVENUE_MONSTER"));
        assertThat(sandbox.isActive(c[1])).isFalse();

        // the retry reads RM first, sees the flip happened, and does not flip it back
        Gql.post(TOGGLE, Map.of("id", c[0], "key", key)).body("errors", nullValue()).body("data.toggleCustomerStatus.isActive", is(false));
        assertThat(sandbox.isActive(c[1])).isFalse();
        assertThat(toggleCalls(c[1])).isEqualTo(1);
    }

    @Test
    void toggleThatNeverReachedRevenueMonsterIsDoneOnRetry() {
        String[] c = boundCustomer();
        String key = "toggle-hang-" + UUID.randomUUID();
        faults.set(Provider.REVENUE_MONSTER, new SandboxFaults.Fault(SandboxFaults.Mode.HANG, 0, "/status"));
        Gql.post(TOGGLE, Map.of("id", c[0], "key", key)).body("errors[0].extensions.code", is("OUTCOME_UNKNOWN"));
        assertThat(sandbox.isActive(c[1])).isTrue();
        faults.set(Provider.REVENUE_MONSTER, SandboxFaults.Fault.NONE);

        Gql.post(TOGGLE, Map.of("id", c[0], "key", key)).body("errors", nullValue()).body("data.toggleCustomerStatus.isActive", is(false));
        assertThat(sandbox.isActive(c[1])).isFalse();
    }

    @Test
    void setStatusFlipsOnlyWhenNeeded() {
        String[] c = boundCustomer();
        Gql.post(SET_STATUS, Map.of("id", c[0], "active", false)).body("errors", nullValue()).body("data.setCustomerStatus.isActive", is(false));
        Gql.post(SET_STATUS, Map.of("id", c[0], "active", false)).body("errors", nullValue()).body("data.setCustomerStatus.isActive", is(false));
        assertThat(toggleCalls(c[1])).isEqualTo(1);
        Gql.post(SET_STATUS, Map.of("id", c[0], "active", true)).body("data.setCustomerStatus.isActive", is(true));
        assertThat(toggleCalls(c[1])).isEqualTo(2);
        assertThat(sandbox.isActive(c[1])).isTrue();
    }

    @Test
    void toggleBeforeTheCardIsBoundIsRejectedByRevenueMonster() {
        JsonPath created = create("0");
        Gql.post(TOGGLE, Map.of("id", created.getString("customer.id")))
                .body("errors[0].extensions.code", is("PROVIDER_REJECTED"))
                .body("errors[0].extensions.providerCode", is("NOT_PERMITTED"))
                .body("errors[0].message", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("bound a card yet")));
    }

    @Test
    void updateIsUnsupportedAndSendsNothing() {
        String[] c = boundCustomer();
        long before = mutatingCalls();
        Gql.post("mutation($id: ID!) { updateSubscription(id: $id, input: { productName: \"Gold\" }) { id } }", Map.of("id", c[2]))
                .body("data", nullValue())
                .body("errors[0].extensions.code", is("UNSUPPORTED_BY_PROVIDER"))
                .body("errors[0].extensions.provider", is("REVENUE_MONSTER"));
        assertThat(mutatingCalls()).isEqualTo(before);
    }

    @Test
    void cancelDeactivates() {
        String[] c = boundCustomer();
        Gql.post("mutation($id: ID!) { cancelSubscription(id: $id) { status providerStatus } }", Map.of("id", c[2]))
                .body("errors", nullValue())
                .body("data.cancelSubscription.status", is("INACTIVE"));
        assertThat(sandbox.isActive(c[1])).isFalse();
    }

    // --- notify

    static String notifyBody(String customerId, String orderId) {
        return """
                {"eventType":"RECURRING_PAYMENT","data":{"amount":1200,"currency":"MYR","countryCode":"60","phoneNumber":"123456789",
                 "customerId":"%s","email":"x@example.com","name":"X","merchantId":"4118165203679668885","storeId":"1602660043994159611",
                 "orderId":"%s","status":"SUCCESS","createdAt":"2025-03-01T00:00:07Z","updatedAt":"2025-03-01T00:00:09Z"}}"""
                .formatted(customerId, orderId);
    }

    private Response postNotify(String body, Map<String, String> headers) {
        return given().contentType(ContentType.JSON).headers(headers).body(body).post("/webhooks/revenue-monster");
    }

    @Test
    void notifyWithAValidSignatureIsStoredOnceAndTheCustomerIsReadAgain() throws Exception {
        String[] c = boundCustomer();
        String body = notifyBody(c[1], "ORD-" + UUID.randomUUID());
        Map<String, String> headers = sandbox.signNotify(body, "post", "N" + UUID.randomUUID().toString().replace("-", "").substring(0, 31),
                Instant.now().getEpochSecond());
        Instant sent = Instant.now();

        postNotify(body, headers).then().statusCode(200).body("status", is("received"));
        postNotify(body, headers).then().statusCode(200).body("status", is("duplicate"));

        // a notify is a hint: the gateway asks RM for the customer again
        awaitCall("GET", "/v3/customer/" + c[1], sent);
    }

    @Test
    void notifyWithAMissingOrWrongSignatureIsRefusedAndNotStored() {
        String[] c = boundCustomer();
        String body = notifyBody(c[1], "ORD-" + UUID.randomUUID());
        Map<String, String> headers = sandbox.signNotify(body, "post", "NONCE" + UUID.randomUUID().toString().replace("-", ""),
                Instant.now().getEpochSecond());

        postNotify(body.replace("\"amount\":1200", "\"amount\":1"), headers).then().statusCode(401);
        postNotify(body, Map.of()).then().statusCode(401);
        Map<String, String> wrongKey = new LinkedHashMap<>(headers);
        wrongKey.put("X-Signature", "sha256 " + java.util.Base64.getEncoder().encodeToString(new byte[256]));
        postNotify(body, wrongKey).then().statusCode(401);

        // had any refused delivery been stored, this one would be a duplicate
        postNotify(body, headers).then().statusCode(200).body("status", is("received"));
    }

    @Test
    void aChargeMadeBySandboxSchedulerArrivesAsASignedNotifyAndIsCountedAfterReRead() {
        String[] c = boundCustomer();
        Instant before = Instant.now();
        assertThat(SandboxScheduler.simulateScheduledCharge(sandbox, c[1])).isNotNull();
        awaitCall("GET", "/v3/customer/" + c[1], before);
        Gql.post("query($id: ID!) { subscription(id: $id) { timesCharged } }", Map.of("id", c[2]))
                .body("data.subscription.timesCharged", is(1));
    }

    private void awaitCall(String method, String path, Instant after) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            List<SandboxFaults.Call> calls = faults.calls(Provider.REVENUE_MONSTER);
            if (calls.stream().anyMatch(call -> call.method().equals(method) && call.path().equals(path) && !call.at().isBefore(after))) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("no " + method + " " + path + " reached the Revenue Monster sandbox");
    }
}
