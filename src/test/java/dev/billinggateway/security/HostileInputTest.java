package dev.billinggateway.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.oneOf;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.billinggateway.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Hostile input, sent by a caller holding both roles: each request gets a clear error with a code, the
 * gateway keeps serving (a normal query afterwards succeeds), nothing is written to the database and
 * nothing is sent to a provider.
 */
@QuarkusTest
@TestProfile(SecurityProfile.class)
@QuarkusTestResource(PostgresTestResource.class)
class HostileInputTest {

    static final String CREATE = """
            mutation($input: CreateSubscriptionInput!) { createSubscription(input: $input) { id } }""";

    @Inject
    Pool pool;

    String writer;
    Map<String, Long> before;

    @BeforeEach
    void remember() {
        writer = Tokens.writer();
        before = Effects.settled(pool);
    }

    @AfterEach
    void nothingWrittenNothingSentStillServing() {
        assertThat(Effects.snapshot(pool)).as("rows and provider requests").isEqualTo(before);
        Api.post(writer, "{ providers { provider } customers(first: 1) { nodes { id } } }")
                .statusCode(200).body("data.providers", notNullValue()).body("data.customers", notNullValue());
    }

    private ValidatableResponse validation(ValidatableResponse response) {
        return response.body("errors", notNullValue())
                .body("errors.extensions.code", everyItem(is("VALIDATION")))
                .body("errors.message", everyItem(not(containsString("Exception"))));
    }

    private ValidatableResponse raw(String contentType, String body) {
        return given().header("Authorization", "Bearer " + writer).contentType(contentType).body(body.getBytes())
                .post("/graphql").then();
    }

    @Test
    void malformedJsonAndGraphQL() {
        validation(raw("application/json", "{\"query\": \"{ providers { provider }\"").statusCode(400));
        validation(raw("application/json", "[1, 2, 3]").statusCode(400));
        validation(raw("application/json", "{\"query\": 42}").statusCode(400));
        validation(raw("application/json", "").statusCode(400));
        validation(raw("application/json", "\u0000\u0001\u0002garbage").statusCode(400));
        validation(Api.post(writer, "{ customers( { nodes { id } }")).body("errors[0].locations", notNullValue());
        validation(Api.post(writer, "mutation { cancelSubscription(id: ) { id } }"));
        validation(Api.post(writer, "subscription { anything }"));
        validation(Api.post(writer, "{ customers { nodes { id password } } }")).body("errors[0].message", containsString("password"));
        // a document with two operations and no operationName is ambiguous
        validation(Api.post(writer, "query A { providers { provider } } query B { providers { enabled } }"));
    }

    @Test
    void wrongTypes() {
        validation(Api.post(writer, "{ customers(first: \"ten\") { nodes { id } } }"));
        validation(Api.post(writer, "query($n: Int) { customers(first: $n) { nodes { id } } }", Map.of("n", "ten")));
        validation(Api.post(writer, "{ customer(id: 42.5) { id } }"));
        validation(Api.post(writer, "mutation { setCustomerStatus(id: \"cus_x\", active: \"yes\") { id } }"));
        validation(Api.post(writer, CREATE, Map.of("input", "not an object")));
        validation(Api.post(writer, "{ subscriptions(first: 0) { nodes { id } } }")).body("errors[0].extensions.field", is("first"));
        validation(Api.post(writer, "{ subscriptions(first: 5000) { nodes { id } } }")).body("errors[0].extensions.field", is("first"));
        validation(Api.post(writer, "{ subscriptions(first: 99999999999) { nodes { id } } }"));
    }

    @Test
    void unknownEnumValues() {
        validation(Api.post(writer, "{ customers(filter: { provider: PAYPAL }) { nodes { id } } }"))
                .body("errors[0].message", containsString("PAYPAL"));
        validation(Api.post(writer, "{ subscriptions(filter: { status: DELETED }) { nodes { id } } }"));
        validation(Api.post(writer, CREATE, Map.of("input", createInput("STRIPE", "9.90", "SGD", "MONTH"))));
        validation(Api.post(writer, CREATE, Map.of("input", createInput("HITPAY", "9.90", "SGD", "FORTNIGHT"))));
    }

    @Test
    void invalidAmounts() {
        for (String amount : new String[] { "-1", "0", "9.999", "1e400", "NaN", "12,50", "ten", "1000000000" }) {
            validation(Api.post(writer, CREATE, Map.of("input", createInput("HITPAY", amount, "SGD", "MONTH"))));
        }
        validation(Api.post(writer, CREATE, Map.of("input", createInput("HITPAY", "9.90", "XXY", "MONTH"))))
                .body("errors[0].extensions.field", is("input.amount.currency"));
    }

