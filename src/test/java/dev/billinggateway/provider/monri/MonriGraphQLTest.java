package dev.billinggateway.provider.monri;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.billinggateway.domain.Provider;
import dev.billinggateway.provider.monri.sandbox.MonriSandboxData;
import dev.billinggateway.sandbox.SandboxFaults;
import dev.billinggateway.testsupport.Gql;
import dev.billinggateway.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Monri through the GraphQL API against the built-in sandbox (the default test configuration). */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class MonriGraphQLTest {

    static final String SUBSCRIPTION_FIELDS = """
            id provider providerSubscriptionId productName productDescription amount { amount currency }
            interval { unit count } status providerStatus nextChargeDate startDate activeFrom activeTo customer { id email name }""";

    @Inject
    SandboxFaults faults;

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/Zagreb"));
    }

    // --- reading

    @Test
    void providerInfoSaysWhatMonriCanDo() {
        Gql.post("{ providers { provider enabled sandbox healthy capabilities { toggleCustomerStatus createSubscription"
                + " updateSubscription updatableFields cancelSubscription listCustomers } } }")
                .body("errors", nullValue())
                .body("data.providers.find { it.provider == 'MONRI' }.enabled", is(true))
                .body("data.providers.find { it.provider == 'MONRI' }.sandbox", is(true))
                .body("data.providers.find { it.provider == 'MONRI' }.healthy", is(true))
                .body("data.providers.find { it.provider == 'MONRI' }.capabilities.toggleCustomerStatus", is("UNSUPPORTED"))
                .body("data.providers.find { it.provider == 'MONRI' }.capabilities.createSubscription", is("NATIVE"))
                .body("data.providers.find { it.provider == 'MONRI' }.capabilities.updateSubscription", is("NATIVE"))
                .body("data.providers.find { it.provider == 'MONRI' }.capabilities.updatableFields",
                        contains("activeFrom", "activeTo", "nextChargeDate"))
                .body("data.providers.find { it.provider == 'MONRI' }.capabilities.cancelSubscription", is("EMULATED"))
                .body("data.providers.find { it.provider == 'MONRI' }.capabilities.listCustomers", is("NATIVE"));
    }

    @Test
    void listsMonriCustomers() {
        Gql.post("{ customers(filter: { provider: MONRI }, first: 100) { nodes { id provider providerCustomerId email name isActive phone { countryCode number } } } }")
                .body("errors", nullValue())
                .body("data.customers.nodes.providerCustomerId", hasItems(MonriSandboxData.CUSTOMER_ANA,
                        MonriSandboxData.CUSTOMER_MARKO, MonriSandboxData.CUSTOMER_LEJLA, MonriSandboxData.CUSTOMER_IVAN_DELETED))
                .body("data.customers.nodes.find { it.providerCustomerId == '" + MonriSandboxData.CUSTOMER_ANA + "' }.email",
                        is(MonriSandboxData.EMAIL_ANA))
                .body("data.customers.nodes.find { it.providerCustomerId == '" + MonriSandboxData.CUSTOMER_ANA + "' }.phone.countryCode",
                        is("+385"))
                .body("data.customers.nodes.find { it.providerCustomerId == '" + MonriSandboxData.CUSTOMER_IVAN_DELETED + "' }.isActive",
                        is(false));
        Gql.post("{ customers(filter: { provider: MONRI, email: \"" + MonriSandboxData.EMAIL_MARKO + "\" }) { nodes { providerCustomerId } } }")
                .body("data.customers.nodes.providerCustomerId", contains(MonriSandboxData.CUSTOMER_MARKO));
    }

    @Test
    void pagesThroughMonriCustomers() {
        JsonPath first = Gql.post("{ customers(filter: { provider: MONRI }, first: 2) { nodes { providerCustomerId } pageInfo { hasNextPage endCursor } } }")
                .body("errors", nullValue()).extract().jsonPath();
        assertThat(first.getList("data.customers.nodes.providerCustomerId")).hasSize(2);
        assertThat(first.getBoolean("data.customers.pageInfo.hasNextPage")).isTrue();
        JsonPath second = Gql.post("query($after: String) { customers(filter: { provider: MONRI }, first: 2, after: $after) { nodes { providerCustomerId } } }",
                Map.of("after", first.getString("data.customers.pageInfo.endCursor"))).body("errors", nullValue()).extract().jsonPath();
        assertThat(second.getList("data.customers.nodes.providerCustomerId")).hasSize(2)
                .doesNotContainAnyElementsOf(first.getList("data.customers.nodes.providerCustomerId"));
    }

    @Test
    void demoSubscriptionsCarryTheirPlanAndADerivedStatus() {
        JsonPath active = subscription(gatewayId(MonriSandboxData.CS_ACTIVE));
        assertThat(active.getString("productName")).isEqualTo("Basic monthly");
        assertThat(active.getDouble("amount.amount")).isEqualTo(10.00);
        assertThat(active.getString("amount.currency")).isEqualTo("EUR");
        assertThat(active.getString("interval.unit")).isEqualTo("MONTH");
        assertThat(active.getInt("interval.count")).isEqualTo(1);
        assertThat(active.getString("status")).isEqualTo("ACTIVE");
        assertThat(active.getString("providerStatus")).isNull();
        assertThat(active.getString("activeFrom")).isEqualTo(today().minusDays(40).toString());
        assertThat(active.getString("customer.email")).isEqualTo(MonriSandboxData.EMAIL_ANA);

        assertThat(subscription(gatewayId(MonriSandboxData.CS_PENDING)).getString("status")).isEqualTo("PENDING");
        assertThat(subscription(gatewayId(MonriSandboxData.CS_ENDED)).getString("status")).isEqualTo("ENDED");
        JsonPath halfYear = subscription(gatewayId(MonriSandboxData.CS_HALF_YEAR));
        assertThat(halfYear.getString("interval.unit")).isEqualTo("MONTH");
        assertThat(halfYear.getInt("interval.count")).isEqualTo(6);
    }

    @Test
    void subscriptionsFilterByDerivedStatus() {
        gatewayId(MonriSandboxData.CS_ENDED); // demo links are in
        Gql.post("{ subscriptions(filter: { provider: MONRI, status: ENDED }, first: 100) { nodes { providerSubscriptionId status } } }")
                .body("errors", nullValue())
                .body("data.subscriptions.nodes.providerSubscriptionId", hasItems(Long.toString(MonriSandboxData.CS_ENDED)))
                .body("data.subscriptions.nodes.status.unique()", contains("ENDED"));
    }

    // --- create

    @Test
    void createFindsTheMatchingPlanAndCreatesTheCustomer() {
        String email = "nina.petrovic." + System.nanoTime() + "@example.com";
        int postsBefore = posts("/v2/subscriptions");
        JsonPath created = Gql.post("mutation($input: CreateSubscriptionInput!) { createSubscription(input: $input) { " + SUBSCRIPTION_FIELDS + " } }",
                Map.of("input", createInput(email, "Basic monthly", "10.00", "MONTH", 1,
                        today().minusDays(1), today().plusDays(5), today().plusDays(365))))
                .body("errors", nullValue()).extract().jsonPath().setRootPath("data.createSubscription");
        assertThat(created.getString("provider")).isEqualTo("MONRI");
        assertThat(Long.parseLong(created.getString("providerSubscriptionId"))).isGreaterThanOrEqualTo(MonriSandboxData.FIRST_CREATED_ID);
        assertThat(created.getString("productName")).isEqualTo("Basic monthly");
        assertThat(created.getString("status")).isEqualTo("ACTIVE");
        assertThat(created.getString("nextChargeDate")).isEqualTo(today().plusDays(5).toString());
        assertThat(created.getString("customer.email")).isEqualTo(email);
        assertThat(created.getString("customer.name")).isEqualTo("Nina Petrović");
        assertThat(posts("/v2/subscriptions")).isEqualTo(postsBefore); // the demo plan was reused

        // and it reads back through the gateway
        assertThat(subscription(created.getString("id")).getString("providerSubscriptionId"))
                .isEqualTo(created.getString("providerSubscriptionId"));
    }

    @Test
    void createMakesAPlanForNewTerms() {
        String email = "tomislav." + System.nanoTime() + "@example.com";
        String product = "Coffee club " + System.nanoTime();
        JsonPath created = Gql.post("mutation($input: CreateSubscriptionInput!) { createSubscription(input: $input) { " + SUBSCRIPTION_FIELDS + " } }",
                Map.of("input", createInput(email, product, "7.50", "WEEK", 1, today().plusDays(3), today().plusDays(4), today().plusDays(90))))
                .body("errors", nullValue()).extract().jsonPath().setRootPath("data.createSubscription");
        assertThat(created.getString("productName")).isEqualTo(product);
        assertThat(created.getDouble("amount.amount")).isEqualTo(7.50);
        assertThat(created.getString("interval.unit")).isEqualTo("WEEK");
        assertThat(created.getString("status")).isEqualTo("PENDING");
        assertThat(faults.calls(Provider.MONRI)).anyMatch(c -> c.method().equals("POST") && c.path().equals("/v2/subscriptions"));
    }

    @Test
    void createWithBrokenDateRulesSendsNothing() {
        int before = posts("");
        createFails(today().plusDays(1), today().plusDays(1), today().plusDays(30), "input.monri.nextChargeDate", "nextChargeDate after activeFrom");
        createFails(today().plusDays(1), today().plusDays(30), today().plusDays(30), "input.monri.activeTo", "nextChargeDate before activeTo");
        createFails(today().plusDays(30), today().plusDays(31), today().plusDays(2), "input.monri.activeTo", "activeFrom before activeTo");
        Map<String, Object> monthsTwo = createInput("a@example.com", "X", "10.00", "MONTH", 2, today(), today().plusDays(1), today().plusDays(2));
        Gql.post("mutation($input: CreateSubscriptionInput!) { createSubscription(input: $input) { id } }", Map.of("input", monthsTwo))
                .body("errors[0].extensions.code", is("VALIDATION"))
                .body("errors[0].extensions.field", is("input.interval"));
        assertThat(posts("")).isEqualTo(before);
    }

    void createFails(LocalDate from, LocalDate next, LocalDate to, String field, String rule) {
        Gql.post("mutation($input: CreateSubscriptionInput!) { createSubscription(input: $input) { id } }",
                Map.of("input", createInput("rules@example.com", "Basic monthly", "10.00", "MONTH", 1, from, next, to)))
                .body("data", nullValue())
                .body("errors[0].extensions.code", is("VALIDATION"))
                .body("errors[0].extensions.field", is(field))
                .body("errors[0].extensions.rule", is(rule));
    }

    // --- update

    @Test
    void updateChangesTheDatesMonriAccepts() {
        String id = gatewayId(MonriSandboxData.CS_HALF_YEAR);
        JsonPath current = subscription(id);
        LocalDate next = LocalDate.parse(current.getString("nextChargeDate")).plusDays(7);
        JsonPath updated = Gql.post("mutation($id: ID!, $input: UpdateSubscriptionInput!) { updateSubscription(id: $id, input: $input) { " + SUBSCRIPTION_FIELDS + " } }",
                Map.of("id", id, "input", Map.of("nextChargeDate", next.toString())))
                .body("errors", nullValue()).extract().jsonPath().setRootPath("data.updateSubscription");
        assertThat(updated.getString("nextChargeDate")).isEqualTo(next.toString());
        assertThat(updated.getString("activeTo")).isEqualTo(current.getString("activeTo"));
        assertThat(updated.getString("productName")).isEqualTo("Half-year");
        assertThat(subscription(id).getString("nextChargeDate")).isEqualTo(next.toString()); // Monri kept it
    }

    @Test
    void updateBreakingADateRuleSendsNothing() {
        String id = gatewayId(MonriSandboxData.CS_HALF_YEAR);
        JsonPath current = subscription(id);
        String from = current.getString("activeFrom");
        String to = current.getString("activeTo");
        String next = current.getString("nextChargeDate");
        int before = posts("/v2/customer-subscriptions");
        updateFails(id, Map.of("nextChargeDate", from), "input.nextChargeDate", "nextChargeDate after activeFrom");
        updateFails(id, Map.of("nextChargeDate", to), "input.nextChargeDate", "nextChargeDate before activeTo");
        updateFails(id, Map.of("activeFrom", next), "input.activeFrom", "nextChargeDate after activeFrom");
        updateFails(id, Map.of("activeTo", next), "input.activeTo", "nextChargeDate before activeTo");
        updateFails(id, Map.of("activeFrom", "2999-01-02", "activeTo", "2999-01-01"), "input.activeTo", "activeFrom before activeTo");
        // a field Monri does not take: refused by the gateway before the connector is asked
        Gql.post("mutation($id: ID!, $input: UpdateSubscriptionInput!) { updateSubscription(id: $id, input: $input) { id } }",
                Map.of("id", id, "input", Map.of("amount", Map.of("amount", "12.00", "currency", "EUR"))))
                .body("errors[0].extensions.code", is("VALIDATION"))
                .body("errors[0].extensions.field", is("input.amount"));
        assertThat(posts("/v2/customer-subscriptions")).isEqualTo(before);
    }

    void updateFails(String id, Map<String, String> input, String field, String rule) {
        Gql.post("mutation($id: ID!, $input: UpdateSubscriptionInput!) { updateSubscription(id: $id, input: $input) { id } }",
                Map.of("id", id, "input", input))
                .body("data", nullValue())
                .body("errors[0].extensions.code", is("VALIDATION"))
                .body("errors[0].extensions.field", is(field))
                .body("errors[0].extensions.rule", is(rule));
    }

    // --- cancel and toggle

    @Test
    void cancelIsEmulatedByMovingActiveTo() {
        String email = "cancel." + System.nanoTime() + "@example.com";
        String id = Gql.post("mutation($input: CreateSubscriptionInput!) { createSubscription(input: $input) { id } }",
                Map.of("input", createInput(email, "Basic monthly", "10.00", "MONTH", 1,
                        today().minusDays(20), today().minusDays(2), today().plusDays(300))))
                .body("errors", nullValue()).extract().path("data.createSubscription.id");
        JsonPath cancelled = Gql.post("mutation($id: ID!) { cancelSubscription(id: $id) { " + SUBSCRIPTION_FIELDS + " } }", Map.of("id", id))
                .body("errors", nullValue()).extract().jsonPath().setRootPath("data.cancelSubscription");
        // next charge already past: it ends today
        assertThat(cancelled.getString("activeTo")).isEqualTo(today().toString());
        assertThat(faults.calls(Provider.MONRI)).anyMatch(c -> c.method().equals("POST")
                && c.path().startsWith("/v2/customer-subscriptions/") && !c.path().endsWith("/v2/customer-subscriptions"));
        assertThat(subscription(id).getString("activeTo")).isEqualTo(today().toString());
    }

    @Test
    void toggleIsUnsupportedAndSendsNothing() {
        String customerId = Gql.post("{ customers(filter: { provider: MONRI, email: \"" + MonriSandboxData.EMAIL_LEJLA + "\" }) { nodes { id } } }")
                .extract().path("data.customers.nodes[0].id");
        int before = faults.calls(Provider.MONRI).size();
        Gql.post("mutation($id: ID!) { toggleCustomerStatus(id: $id) { id } }", Map.of("id", customerId))
                .body("data", nullValue())
                .body("errors[0].extensions.code", is("UNSUPPORTED_BY_PROVIDER"))
                .body("errors[0].extensions.provider", is("MONRI"));
        assertThat(faults.calls(Provider.MONRI).stream().skip(before).filter(c -> c.method().equals("POST"))).isEmpty();
    }

    // --- callbacks

    static String signedCallback(String body) {
        return "WP3-callback " + MonriAuth.callbackDigest(MonriSandboxData.MERCHANT_KEY, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void genuineCallbackIsStoredOnceAndTheSubscriptionReRead() throws InterruptedException {
        gatewayId(MonriSandboxData.CS_ACTIVE);
        String body = "{\"event\":\"transaction:purchase:approved\",\"payload\":{\"id\":" + System.nanoTime()
                + ",\"order_number\":\"sub-54\",\"status\":\"approved\",\"response_code\":\"0000\",\"customer_subscription_id\":"
                + MonriSandboxData.CS_ACTIVE + "}}";
        Instant sent = Instant.now();
        postCallback(signedCallback(body), body).statusCode(200).body("status", is("received"));
        postCallback(signedCallback(body), body).statusCode(200).body("status", is("duplicate"));

        String path = "/v2/customer-subscriptions/" + MonriSandboxData.CS_ACTIVE;
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (faults.calls(Provider.MONRI).stream().noneMatch(c -> c.path().equals(path) && !c.at().isBefore(sent))
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(faults.calls(Provider.MONRI)).as("re-read after the callback")
                .anyMatch(c -> c.method().equals("GET") && c.path().equals(path) && !c.at().isBefore(sent));
    }

    @Test
    void badOrMissingCallbackSignatureIsRefused() {
        String body = "{\"id\":1,\"status\":\"approved\",\"customer_subscription_id\":54}";
        postCallback(null, body).statusCode(401);
        postCallback(signedCallback(body), body.replace("54", "55")).statusCode(401);
        postCallback("WP3-callback " + MonriAuth.callbackDigest("not-the-key", body.getBytes(StandardCharsets.UTF_8)), body)
                .statusCode(401);
        // refused ones were not stored: the genuine one is new
        postCallback(signedCallback(body), body).statusCode(200).body("status", is("received"));
    }

    io.restassured.response.ValidatableResponse postCallback(String authorization, String body) {
        var request = given().contentType("application/json").body(body.getBytes(StandardCharsets.UTF_8));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request.when().post("/webhooks/monri").then();
    }

    // --- helpers

    static Map<String, Object> createInput(String email, String product, String amount, String unit, int count,
            LocalDate from, LocalDate next, LocalDate to) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("provider", "MONRI");
        input.put("customer", Map.of("email", email, "name", "Nina Petrović"));
        input.put("productName", product);
        input.put("amount", Map.of("amount", amount, "currency", "EUR"));
        input.put("interval", Map.of("unit", unit, "count", count));
        input.put("monri", Map.of("activeFrom", from.toString(), "nextChargeDate", next.toString(), "activeTo", to.toString()));
        return input;
    }

    /** POSTs the sandbox received on paths starting with this. */
    int posts(String pathPrefix) {
        return (int) faults.calls(Provider.MONRI).stream().filter(c -> c.method().equals("POST") && c.path().startsWith(pathPrefix)).count();
    }

    /** The gateway ID of a Monri customer subscription; the demo ones are linked at start, asynchronously. */
    String gatewayId(long providerSubscriptionId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (true) {
            List<Map<String, String>> nodes = Gql.post("{ subscriptions(filter: { provider: MONRI }, first: 100) { nodes { id providerSubscriptionId } } }")
                    .extract().path("data.subscriptions.nodes");
            if (nodes != null) {
                for (Map<String, String> n : nodes) {
                    if (n.get("providerSubscriptionId").equals(Long.toString(providerSubscriptionId))) {
                        return n.get("id");
                    }
                }
            }
            assertThat(Instant.now()).as("demo subscription %s linked", providerSubscriptionId).isBefore(deadline);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    static JsonPath subscription(String id) {
        return Gql.post("query($id: ID!) { subscription(id: $id) { " + SUBSCRIPTION_FIELDS + " } }", Map.of("id", id))
                .body("errors", nullValue()).extract().jsonPath().setRootPath("data.subscription");
    }
}
