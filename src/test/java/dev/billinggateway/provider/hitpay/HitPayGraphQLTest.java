package dev.billinggateway.provider.hitpay;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.billinggateway.domain.Provider;
import dev.billinggateway.provider.hitpay.sandbox.HitPaySandboxData;
import dev.billinggateway.provider.hitpay.sandbox.HitPaySandboxStore;
import dev.billinggateway.sandbox.SandboxFaults;
import dev.billinggateway.testsupport.Await;
import dev.billinggateway.testsupport.Gql;
import dev.billinggateway.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** The HitPay connector end to end: GraphQL in, the built-in HitPay sandbox behind it. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class HitPayGraphQLTest {

    static final String SUBSCRIPTION_FIELDS = """
            id provider providerSubscriptionId productName productDescription amount { amount currency }
            interval { unit count } status providerStatus startDate timesCharged totalCharges paymentUrl
            customer { id providerCustomerId email name }""";

    @Inject
    SandboxFaults faults;

    @Inject
    HitPaySandboxStore sandbox;

    static LocalDate todaySgt() {
        return LocalDate.now(HitPayMapping.SGT);
    }

    /** The HitPay calls the sandbox received since {@code before} (its call log), as "METHOD path". */
    List<String> callsSince(int before) {
        return faults.calls(Provider.HITPAY).stream().skip(before).map(c -> c.method() + " " + c.path()).toList();
    }

    int callCount() {
        return faults.calls(Provider.HITPAY).size();
    }

    /** The gateway ID of a sandbox billing, found through the list by e-mail. */
    String gatewayId(String email, String providerSubscriptionId) {
        List<Map<String, Object>> nodes = Gql.post("""
                query($email: String) { subscriptions(filter: { provider: HITPAY, customerEmail: $email }, first: 50) {
                  nodes { id providerSubscriptionId } } }""", Map.of("email", email))
                .body("errors", nullValue()).extract().path("data.subscriptions.nodes");
        return nodes.stream().filter(n -> providerSubscriptionId.equals(n.get("providerSubscriptionId")))
                .map(n -> (String) n.get("id")).findFirst().orElseThrow();
    }

    ValidatableResponse create(Map<String, Object> input) {
        return Gql.post("mutation($input: CreateSubscriptionInput!) { createSubscription(input: $input) { " + SUBSCRIPTION_FIELDS + " } }",
                Map.of("input", input));
    }

    static Map<String, Object> createInput(String email) {
        Map<String, Object> hitpay = new LinkedHashMap<>();
        hitpay.put("redirectUrl", "https://merchant.example.com/done");
        hitpay.put("reference", "ref-" + email);
        hitpay.put("timesToBeCharged", 12);
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("provider", "HITPAY");
        input.put("customer", Map.of("email", email, "name", "Dana Koh"));
        input.put("productName", "Coffee Club");
        input.put("productDescription", "Two bags a month");
        input.put("amount", Map.of("amount", "18.50", "currency", "SGD"));
        input.put("interval", Map.of("unit", "MONTH", "count", 1));
        input.put("hitpay", hitpay);
        return input;
    }

    /** A fresh scheduled billing of a fresh e-mail; returns its gateway ID. */
    String createdSubscription() {
        String email = "dana+" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        return create(createInput(email)).body("errors", nullValue()).extract().path("data.createSubscription.id");
    }

    ValidatableResponse update(String id, Map<String, Object> input) {
        return Gql.post("mutation($id: ID!, $input: UpdateSubscriptionInput!) { updateSubscription(id: $id, input: $input) { "
                + SUBSCRIPTION_FIELDS + " } }", Map.of("id", id, "input", input));
    }

    // ---- reads

    @Test
    void providersShowWhatHitPayOffers() {
        Gql.post("{ providers { provider enabled sandbox healthy capabilities { toggleCustomerStatus createSubscription "
                + "updateSubscription updatableFields cancelSubscription listCustomers } } }")
                .body("errors", nullValue())
                .body("data.providers.find { it.provider == 'HITPAY' }.enabled", is(true))
                .body("data.providers.find { it.provider == 'HITPAY' }.sandbox", is(true))
                .body("data.providers.find { it.provider == 'HITPAY' }.healthy", is(true))
                .body("data.providers.find { it.provider == 'HITPAY' }.capabilities.toggleCustomerStatus", is("UNSUPPORTED"))
                .body("data.providers.find { it.provider == 'HITPAY' }.capabilities.createSubscription", is("NATIVE"))
                .body("data.providers.find { it.provider == 'HITPAY' }.capabilities.cancelSubscription", is("NATIVE"))
                .body("data.providers.find { it.provider == 'HITPAY' }.capabilities.listCustomers", is("NATIVE"))
                .body("data.providers.find { it.provider == 'HITPAY' }.capabilities.updatableFields", is(List.of(
                        "amount", "customerEmail", "customerName", "interval", "productDescription", "productName",
                        "redirectUrl", "reference", "startDate")));
    }

    @Test
    void listsACustomersBillingsByEmailInEveryStatus() {
        int before = callCount();
        List<Map<String, Object>> nodes = Gql.post("""
                { subscriptions(filter: { provider: HITPAY, customerEmail: "bob@example.com" }, first: 20) {
                    nodes { providerSubscriptionId productName amount { amount currency } interval { unit count } status providerStatus
                            customer { email name } }
                    pageInfo { hasNextPage } } }""")
                .body("errors", nullValue())
                .body("data.subscriptions.pageInfo.hasNextPage", is(false))
                .extract().path("data.subscriptions.nodes");
        assertThat(nodes).extracting(n -> n.get("providerSubscriptionId"))
                .containsExactlyInAnyOrder(HitPaySandboxData.BOB_SCHEDULED_WEEKLY, HitPaySandboxData.BOB_RETRYING_YEARLY);
        Map<String, Object> weekly = nodes.stream().filter(n -> n.get("providerSubscriptionId").equals(HitPaySandboxData.BOB_SCHEDULED_WEEKLY))
                .findFirst().orElseThrow();
        assertThat(weekly).containsEntry("status", "PENDING").containsEntry("providerStatus", "scheduled")
                .containsEntry("productName", "Weekly Veggie Box")
                .containsEntry("interval", Map.of("unit", "WEEK", "count", 1))
                .containsEntry("customer", Map.of("email", "bob@example.com", "name", "Bob Lim"));
        assertThat(((Map<?, ?>) weekly.get("amount")).get("currency")).isEqualTo("SGD");
        assertThat(new java.math.BigDecimal(String.valueOf(((Map<?, ?>) weekly.get("amount")).get("amount"))))
                .isEqualByComparingTo("5.00");
        Map<String, Object> yearly = nodes.stream().filter(n -> n.get("providerSubscriptionId").equals(HitPaySandboxData.BOB_RETRYING_YEARLY))
                .findFirst().orElseThrow();
        assertThat(yearly).containsEntry("status", "PAST_DUE").containsEntry("interval", Map.of("unit", "YEAR", "count", 1));
        assertThat(callsSince(before)).anyMatch(c -> c.startsWith("GET /v1/recurring-billing?") && c.contains("customer_email=bob"));
    }

    @Test
    void listsByStatusAndReadsCustomCycles() {
        List<Map<String, Object>> nodes = Gql.post("""
                { subscriptions(filter: { provider: HITPAY, status: INACTIVE }, first: 20) {
                    nodes { providerSubscriptionId interval { unit count } status } } }""")
                .body("errors", nullValue()).extract().path("data.subscriptions.nodes");
        assertThat(nodes).anySatisfy(n -> {
            assertThat(n.get("providerSubscriptionId")).isEqualTo(HitPaySandboxData.CAROL_INACTIVE_CUSTOM);
            assertThat(n.get("interval")).isEqualTo(Map.of("unit", "WEEK", "count", 2));
        });
        assertThat(nodes).allSatisfy(n -> assertThat(n.get("status")).isEqualTo("INACTIVE"));
    }

    @Test
    void getsOneSubscriptionByItsGatewayId() {
        String id = gatewayId(HitPaySandboxData.ALICE, HitPaySandboxData.ALICE_ACTIVE_MONTHLY);
        Gql.post("query($id: ID!) { subscription(id: $id) { " + SUBSCRIPTION_FIELDS + " } }", Map.of("id", id))
                .body("errors", nullValue())
                .body("data.subscription.provider", is("HITPAY"))
                .body("data.subscription.providerSubscriptionId", is(HitPaySandboxData.ALICE_ACTIVE_MONTHLY))
                .body("data.subscription.productName", is("Spotify Premium"))
                .body("data.subscription.amount.currency", is("SGD"))
                .body("data.subscription.interval.unit", is("MONTH"))
                .body("data.subscription.status", is("ACTIVE"))
                .body("data.subscription.timesCharged", is(2))
                .body("data.subscription.totalCharges", is(9))
                .body("data.subscription.paymentUrl", containsString("/recurring-plan/" + HitPaySandboxData.ALICE_ACTIVE_MONTHLY))
                .body("data.subscription.customer.providerCustomerId", is(HitPaySandboxData.ALICE));
    }

    @Test
    void aCustomerIsAnEmailWithItsBillings() {
        Gql.post("""
                { customers(filter: { provider: HITPAY, email: "alice@example.com" }) {
                    nodes { provider providerCustomerId email name isActive paymentMethod { brand last4 }
                            subscriptions { providerSubscriptionId status } } } }""")
                .body("errors", nullValue())
                .body("data.customers.nodes.size()", is(1))
                .body("data.customers.nodes[0].providerCustomerId", is(HitPaySandboxData.ALICE))
                .body("data.customers.nodes[0].name", is("Alice Tan"))
                .body("data.customers.nodes[0].isActive", is(true))
                .body("data.customers.nodes[0].paymentMethod.brand", is("visa"))
                .body("data.customers.nodes[0].paymentMethod.last4", is("4242"))
                .body("data.customers.nodes[0].subscriptions.providerSubscriptionId.sort()",
                        is(List.of(HitPaySandboxData.ALICE_CANCELED_SAVE_CARD, HitPaySandboxData.ALICE_ACTIVE_MONTHLY).stream().sorted().toList()))
                .body("data.customers.nodes[0].subscriptions.find { it.providerSubscriptionId == '" + HitPaySandboxData.ALICE_CANCELED_SAVE_CARD
                        + "' }.status", is("CANCELED"));
        Gql.post("{ customers(filter: { provider: HITPAY }, first: 50) { nodes { providerCustomerId } } }")
                .body("errors", nullValue())
                .body("data.customers.nodes.providerCustomerId", org.hamcrest.Matchers.hasItems(
                        HitPaySandboxData.ALICE, HitPaySandboxData.BOB, HitPaySandboxData.CAROL));
    }

    // ---- create and the checkout page

    @Test
    void createsABillingWhoseCheckoutPageActivatesIt() {
        String email = "erin+" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        ValidatableResponse created = create(createInput(email)).body("errors", nullValue())
                .body("data.createSubscription.provider", is("HITPAY"))
                .body("data.createSubscription.status", is("PENDING"))
                .body("data.createSubscription.providerStatus", is("scheduled"))
                .body("data.createSubscription.productName", is("Coffee Club"))
                .body("data.createSubscription.amount.currency", is("SGD"))
                .body("data.createSubscription.totalCharges", is(12))
                .body("data.createSubscription.customer.providerCustomerId", is(email))
                .body("data.createSubscription.paymentUrl", notNullValue());
        String id = created.extract().path("data.createSubscription.id");
        String billingId = created.extract().path("data.createSubscription.providerSubscriptionId");
        String paymentUrl = created.extract().path("data.createSubscription.paymentUrl");
        assertThat(sandbox.startDateOf(billingId)).contains(todaySgt());

        given().when().get(paymentUrl).then().statusCode(200).body(containsString("Coffee Club")).body(containsString("card_number"));
        given().redirects().follow(false).formParam("card_number", HitPaySandboxData.CARD_DECLINED)
                .when().post(paymentUrl).then().statusCode(402);
        assertThat(sandbox.statusOf(billingId)).contains("scheduled");
        given().redirects().follow(false).formParam("card_number", HitPaySandboxData.CARD_OK)
                .when().post(paymentUrl).then().statusCode(302)
                .header("Location", is("https://merchant.example.com/done?reference=" + billingId + "&status=active&type=recurring"));

        Gql.post("query($id: ID!) { subscription(id: $id) { status timesCharged customer { isActive } } }", Map.of("id", id))
                .body("errors", nullValue())
                .body("data.subscription.status", is("ACTIVE"))
                .body("data.subscription.timesCharged", is(1))
                .body("data.subscription.customer.isActive", is(true));
    }

    @Test
    void invalidCreatesAreRefusedBeforeAnythingIsSent() {
        int before = callCount();
        Map<String, Object> pastStart = createInput("frank@example.com");
        ((Map<String, Object>) pastStart.get("hitpay")).put("startDate", todaySgt().minusDays(1).toString());
        create(pastStart).body("errors[0].extensions.code", is("VALIDATION"))
                .body("errors[0].extensions.field", is("input.hitpay.startDate"));
        Map<String, Object> tooMuch = createInput("frank@example.com");
        tooMuch.put("amount", Map.of("amount", "1000000.00", "currency", "SGD"));
        create(tooMuch).body("errors[0].extensions.code", is("VALIDATION"))
                .body("errors[0].extensions.field", is("input.amount.amount"));
        Map<String, Object> charges = createInput("frank@example.com");
        ((Map<String, Object>) charges.get("hitpay")).put("timesToBeCharged", 101);
        create(charges).body("errors[0].extensions.code", is("VALIDATION"))
                .body("errors[0].extensions.field", is("input.hitpay.timesToBeCharged"));
        assertThat(callsSince(before)).isEmpty();
    }

    @Test
    void hitPaysOwnRefusalIsProviderRejected() {
        Map<String, Object> unknownPlan = createInput("gina@example.com");
        ((Map<String, Object>) unknownPlan.get("hitpay")).put("planId", "11111111-2222-4333-8444-555555555555");
        create(unknownPlan)
                .body("data", nullValue())
                .body("errors[0].extensions.code", is("PROVIDER_REJECTED"))
                .body("errors[0].extensions.provider", is("HITPAY"))
                .body("errors[0].extensions.providerCode", is("422"))
                .body("errors[0].extensions.providerMessage", is("plan_id: The selected plan id is invalid."));
    }

    // ---- update

    @Test
    void updatesEveryFieldHitPayAccepts() {
        String id = createdSubscription();
        update(id, Map.of("amount", Map.of("amount", "21.90", "currency", "SGD"))).body("errors", nullValue())
                .body("data.updateSubscription.amount.amount", is(21.90f));
        update(id, Map.of("productName", "Coffee Club Plus")).body("errors", nullValue())
                .body("data.updateSubscription.productName", is("Coffee Club Plus"));
        update(id, Map.of("productDescription", "Three bags a month")).body("errors", nullValue())
                .body("data.updateSubscription.productDescription", is("Three bags a month"));
        update(id, Map.of("interval", Map.of("unit", "WEEK", "count", 1))).body("errors", nullValue())
                .body("data.updateSubscription.interval.unit", is("WEEK")).body("data.updateSubscription.interval.count", is(1));
        update(id, Map.of("interval", Map.of("unit", "DAY", "count", 10))).body("errors", nullValue())
                .body("data.updateSubscription.interval.unit", is("DAY")).body("data.updateSubscription.interval.count", is(10));
        update(id, Map.of("interval", Map.of("unit", "YEAR", "count", 1))).body("errors", nullValue())
                .body("data.updateSubscription.interval.unit", is("YEAR"));
        update(id, Map.of("customerName", "Dana K.")).body("errors", nullValue())
                .body("data.updateSubscription.customer.name", is("Dana K."));
        String newEmail = "dana.new+" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        update(id, Map.of("customerEmail", newEmail)).body("errors", nullValue())
                .body("data.updateSubscription.providerSubscriptionId", notNullValue());
        String billingId = Gql.post("query($id: ID!) { subscription(id: $id) { providerSubscriptionId } }", Map.of("id", id))
                .extract().path("data.subscription.providerSubscriptionId");
        Gql.post("query($e: String) { subscriptions(filter: { provider: HITPAY, customerEmail: $e }) { nodes { providerSubscriptionId } } }",
                Map.of("e", newEmail)).body("data.subscriptions.nodes.providerSubscriptionId", is(List.of(billingId)));
        LocalDate later = todaySgt().plusDays(14);
        update(id, Map.of("startDate", later.toString())).body("errors", nullValue());
        assertThat(sandbox.startDateOf(billingId)).contains(later);
        update(id, Map.of("redirectUrl", "https://merchant.example.com/thanks")).body("errors", nullValue());
        update(id, Map.of("reference", "order-42")).body("errors", nullValue());
        int before = callCount();
        update(id, Map.of("reference", "order-43", "productName", "Coffee Club Max")).body("errors", nullValue())
                .body("data.updateSubscription.productName", is("Coffee Club Max"));
        assertThat(callsSince(before)).contains("PUT /v1/recurring-billing/" + billingId);
    }

    @Test
    void everyUpdateRuleIsCheckedBeforeAnythingIsSent() {
        String id = createdSubscription();
        String retrying = gatewayId(HitPaySandboxData.BOB, HitPaySandboxData.BOB_RETRYING_YEARLY);
        Map<Map<String, Object>, String> invalid = new LinkedHashMap<>();
        invalid.put(Map.of("amount", Map.of("amount", "0", "currency", "SGD")), "input.amount.amount");
        invalid.put(Map.of("amount", Map.of("amount", "1000000.00", "currency", "SGD")), "input.amount.amount");
        invalid.put(Map.of("amount", Map.of("amount", "10.00", "currency", "USD")), "input.amount.currency");
        invalid.put(Map.of("interval", Map.of("unit", "MONTH", "count", 1000)), "input.interval.count");
        invalid.put(Map.of("interval", Map.of("unit", "DAY", "count", 0)), "input.interval.count");
        invalid.put(Map.of("startDate", todaySgt().minusDays(1).toString()), "input.startDate");
        invalid.put(Map.of("activeTo", todaySgt().plusDays(30).toString()), "input.activeTo");
        invalid.put(Map.of("nextChargeDate", todaySgt().plusDays(30).toString()), "input.nextChargeDate");
        invalid.put(Map.of("customerEmail", "not-an-email"), "input.customerEmail");
        int before = callCount();
        invalid.forEach((input, field) -> update(id, input)
                .body("data", nullValue())
                .body("errors[0].extensions.code", is("VALIDATION"))
                .body("errors[0].extensions.field", is(field))
                .body("errors[0].extensions.rule", notNullValue()));
        // a start date only while scheduled or active: this one is retrying
        update(retrying, Map.of("startDate", todaySgt().plusDays(1).toString()))
                .body("errors[0].extensions.code", is("VALIDATION"))
                .body("errors[0].extensions.field", is("input.startDate"))
                .body("errors[0].extensions.rule", is("only while the billing is scheduled or active"));
        // the gateway may read the billing to check the rules, but nothing is changed at HitPay
        assertThat(callsSince(before)).noneMatch(c -> c.startsWith("PUT") || c.startsWith("POST") || c.startsWith("DELETE"));
    }

    // ---- cancel, toggle

    @Test
    void cancelEndsTheBillingAtHitPay() {
        String id = createdSubscription();
        Gql.post("mutation($id: ID!) { cancelSubscription(id: $id) { status providerStatus providerSubscriptionId } }", Map.of("id", id))
                .body("errors", nullValue())
                .body("data.cancelSubscription.status", is("CANCELED"))
                .body("data.cancelSubscription.providerStatus", is("canceled"));
        String billingId = Gql.post("query($id: ID!) { subscription(id: $id) { providerSubscriptionId status } }", Map.of("id", id))
                .body("data.subscription.status", is("CANCELED"))
                .extract().path("data.subscription.providerSubscriptionId");
        assertThat(sandbox.statusOf(billingId)).contains("canceled");
    }

    @Test
    void toggleAndSetCustomerStatusAreUnsupportedAndSendNothing() {
        String customerId = Gql.post("{ customers(filter: { provider: HITPAY, email: \"carol@example.com\" }) { nodes { id } } }")
                .body("errors", nullValue()).extract().path("data.customers.nodes[0].id");
        int before = callCount();
        Gql.post("mutation($id: ID!) { toggleCustomerStatus(id: $id) { id isActive } }", Map.of("id", customerId))
                .body("data", nullValue())
                .body("errors[0].extensions.code", is("UNSUPPORTED_BY_PROVIDER"))
                .body("errors[0].extensions.provider", is("HITPAY"))
                .body("errors[0].message", containsString("cancelSubscription"));
        Gql.post("mutation($id: ID!) { setCustomerStatus(id: $id, active: false) { id isActive } }", Map.of("id", customerId))
                .body("errors[0].extensions.code", is("UNSUPPORTED_BY_PROVIDER"))
                .body("errors[0].message", containsString("cancelSubscription"));
        assertThat(callsSince(before)).isEmpty();
    }

    // ---- webhooks

    static String signedForm(Map<String, String> fields) {
        Map<String, String> signed = new LinkedHashMap<>(fields);
        signed.put("hmac", HitPayAuth.formHmac(HitPaySandboxData.WEBHOOK_SALT, fields));
        StringBuilder body = new StringBuilder();
        signed.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(k).append('=')
                .append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return body.toString();
    }

    static ValidatableResponse postForm(String body) {
        return given().contentType("application/x-www-form-urlencoded; charset=UTF-8").body(body)
                .when().post("/webhooks/hitpay").then();
    }

    void awaitRead(String billingId, int before) {
        Await.until("the billing re-read", () -> callsSince(before).contains("GET /v1/recurring-billing/" + billingId));
    }

    @Test
    void aSignedFormWebhookIsStoredOnceAndTheBillingReRead() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("payment_id", UUID.randomUUID().toString());
        fields.put("recurring_billing_id", HitPaySandboxData.ALICE_ACTIVE_MONTHLY);
        fields.put("amount", "12.90");
        fields.put("currency", "sgd");
        fields.put("status", "succeeded");
        fields.put("reference", "");
        String body = signedForm(fields);
        int before = callCount();
        postForm(body).statusCode(200).body("status", is("received"));
        awaitRead(HitPaySandboxData.ALICE_ACTIVE_MONTHLY, before);
        postForm(body).statusCode(200).body("status", is("duplicate"));

        // operators see it once in the inbox, processed; the payload itself is not exposed
        String dedupKey = "v1:" + body.substring(body.indexOf("&hmac=") + 6).toLowerCase(Locale.ROOT);
        String inbox = "{ webhookEvents(provider: HITPAY, first: 50) { provider dedupKey status attempts processedAt lastError } }";
        java.util.function.Supplier<List<Map<String, Object>>> inboxed = () -> Gql.post(inbox).body("errors", nullValue()).extract()
                .jsonPath().<Map<String, Object>>getList("data.webhookEvents").stream().filter(e -> dedupKey.equals(e.get("dedupKey"))).toList();
        Await.until("the webhook processed", () -> inboxed.get().stream().anyMatch(e -> "PROCESSED".equals(e.get("status"))));
        List<Map<String, Object>> mine = inboxed.get();
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0)).containsEntry("provider", "HITPAY").containsEntry("status", "PROCESSED").containsEntry("attempts", 1)
                .containsEntry("lastError", null);
        assertThat(mine.get(0).get("processedAt")).isNotNull();
    }

    @Test
    void badOrMissingSignaturesAreRefused() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("payment_id", UUID.randomUUID().toString());
        fields.put("recurring_billing_id", HitPaySandboxData.ALICE_ACTIVE_MONTHLY);
        fields.put("amount", "12.90");
        fields.put("currency", "sgd");
        fields.put("status", "succeeded");
        String body = signedForm(fields);
        postForm(body.replace("amount=12.90", "amount=1.00")).statusCode(401);
        postForm(body.substring(0, body.indexOf("&hmac="))).statusCode(401);
        given().contentType("application/json").header("Hitpay-Signature", "00" + "ab".repeat(31))
                .body("{\"recurring_billing_id\":\"" + HitPaySandboxData.ALICE_ACTIVE_MONTHLY + "\"}")
                .when().post("/webhooks/hitpay").then().statusCode(401);
    }

    @Test
    void aSignedEventWebhookIsVerifiedOverTheRawBody() {
        String raw = "{\"event\":\"recurring_billing.subscription_updated\",\"changed_fields\":[\"status\"],"
                + "\"recurring_billing\":{\"id\":\"" + HitPaySandboxData.CAROL_INACTIVE_CUSTOM + "\",\"status\":\"inactive\"},"
                + "\"nonce\":\"" + UUID.randomUUID() + "\"}";
        String signature = HitPayAuth.bodyHmac(HitPaySandboxData.WEBHOOK_SALT, raw.getBytes(StandardCharsets.UTF_8));
        int before = callCount();
        given().contentType("application/json").header("Hitpay-Signature", signature)
                .header("Hitpay-Event-Type", "updated").header("Hitpay-Event-Object", "recurring_billing")
                .body(raw.getBytes(StandardCharsets.UTF_8)).when().post("/webhooks/hitpay")
                .then().statusCode(200).body("status", is("received"));
        awaitRead(HitPaySandboxData.CAROL_INACTIVE_CUSTOM, before);
        given().contentType("application/json").header("Hitpay-Signature", signature)
                .body(raw.getBytes(StandardCharsets.UTF_8)).when().post("/webhooks/hitpay")
                .then().statusCode(200).body("status", is("duplicate"));
    }
}
