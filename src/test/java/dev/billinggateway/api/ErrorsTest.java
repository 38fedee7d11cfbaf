package dev.billinggateway.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.billinggateway.testsupport.Gql;
import dev.billinggateway.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Every error carries a code from the one list, names the field where input is at fault, and leaks nothing internal. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class ErrorsTest {

    @Test
    void unknownIdIsNotFound() {
        Gql.post("query($id: ID!) { customer(id: $id) { id } }", Map.of("id", "cus_unknown"))
                .statusCode(200)
                .body("data.customer", nullValue())
                .body("errors[0].extensions.code", is("NOT_FOUND"))
                .body("errors[0].path[0]", is("customer"));
        Gql.post("query($id: ID!) { subscription(id: $id) { id } }", Map.of("id", "sub_unknown"))
                .body("errors[0].extensions.code", is("NOT_FOUND"));
    }

    @Test
    void syntaxErrorIsValidation() {
        Gql.post("query { customers( { nodes { id } }")
                .body("errors", hasSize(1))
                .body("errors[0].extensions.code", is("VALIDATION"))
                .body("errors[0].extensions.classification", is("InvalidSyntax"));
    }

    @Test
    void unknownFieldAndUnknownEnumValueAreValidation() {
        Gql.post("{ customers { nodes { id password } } }")
                .body("errors[0].extensions.code", is("VALIDATION"))
                .body("errors[0].message", containsString("password"));
        Gql.post("{ customers(filter: { provider: PAYPAL }) { nodes { id } } }")
                .body("errors[0].extensions.code", is("VALIDATION"))
                .body("errors[0].message", containsString("PAYPAL"));
    }

    @Test
    void pageSizeOutOfBoundsNamesTheArgument() {
        Gql.post("{ subscriptions(first: 5000) { nodes { id } } }")
                .body("errors[0].extensions.code", is("VALIDATION"))
                .body("errors[0].extensions.field", is("first"))
                .body("errors[0].extensions.rule", is("1..100"));
    }

    @Test
    void badCursorNamesTheArgument() {
        Gql.post("{ customers(after: \"not-a-cursor\") { nodes { id } } }")
                .body("errors[0].extensions.code", is("VALIDATION"))
                .body("errors[0].extensions.field", is("after"));
    }

    @Test
    void invalidCreateInputNamesFieldAndRule() {
        Gql.post("""
                mutation { createSubscription(input: {
                  provider: HITPAY, customer: { email: "not-an-email" }, productName: "Plan",
                  amount: { amount: "9.90", currency: "SGD" }, interval: { unit: MONTH, count: 1 } }) { id } }""")
                .body("data", nullValue())
                .body("errors[0].extensions.code", is("VALIDATION"))
                .body("errors[0].extensions.field", is("input.customer.email"))
                .body("errors[0].extensions.rule", is("e-mail address"));
        Gql.post("""
                mutation { createSubscription(input: {
                  provider: HITPAY, customer: { email: "a@example.com" }, productName: "Plan",
                  amount: { amount: "-1", currency: "SGD" }, interval: { unit: MONTH, count: 1 } }) { id } }""")
                .body("errors[0].extensions.field", is("input.amount.amount"))
                .body("errors[0].extensions.rule", is("greater than 0"));
        Gql.post("""
                mutation { createSubscription(input: {
                  provider: HITPAY, customer: { email: "a@example.com" }, productName: "Plan",
                  amount: { amount: "9.999", currency: "SGD" }, interval: { unit: MONTH, count: 1 } }) { id } }""")
                .body("errors[0].extensions.field", is("input.amount.amount"))
                .body("errors[0].extensions.rule", is("at most 2 decimals"));
        Gql.post("""
                mutation { createSubscription(input: {
                  provider: HITPAY, customer: { email: "a@example.com" }, productName: "Plan",
                  amount: { amount: "9.90", currency: "XXY" }, interval: { unit: MONTH, count: 1 } }) { id } }""")
                .body("errors[0].extensions.field", is("input.amount.currency"));
    }

    @Test
    void tooLongIdempotencyKeyIsValidationAndChangesNothing() {
        String id = Gql.post("{ subscriptions(first: 1, filter: { provider: HITPAY, status: ACTIVE }) { nodes { id } } }")
                .extract().path("data.subscriptions.nodes[0].id");
        Gql.post("mutation($id: ID!, $k: String) { cancelSubscription(id: $id, idempotencyKey: $k) { id } }",
                Map.of("id", id, "k", "k".repeat(201)))
                .body("data", nullValue())
                .body("errors[0].extensions.code", is("VALIDATION"))
                .body("errors[0].extensions.field", is("idempotencyKey"))
                .body("errors[0].extensions.rule", is("1 to 200 characters"));
        Gql.post("query($id: ID!) { subscription(id: $id) { status } }", Map.of("id", id))
                .body("data.subscription.status", is("ACTIVE"));
    }

    @Test
    void errorsNeverCarryStackTracesOrExceptionNames() {
        Gql.post("{ customers(after: \"%%%\") { nodes { id } } }")
                .body("errors", notNullValue())
                .body("errors.message", everyItem(not(containsString("Exception"))))
                .body("errors.extensions.exception", everyItem(nullValue()));
    }
}
