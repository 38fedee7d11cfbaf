package dev.billinggateway.provider.hitpay;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.LocalDate;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.billinggateway.domain.Provider;
import dev.billinggateway.provider.hitpay.sandbox.HitPaySandboxData;
import dev.billinggateway.sandbox.SandboxServer;
import dev.billinggateway.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** The HitPay sandbox speaks HitPay's API: its key check, envelopes and rules, as the connector meets them. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class HitPaySandboxTest {

    @Inject
    SandboxServer sandboxServer;

    RequestSpecification hitpay() {
        return given().baseUri(sandboxServer.baseUrl(Provider.HITPAY).orElseThrow())
                .header("X-BUSINESS-API-KEY", HitPaySandboxData.API_KEY)
                .header("X-Requested-With", "XMLHttpRequest")
                .accept("application/json");
    }

    @Test
    void aMissingOrWrongApiKeyIsRefusedAsHitPaysBackendDoes() {
        given().baseUri(sandboxServer.baseUrl(Provider.HITPAY).orElseThrow())
                .when().get("/v1/recurring-billing/" + HitPaySandboxData.ALICE_ACTIVE_MONTHLY)
                .then().statusCode(404).body("message", is("Invalid business api key."));
        given().baseUri(sandboxServer.baseUrl(Provider.HITPAY).orElseThrow()).header("X-BUSINESS-API-KEY", "wrong")
                .when().get("/v1/recurring-billing")
                .then().statusCode(404).body("message", is("Invalid business api key."));
    }

    @Test
    void anUnknownBillingIsLaravelsNotFound() {
        hitpay().when().get("/v1/recurring-billing/" + HitPaySandboxData.UNKNOWN_BILLING)
                .then().statusCode(404)
                .body("message", is("No query results for model [App\\Business\\RecurringBilling] " + HitPaySandboxData.UNKNOWN_BILLING));
    }

    @Test
    void theListDefaultsToActiveInALaravelPage() {
        hitpay().when().get("/v1/recurring-billing?per_page=1")
                .then().statusCode(200)
                .body("data.status", everyItem(is("active")))
                .body("meta.per_page", is(1))
                .body("meta.current_page", is(1))
                .body("links", hasKey("next"));
        hitpay().when().get("/v1/recurring-billing?status=paused")
                .then().statusCode(422).body("errors.status", contains("The selected status is invalid."));
    }

    @Test
    void aBillingReadsAsInHitPaysExamples() {
        hitpay().when().get("/v1/recurring-billing/" + HitPaySandboxData.ALICE_CANCELED_SAVE_CARD)
                .then().statusCode(200)
                .body("cycle", is("save_card"))
                .body("currency", is("usd"))
                .body("amount", is(94.27f))
                .body("save_card", is(1))
                .body("send_email", is(1))
                .body("cycle_repeat", nullValue())
                .body("payment_method.card.last4", is("4242"))
                .body("url", startsWith(sandboxServer.baseUrl(Provider.HITPAY).orElseThrow() + "/" + HitPaySandboxData.BUSINESS_ID));
    }

    @Test
    void createEnforcesHitPaysRulesWithItsValidationEnvelope() {
        hitpay().contentType("application/json").body("{}").when().post("/v1/recurring-billing")
                .then().statusCode(422)
                .body("message", is("The customer email field is required. (and 4 more errors)"))
                .body("errors.keySet()", containsInAnyOrder("customer_email", "name", "cycle", "amount", "start_date"));
        String yesterday = LocalDate.now(HitPayMapping.SGT).minusDays(1).toString();
        hitpay().contentType("application/json").body("""
                {"customer_email":"x@example.com","name":"n","cycle":"custom","cycle_frequency":"fortnight","cycle_repeat":1000,
                 "amount":1000000,"start_date":"%s"}""".formatted(yesterday))
                .when().post("/v1/recurring-billing")
                .then().statusCode(422)
                .body("errors.cycle_frequency", contains("The selected cycle frequency is invalid."))
                .body("errors.cycle_repeat", contains("The cycle repeat must be between 1 and 999."))
                .body("errors.amount", contains("The amount must be between 0.01 and 999999.99."))
                .body("errors.start_date", contains("The start date must be a date after or equal to today."));
        hitpay().contentType("application/json").body("""
                {"customer_email":"x@example.com","name":"n","amount":5,"save_card":"true",
                 "plan_id":"%s"}""".formatted(HitPaySandboxData.PLAN_MONTHLY))
                .when().post("/v1/recurring-billing")
                .then().statusCode(422).body("errors.save_card", contains("When save_card true, you disallow to set plan_id."));
    }

    @Test
    void updateRefusesAPlanOnASaveCardBillingAndAStartDateOutsideScheduledOrActive() {
        hitpay().contentType("application/json").body("{\"plan_id\":\"" + HitPaySandboxData.PLAN_MONTHLY + "\"}")
                .when().put("/v1/recurring-billing/" + HitPaySandboxData.ALICE_CANCELED_SAVE_CARD)
                .then().statusCode(422).body("errors.save_card", contains("When save_card true, you disallow to set plan_id."));
        hitpay().contentType("application/json").body("{\"start_date\":\"" + LocalDate.now(HitPayMapping.SGT).plusDays(3) + "\"}")
                .when().put("/v1/recurring-billing/" + HitPaySandboxData.CAROL_INACTIVE_CUSTOM)
                .then().statusCode(422).body("errors", hasKey("start_date"))
                .body("errors", not(hasKey("plan_id")));
    }

    @Test
    void theFormEncodingHitPaysGuidesUseIsAcceptedToo() {
        hitpay().contentType("application/x-www-form-urlencoded")
                .formParam("customer_email", "form@example.com").formParam("name", "Form plan").formParam("cycle", "monthly")
                .formParam("amount", "7.50").formParam("currency", "SGD")
                .formParam("start_date", LocalDate.now(HitPayMapping.SGT).toString())
                .formParam("payment_methods[]", "card").formParam("payment_methods[]", "giro")
                .when().post("/v1/recurring-billing")
                .then().statusCode(200)
                .body("status", is("scheduled"))
                .body("currency", is("sgd"))
                .body("amount", is(7.5f))
                .body("send_email", is(false))
                .body("payment_methods", contains("card", "giro"));
    }
}
