package dev.billinggateway.provider.revenuemonster;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.billinggateway.domain.Provider;
import dev.billinggateway.provider.revenuemonster.sandbox.RevenueMonsterDemoData;
import dev.billinggateway.provider.revenuemonster.sandbox.RevenueMonsterSandbox;
import dev.billinggateway.sandbox.SandboxServer;
import dev.billinggateway.testsupport.Gql;
import dev.billinggateway.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** The sandbox enforces what Revenue Monster enforces: client credentials, token, timestamp, nonce, signature, routes. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class RevenueMonsterSandboxTest {

    static final PrivateKey MERCHANT_KEY = RevenueMonsterAuthKeys.privateKey(RevenueMonsterDemoData.MERCHANT_PRIVATE_KEY_PEM);

    @Inject
    SandboxServer sandboxServer;

    @Inject
    RevenueMonsterSandbox sandbox;

    String base;
    String token;

    static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    @BeforeEach
    void token() {
        base = sandboxServer.baseUrl(Provider.REVENUE_MONSTER).orElseThrow();
        token = given().header("Authorization", basic(RevenueMonsterDemoData.CLIENT_ID, RevenueMonsterDemoData.CLIENT_SECRET))
                .contentType(ContentType.JSON).body("{\"grantType\":\"client_credentials\"}")
                .post(base + "/v1/token").then().statusCode(200)
                .body("tokenType", is("Bearer")).body("expiresIn", is(2591999))
                .extract().path("accessToken");
    }

    /** A request signed as the connector signs it, with the nonce and timestamp given. */
    RequestSpecification signed(String method, String path, String body, String nonce, long timestamp, String signedUrl) {
        String canonical = body == null ? null : RevenueMonsterAuthCanonicalJson.of(readTree(body));
        String plain = RevenueMonsterAuth.plainText(canonical, method, nonce, signedUrl == null ? base + path : signedUrl, timestamp);
        RequestSpecification spec = given().header("Authorization", "Bearer " + token)
                .header("X-Signature", RevenueMonsterAuth.header(plain, MERCHANT_KEY))
                .header("X-Nonce-Str", nonce).header("X-Timestamp", Long.toString(timestamp));
        return canonical == null ? spec : spec.contentType(ContentType.JSON).body(canonical);
    }

    static com.fasterxml.jackson.databind.JsonNode readTree(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    ValidatableResponse call(String method, String path, String body) {
        return signed(method, path, body, RevenueMonsterAuth.nonce(), Instant.now().getEpochSecond(), null)
                .request(method, base + path).then();
    }

    static void rmError(ValidatableResponse response, int status, String code) {
        response.statusCode(status).body("error.code", is(code)).body("item", nullValue());
    }

    @Test
    void tokenNeedsTheClientCredentialsAndRefreshTokensWorkOnce() {
        rmError(given().header("Authorization", basic(RevenueMonsterDemoData.CLIENT_ID, "wrong")).contentType(ContentType.JSON)
                .body("{\"grantType\":\"client_credentials\"}").post(base + "/v1/token").then(), 401, "INVALID_CLIENT");
        String refresh = given().header("Authorization", basic(RevenueMonsterDemoData.CLIENT_ID, RevenueMonsterDemoData.CLIENT_SECRET))
                .contentType(ContentType.JSON).body("{\"grantType\":\"client_credentials\"}").post(base + "/v1/token")
                .then().extract().path("refreshToken");
        String body = "{\"grantType\":\"refresh_token\",\"refreshToken\":\"" + refresh + "\"}";
        given().header("Authorization", basic(RevenueMonsterDemoData.CLIENT_ID, RevenueMonsterDemoData.CLIENT_SECRET))
                .contentType(ContentType.JSON).body(body).post(base + "/v1/token").then().statusCode(200).body("accessToken", notNullValue());
        rmError(given().header("Authorization", basic(RevenueMonsterDemoData.CLIENT_ID, RevenueMonsterDemoData.CLIENT_SECRET))
                .contentType(ContentType.JSON).body(body).post(base + "/v1/token").then(), 400, "INVALID_GRANT");
    }

    @Test
    void aCorrectlySignedCallIsServed() {
        call("GET", "/v3/customer/" + RevenueMonsterDemoData.ACTIVE_CUSTOMER_ID, null).statusCode(200)
                .body("code", is("SUCCESS")).body("item.id", is(RevenueMonsterDemoData.ACTIVE_CUSTOMER_ID))
                .body("item.recurringPayment.recurringInterval", is("MONTHLY"));
    }

    @Test
    void missingOrUnknownTokenIs401() {
        rmError(given().header("X-Nonce-Str", RevenueMonsterAuth.nonce()).get(base + "/v3/customer/" + RevenueMonsterDemoData.ACTIVE_CUSTOMER_ID)
                .then(), 401, "TOKEN_INVALID");
    }

    @Test
    void signatureOverAnotherUrlIsRejectedWithRmsDebugOutput() {
        String path = "/v3/customer/" + RevenueMonsterDemoData.ACTIVE_CUSTOMER_ID;
        rmError(signed("GET", path, null, RevenueMonsterAuth.nonce(), Instant.now().getEpochSecond(), base + path + "?x=1")
                .get(base + path).then(), 400, "INVALID_REQUEST_SIGNATURE");
        signed("GET", path, null, RevenueMonsterAuth.nonce(), Instant.now().getEpochSecond(), base + "/other").get(base + path).then()
                .body("debug.preVerifyContent.step3", notNullValue());
    }

    @Test
    void staleTimestampAndReusedNonceAreRejected() {
        String path = "/v3/customer/" + RevenueMonsterDemoData.ACTIVE_CUSTOMER_ID;
        rmError(signed("GET", path, null, RevenueMonsterAuth.nonce(), Instant.now().getEpochSecond() - 200, null).get(base + path).then(),
                400, "INVALID_TIMESTAMP");
        String nonce = RevenueMonsterAuth.nonce();
        long now = Instant.now().getEpochSecond();
        signed("GET", path, null, nonce, now, null).get(base + path).then().statusCode(200);
        rmError(signed("GET", path, null, nonce, now, null).get(base + path).then(), 400, "INVALID_REQUEST");
    }

    @Test
    void theSeedsOtherToggleRoutesDoNotExist() {
        String id = RevenueMonsterDemoData.INACTIVE_CUSTOMER_ID;
        rmError(call("POST", "/v3/recurring-payment/" + id + "/toggle", null), 404, "API_ENDPOINT_NOT_FOUND");
        rmError(call("PUT", "/v3/recurring-payment/" + id + "/status", null), 404, "API_ENDPOINT_NOT_FOUND");
        assertThat(sandbox.isActive(id)).isFalse();
    }

    @Test
    void createChecksRmsRulesAndTheBodyIsSignedInCanonicalForm() {
        String body = """
                {"storeId":"%s","email":"a@example.com","name":"A","countryCode":"60","phoneNumber":"123456789",
                 "productName":"P","productDescription":"D","currency":"MYR","amount":1200,"redirectUrl":"https://x.example/?a=1&b=2",
                 "notifyUrl":"https://x.example/n","recurringInterval":"MONTHLY","recurringTarget":"29","recurringRepetition":3}"""
                .formatted(RevenueMonsterDemoData.STORE_ID);
        rmError(call("POST", "/v3/recurring-payment", body), 400, "VALIDATION_ERROR");
        call("POST", "/v3/recurring-payment", body.replace("\"29\"", "\"-1\"")).statusCode(200)
                .body("item.isActive", is(false)).body("item.label", is(""))
                .body("item.paymentUrl", org.hamcrest.Matchers.startsWith(base + "/v1/recurring?customerId="));
        rmError(call("POST", "/v3/recurring-payment", body.replace("\"MYR\"", "\"SGD\"").replace("\"29\"", "\"1\"")), 400,
                "PAYMENT_UNSUPPORTED_CURRENCY_TYPE");
    }

    @Test
    void ordersArePagedWithACursorThatIsPartOfTheSignedUrl() {
        String path = "/v3/customer/" + RevenueMonsterDemoData.WEEKLY_CUSTOMER_ID + "/orders";
        String cursor = call("GET", path, null).statusCode(200).body("items", hasSize(5)).extract().path("meta.cursor");
        assertThat(cursor).isNotBlank();
        call("GET", path + "?cursor=" + cursor, null).statusCode(200).body("items", hasSize(5));
        rmError(call("GET", "/v3/customer/" + RevenueMonsterDemoData.UNKNOWN_CUSTOMER_ID, null), 404, "ACCOUNT_NOT_FOUND");
    }

    @Test
    void afterRmDropsTheTokenTheGatewayFetchesANewOneOnceAndCarriesOn() {
        String id = Gql.post("mutation($pid: String!) { linkCustomer(provider: REVENUE_MONSTER, providerCustomerId: $pid) { id } }",
                Map.of("pid", RevenueMonsterDemoData.INACTIVE_CUSTOMER_ID)).extract().path("data.linkCustomer.id");
        long tokensBefore = sandbox.tokenRequests();
        sandbox.expireAccessTokens();

        Gql.post("query($id: ID!) { customer(id: $id) { isActive stale } }", Map.of("id", id))
                .body("errors", nullValue()).body("data.customer.isActive", is(false)).body("data.customer.stale", is(false));
        assertThat(sandbox.tokenRequests()).isEqualTo(tokensBefore + 1);
    }
}