    @Test
    void invalidDates() {
        for (String date : new String[] { "2024-13-45", "yesterday", "2024-02-30", "20240101", "" }) {
            validation(Api.post(writer, "mutation($d: Date) { updateSubscription(id: \"sub_x\", input: { nextChargeDate: $d }) { id } }",
                    Map.of("d", date)));
        }
        validation(Api.post(writer, "mutation { updateSubscription(id: \"sub_x\", input: { activeTo: \"31/12/2024\" }) { id } }"));
    }

    @Test
    void oversizedStrings() {
        Map<String, Object> input = createInput("HITPAY", "9.90", "SGD", "MONTH");
        input.put("productName", "x".repeat(10_000));
        validation(Api.post(writer, CREATE, Map.of("input", input))).body("errors[0].extensions.field", is("input.productName"));
        Map<String, Object> email = createInput("HITPAY", "9.90", "SGD", "MONTH");
        email.put("customer", Map.of("email", "a".repeat(5_000) + "@example.com"));
        validation(Api.post(writer, CREATE, Map.of("input", email)));
        // the target is checked first, then the key's length: either way a clear refusal
        Api.post(writer, "mutation($k: String) { cancelSubscription(id: \"sub_x\", idempotencyKey: $k) { id } }",
                Map.of("k", "k".repeat(50_000)))
                .body("errors[0].extensions.code", oneOf("NOT_FOUND", "VALIDATION"));
        // a body above quarkus.http.limits.max-body-size (256K) is refused before it is read whole
        validation(Api.post(writer, "{ customer(id: \"" + "x".repeat(300_000) + "\") { id } }").statusCode(413))
                .body("errors[0].extensions.rule", is("max-body-size"));
    }

    @Test
    void deeplyNestedAndOversizedQueries() {
        String deep = "{ customers { nodes { subscriptions { customer { subscriptions { customer { subscriptions { customer {"
                + " subscriptions { customer { subscriptions { id } } } } } } } } } } } }";
        validation(Api.post(writer, deep)).body("errors[0].extensions.rule", is("max-query-depth"))
                .body("data", nullValue());
        StringBuilder wide = new StringBuilder("{");
        for (int i = 0; i < 150; i++) {
            wide.append(" a").append(i).append(": providers { provider enabled sandbox healthy }");
        }
        validation(Api.post(writer, wide.append(" }").toString())).body("errors[0].extensions.rule", is("max-query-complexity"));
        // limits are measured on the text: fields under @include/@skip count as included, whatever the variables say
        StringBuilder conditional = new StringBuilder("query($all: Boolean!) { providers { provider }");
        for (int i = 0; i < 110; i++) { // 550 fields, under the 2000-token limit
            conditional.append(" a").append(i).append(": providers @include(if: $all) { provider enabled sandbox healthy }");
        }
        String text = conditional.append(" }").toString();
        validation(Api.post(writer, text, Map.of("all", false))).body("errors[0].extensions.rule", is("max-query-complexity"))
                .body("data", nullValue());
        validation(Api.post(writer, text, Map.of("all", true))).body("errors[0].extensions.rule", is("max-query-complexity"));
        StringBuilder many = new StringBuilder("{");
        for (int i = 0; i < 1500; i++) {
            many.append(" t").append(i).append(": __typename");
        }
        validation(Api.post(writer, many.append(" }").toString())).body("errors[0].extensions.rule", is("max-query-tokens"));
        // nesting beyond what the parser accepts
        validation(Api.post(writer, "{ customers " + "{ nodes ".repeat(600) + "}".repeat(601)));
        // fragments that spread each other
        validation(Api.post(writer, "{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }"));
    }

    @Test
    void malformedOrUnsignedWebhooks() {
        for (String provider : new String[] { "hitpay", "monri", "revenue-monster" }) {
            for (String body : new String[] { "", "{", "not json at all", "{\"id\":\"evt\",\"status\":\"active\"}",
                    "hmac=deadbeef&status=completed&reference=x", "x".repeat(100_000) }) {
                given().contentType(ContentType.JSON).body(body.getBytes()).post("/webhooks/" + provider).then()
                        .statusCode(oneOf(400, 401, 404, 413)).body("errors", nullValue());
            }
            given().contentType(ContentType.JSON).header("Hitpay-Signature", "00ff").header("Authorization", "WP3-callback 00ff")
                    .body("{\"id\":\"evt_forged\"}").post("/webhooks/" + provider).then().statusCode(oneOf(400, 401, 404));
        }
        given().contentType(ContentType.JSON).body("{}").post("/webhooks/paypal").then().statusCode(404);
    }

    static Map<String, Object> createInput(String provider, String amount, String currency, String unit) {
        Map<String, Object> input = new java.util.LinkedHashMap<>();
        input.put("provider", provider);
        input.put("customer", Map.of("email", "hostile@example.com"));
        input.put("productName", "Plan");
        input.put("amount", Map.of("amount", amount, "currency", currency));
        input.put("interval", Map.of("unit", unit, "count", 1));
        return input;
    }
}
