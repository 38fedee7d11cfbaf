package dev.billinggateway.provider.monri;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.billinggateway.domain.Provider;
import dev.billinggateway.provider.monri.sandbox.MonriSandboxData;
import dev.billinggateway.sandbox.SandboxServer;
import dev.billinggateway.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** The Monri sandbox as a client sees it: Monri's digest check, envelope, paths and date rules. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class MonriSandboxTest {

    @Inject
    SandboxServer sandboxServer;

    String baseUrl;

    @BeforeEach
    void sandbox() {
        baseUrl = sandboxServer.baseUrl(Provider.MONRI).orElseThrow();
    }

    RequestSpecification signed(String fullPath, String body) {
        String ts = Long.toString(Instant.now().getEpochSecond());
        String authorization = MonriAuth.authorization(MonriSandboxData.MERCHANT_KEY, ts, MonriSandboxData.AUTHENTICITY_TOKEN,
                fullPath, body);
        return given().baseUri(baseUrl).urlEncodingEnabled(false)
                .header("Authorization", authorization).header("Accept", "application/json")
                .contentType("application/json").body(body.getBytes(StandardCharsets.UTF_8));
    }

    ValidatableResponse signedGet(String fullPath) {
        return signed(fullPath, "").when().get(fullPath).then();
    }

    ValidatableResponse signedPost(String fullPath, String body) {
        return signed(fullPath, body).when().post(fullPath).then();
    }

    @Test
    void readsDemoDataWithAValidDigest() {
        signedGet("/v2/customers?limit=100&offset=0").statusCode(200)
                .body("status", is("approved"))
                .body("data.uuid", hasItems(MonriSandboxData.CUSTOMER_ANA, MonriSandboxData.CUSTOMER_MARKO,
                        MonriSandboxData.CUSTOMER_LEJLA, MonriSandboxData.CUSTOMER_IVAN_DELETED));
        signedGet("/v2/customers?limit=1&offset=1").statusCode(200).body("data", hasSize(1))
                .body("data[0].uuid", is(MonriSandboxData.CUSTOMER_MARKO));
        signedGet("/v2/customer-subscriptions/" + MonriSandboxData.CS_ACTIVE).statusCode(200)
                .body("id", is((int) MonriSandboxData.CS_ACTIVE))
                .body("customer_id", is(MonriSandboxData.CUSTOMER_ANA))
                .body("subscription_id", is((int) MonriSandboxData.PLAN_BASIC_MONTHLY));
        signedGet("/v2/subscriptions/" + MonriSandboxData.PLAN_HALF_YEAR).statusCode(200)
                .body("period", is("half_year")).body("price", is(4990)).body("currency", is("EUR"));
    }

    @Test
    void wrongOrMissingDigestIs401WithMonrisEnvelope() {
        given().baseUri(baseUrl).header("Accept", "application/json").when().get("/v2/customers").then()
                .statusCode(401).body("status", is("error")).body("message", is("Authorization failed"));
        // signed for another path
        signed("/v2/customers", "").when().get("/v2/customers/" + MonriSandboxData.CUSTOMER_ANA).then().statusCode(401);
        // signed without the query string
        signed("/v2/customers", "").when().get("/v2/customers?limit=5&offset=0").then().statusCode(401);
        // body changed after signing
        signed("/v2/customers", "{\"name\":\"A\"}").body("{\"name\":\"B\"}".getBytes(StandardCharsets.UTF_8))
                .when().post("/v2/customers").then().statusCode(401);
        // another merchant's key
        String ts = Long.toString(Instant.now().getEpochSecond());
        given().baseUri(baseUrl).header("Authorization", MonriAuth.authorization("other-key", ts,
                MonriSandboxData.AUTHENTICITY_TOKEN, "/v2/customers", "")).when().get("/v2/customers").then().statusCode(401);
    }

    @Test
    void unknownObjectsAre404WithMonrisEnvelope() {
        signedGet("/v2/customers/no-such-uuid").statusCode(404).body("status", is("invalid-request"))
                .body("message", is("Customer not found"));
        signedGet("/v2/customer-subscriptions/999999").statusCode(404).body("status", is("invalid-request"));
        signedGet("/v2/subscriptions/999999").statusCode(404).body("status", is("invalid-request"));
    }

    @Test
    void customerSubscriptionDateRulesAre400() {
        String path = "/v2/customer-subscriptions/" + MonriSandboxData.CS_HALF_YEAR;
        signedPost(path, "{\"next_charge_date\":\"2001-01-01\"}").statusCode(400)
                .body("status", is("invalid-request")).body("message", is("next_charge_date should be after active_from"));
        signedPost(path, "{\"next_charge_date\":\"2999-01-01\"}").statusCode(400)
                .body("message", is("next_charge_date should be before active_to"));
        signedPost(path, "{\"active_from\":\"2999-01-01\"}").statusCode(400)
                .body("message", is("active_from has to be before active_to"));
        signedPost(path, "{\"active_to\":\"31.12.2030\"}").statusCode(400)
                .body("message", is("active_to must be a date in format YYYY-MM-DD"));
        signedPost("/v2/customer-subscriptions", "{\"subscription_id\":593,\"customer_id\":\"" + MonriSandboxData.CUSTOMER_ANA
                + "\",\"next_charge_date\":\"2030-01-01\",\"active_from\":\"2030-01-02\",\"active_to\":\"2030-12-31\"}")
                .statusCode(400).body("message", is("next_charge_date should be after active_from"));
        signedPost("/v2/customer-subscriptions", "{\"subscription_id\":593,\"customer_id\":\"" + MonriSandboxData.CUSTOMER_ANA
                + "\",\"active_from\":\"2030-01-02\",\"active_to\":\"2030-12-31\"}")
                .statusCode(400).body("message", is("next_charge_date is required"));
    }

    @Test
    void planAndCustomerRulesAre400() {
        signedPost("/v2/subscriptions", "{\"name\":\"Basic monthly\",\"description\":\"d\",\"price\":100,\"currency\":\"EUR\",\"period\":\"month\"}")
                .statusCode(400).body("message", is("name has already been taken"));
        signedPost("/v2/subscriptions", "{\"name\":\"Fortnightly\",\"description\":\"d\",\"price\":100,\"currency\":\"EUR\",\"period\":\"fortnight\"}")
                .statusCode(400).body("message", is("period must be one of day, week, month, half_year, year"));
        signedPost("/v2/customers", "{\"name\":\"" + "x".repeat(51) + "\"}")
                .statusCode(400).body("message", is("name must be 1 to 50 characters long"));
    }
}
