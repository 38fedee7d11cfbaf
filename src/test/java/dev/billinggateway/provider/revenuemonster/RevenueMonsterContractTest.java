package dev.billinggateway.provider.revenuemonster;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import dev.billinggateway.connector.ConnectorRegistry;
import dev.billinggateway.connector.UpdateSubscription;
import dev.billinggateway.connector.VerifiedWebhook;
import dev.billinggateway.connector.WebhookRequest;
import dev.billinggateway.domain.CreateSubscriptionInput;
import dev.billinggateway.domain.Customer;
import dev.billinggateway.domain.ErrorCode;
import dev.billinggateway.domain.GatewayException;
import dev.billinggateway.domain.IntervalUnit;
import dev.billinggateway.domain.Provider;
import dev.billinggateway.domain.ProviderCapabilities;
import dev.billinggateway.domain.Subscription;
import dev.billinggateway.domain.SubscriptionStatus;
import dev.billinggateway.domain.Support;
import dev.billinggateway.provider.ConnectorContract;
import dev.billinggateway.connector.ProviderPage;
import dev.billinggateway.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.mutiny.Uni;

/**
 * Every request the connector sends to Revenue Monster, checked exactly against WireMock: method, path,
 * query, headers, canonical body, and a signature that verifies with the merchant public key.
 */
@QuarkusTest
@TestProfile(RevenueMonsterWireMockProfile.class)
@QuarkusTestResource(PostgresTestResource.class)
class RevenueMonsterContractTest extends ConnectorContract {

    static final String CUSTOMER_ID = "1671703158559365205";
    /** The doc's worked example: Base64("3675930941412424316:wmn7FUauXHdkoYa9182kCMkjGnNJVgin"). */
    static final String BASIC = "Basic MzY3NTkzMDk0MTQxMjQyNDMxNjp3bW43RlVhdVhIZGtvWWE5MTgya0NNa2pHbk5KVmdpbg==";
    static final String CUSTOMER_JSON = """
            {"item":{"id":"1671703158559365205","merchantId":"4118165203679668885","storeId":"1602660043994159611","label":"%s",
            "email":"oska.ng@revenuemonster.my","name":" Oska Ng OpenAPI","countryCode":"60","phoneNumber":"187824152","isActive":%s,
            "createdAt":"2022-12-22T09:59:18Z","updatedAt":"2022-12-22T09:59:18Z","clientKey":"EhcKC09BdXRoQ2xpZW50EMWa54yytMPIFg",
            "redirectUrl":"https://google.com","notifyUrl":"https://google.com",
            "paymentUrl":"https://sb-pg.revenuemonster.my/v1/recurring?customerId=1671703158559365205",
            "recurringPayment":{"amount":1200,"currency":"MYR","recurringInterval":"WEEKLY","recurringTarget":"1",
            "productName":"Some Product Name","productDescription":"Some Product productDescription","recurringRepetition":10}},
            "code":"SUCCESS"}""";

    @InjectRevenueMonsterWireMock
    WireMockServer wireMock;

    @Inject
    RevenueMonsterConnector connector;

    @Inject
    RevenueMonsterWebhooks webhooks;

    @Inject
    RevenueMonsterModule module;

    @Inject
    RevenueMonsterAuthTokens tokens;

    @Inject
    ConnectorRegistry registry;

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    static PublicKey merchantPublicKey = RevenueMonsterAuthKeys.publicKey(RevenueMonsterWireMockResource.vector().get("publicKeyPem").asText());
    static PrivateKey serverPrivateKey = RevenueMonsterAuthKeys.privateKey(RevenueMonsterWireMockResource.vector().get("privateKeyPem").asText());

    @BeforeEach
    void reset() {
        wireMock.resetAll();
        tokens.reset();
        circuitBreakers.resetAll();
        wireMock.stubFor(post("/v1/token").withHeader("Authorization", equalTo(BASIC))
                .withRequestBody(equalTo("{\"grantType\":\"client_credentials\"}"))
                .willReturn(okJson(token("tok-1", "ref-1", 2591999))));
    }

    static String token(String access, String refresh, long expiresIn) {
        return "{\"accessToken\":\"" + access + "\",\"tokenType\":\"Bearer\",\"expiresIn\":" + expiresIn + ",\"refreshToken\":\""
                + refresh + "\",\"refreshTokenExpiresIn\":1576799999}";
    }

    static String customer(boolean active) {
        return CUSTOMER_JSON.formatted(active ? "411111******1111" : "", active);
    }

    static <T> T await(Uni<T> uni) {
        return uni.await().atMost(Duration.ofSeconds(30));
    }

    /** Checks the signed headers of one request with an independent rebuild of RM's plain text. */
    void assertSigned(LoggedRequest request, String method, String bearer, String expectedBody) throws Exception {
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + bearer);
        String nonce = request.getHeader("X-Nonce-Str");
        String timestamp = request.getHeader("X-Timestamp");
        String signature = request.getHeader("X-Signature");
        assertThat(nonce).matches("[A-Za-z0-9]{32}");
        assertThat(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp))).isLessThan(30);
        assertThat(signature).startsWith("sha256 ");
        String url = wireMock.baseUrl() + request.getUrl();
        String body = request.getBodyAsString();
        if (expectedBody == null) {
            assertThat(body).isEmpty();
        } else {
            assertThat(body).isEqualTo(expectedBody);
            assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        }
        String plain = (expectedBody == null ? "" : "data=" + Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)) + "&")
                + "method=" + method + "&nonceStr=" + nonce + "&requestUrl=" + url + "&signType=sha256&timestamp=" + timestamp;
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(merchantPublicKey);
        verifier.update(plain.getBytes(StandardCharsets.UTF_8));
        assertThat(verifier.verify(Base64.getDecoder().decode(signature.substring("sha256 ".length()))))
                .as("X-Signature verifies with the merchant public key over " + plain).isTrue();
    }

    private void assertOneTokenRequest() {
        List<LoggedRequest> tokenRequests = wireMock.findAll(postRequestedFor(urlEqualTo("/v1/token")));
        assertThat(tokenRequests).hasSize(1);
        assertThat(tokenRequests.get(0).getHeader("Authorization")).isEqualTo(BASIC);
        assertThat(tokenRequests.get(0).getBodyAsString()).isEqualTo("{\"grantType\":\"client_credentials\"}");
        assertThat(tokenRequests.get(0).getHeader("X-Signature")).isNull();
    }

    @Test
    void moduleIsEnabledByCredentialsAndNotSandboxed() {
        assertThat(module.enabled()).isTrue();
        assertThat(module.sandboxed()).isFalse();
        assertThat(module.account()).isEqualTo(RevenueMonsterWireMockResource.CLIENT_ID);
        assertThat(module.healthy()).isTrue();
    }

    @Test
    void getCustomerIsASignedGetWithoutBody() throws Exception {
        wireMock.stubFor(get("/v3/customer/" + CUSTOMER_ID).willReturn(okJson(customer(true))));

        Customer customer = await(connector.fetchCustomer(CUSTOMER_ID));

        assertThat(customer.providerCustomerId()).isEqualTo(CUSTOMER_ID);
        assertThat(customer.email()).isEqualTo("oska.ng@revenuemonster.my");
        assertThat(customer.active()).isTrue();
        assertThat(customer.phone().countryCode()).isEqualTo("60");
        assertThat(customer.paymentMethod().last4()).isEqualTo("1111");
        assertOneTokenRequest();
        List<LoggedRequest> gets = wireMock.findAll(getRequestedFor(urlEqualTo("/v3/customer/" + CUSTOMER_ID)));
        assertThat(gets).hasSize(1);
        assertSigned(gets.get(0), "get", "tok-1", null);
    }

    @Test
    void createSendsTheCanonicalBodyWithEveryRequiredFieldAndSignsIt() throws Exception {
        wireMock.stubFor(post("/v3/recurring-payment").willReturn(okJson(customer(false))));
        CreateSubscriptionInput input = RevenueMonsterMappingTest.input(IntervalUnit.WEEK, "1");
        input.revenueMonster.redirectUrl = "https://shop.example.com/done?a=1&b=2";
        input.productDescription = "Fresh <greens> & more";

        Subscription created = await(connector.createSubscription(input));

        assertThat(created.status()).isEqualTo(SubscriptionStatus.PENDING);
        assertThat(created.paymentUrl()).isEqualTo("https://sb-pg.revenuemonster.my/v1/recurring?customerId=" + CUSTOMER_ID);
        assertThat(created.providerSubscriptionId()).isEqualTo(CUSTOMER_ID);
        assertThat(created.amount().amount()).isEqualByComparingTo("12.00");
        assertThat(created.totalCharges()).isEqualTo(10);
        List<LoggedRequest> posts = wireMock.findAll(postRequestedFor(urlEqualTo("/v3/recurring-payment")));
        assertThat(posts).hasSize(1);
        String expected = "{\"amount\":1200,\"countryCode\":\"60\",\"currency\":\"MYR\",\"email\":\"oska.ng@example.com\","
                + "\"name\":\"Oska Ng\",\"notifyUrl\":\"https://gateway.example.com/webhooks/revenue-monster\","
                + "\"phoneNumber\":\"187824152\",\"productDescription\":\"Fresh \\u003cgreens\\u003e \\u0026 more\",\"productName\":\"Some Product Name\","
                + "\"recurringInterval\":\"WEEKLY\",\"recurringRepetition\":10,\"recurringTarget\":\"1\","
                + "\"redirectUrl\":\"https://shop.example.com/done?a=1\\u0026b=2\",\"storeId\":\"1602660043994159611\"}";
        assertSigned(posts.get(0), "post", "tok-1", expected);
    }

    @Test
    void toggleIsASignedPutWithoutBody() throws Exception {
        wireMock.stubFor(put("/v3/customer/" + CUSTOMER_ID + "/status").willReturn(okJson(customer(false))));

        Customer toggled = await(connector.toggleCustomerStatus(CUSTOMER_ID));

        assertThat(toggled.active()).isFalse();
        List<LoggedRequest> puts = wireMock.findAll(putRequestedFor(urlEqualTo("/v3/customer/" + CUSTOMER_ID + "/status")));
        assertThat(puts).hasSize(1);
        assertSigned(puts.get(0), "put", "tok-1", null);
    }

    @Test
    void subscriptionCountsSuccessfulChargesAcrossCursorPages() throws Exception {
        wireMock.stubFor(get("/v3/customer/" + CUSTOMER_ID).willReturn(okJson(customer(true))));
        wireMock.stubFor(get(urlEqualTo("/v3/customer/" + CUSTOMER_ID + "/orders")).willReturn(okJson("""
                {"items":[{"id":"1","status":"SUCCESS","amount":1200,"currency":"MYR"},{"id":"2","status":"FAILED","amount":1200,"currency":"MYR"}],
                 "code":"SUCCESS","meta":{"cursor":"Cg0+/=x"}}""")));
        wireMock.stubFor(get(urlEqualTo("/v3/customer/" + CUSTOMER_ID + "/orders?cursor=Cg0%2B%2F%3Dx")).willReturn(okJson("""
                {"items":[{"id":"3","status":"SUCCESS","amount":1200,"currency":"MYR"}],"code":"SUCCESS","meta":{}}""")));

        Subscription subscription = await(connector.fetchSubscription(CUSTOMER_ID));

        assertThat(subscription.timesCharged()).isEqualTo(2);
        assertThat(subscription.status()).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(subscription.interval().unit()).isEqualTo(IntervalUnit.WEEK);
        assertThat(subscription.nextChargeDate()).isNotNull();
        LoggedRequest second = wireMock.findAll(getRequestedFor(urlPathEqualTo("/v3/customer/" + CUSTOMER_ID + "/orders"))).stream()
                .filter(r -> r.getUrl().contains("cursor")).findFirst().orElseThrow();
        assertSigned(second, "get", "tok-1", null);
    }

    @Test
    void errorEnvelopeOnHttp200IsRejectedWithProviderCodeAndWithoutDebug() {
        wireMock.stubFor(put("/v3/customer/" + CUSTOMER_ID + "/status").willReturn(okJson(
                "{\"error\":{\"code\":\"INVALID_REQUEST_SIGNATURE\",\"message\":\"The request signature is invalid\",\"debug\":\"step1 SECRET-DEBUG\"},"
                        + "\"debug\":{\"preVerifyContent\":\"SECRET-DEBUG\"}}")));

        assertThatThrownBy(() -> await(connector.toggleCustomerStatus(CUSTOMER_ID)))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_REJECTED);
                    assertThat(e.provider()).isEqualTo(Provider.REVENUE_MONSTER);
                    assertThat(e.providerCode()).isEqualTo("INVALID_REQUEST_SIGNATURE");
                    assertThat(e.providerMessage()).isEqualTo("The request signature is invalid");
                    assertThat(e.getMessage()).doesNotContain("SECRET-DEBUG");
                    assertThat(e.extensions().toString()).doesNotContain("SECRET-DEBUG");
                });
    }

    @Test
    void unknownCustomerIsNotFound() {
        wireMock.stubFor(get("/v3/customer/404").willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":\"ACCOUNT_NOT_FOUND\",\"message\":\"Account does not exist\"}}")));

        assertThatThrownBy(() -> await(connector.fetchCustomer("404")))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.code()).as(e.getMessage() + " / " + e.getCause()).isEqualTo(ErrorCode.NOT_FOUND);
                    assertThat(e.providerCode()).isEqualTo("ACCOUNT_NOT_FOUND");
                });
        assertThat(wireMock.findAll(getRequestedFor(urlEqualTo("/v3/customer/404")))).hasSize(1); // a "no" is not retried
    }

    @Test
    void serverErrorsAreRetriedOnReadsButNeverOnTheToggle() {
        wireMock.stubFor(get("/v3/customer/" + CUSTOMER_ID).willReturn(aResponse().withStatus(500)
                .withBody("{\"error\":{\"code\":\"INTERNAL_ERROR\",\"message\":\"Internal error\"}}")));
        wireMock.stubFor(put("/v3/customer/" + CUSTOMER_ID + "/status").willReturn(aResponse().withStatus(502)));

        assertThatThrownBy(() -> await(connector.fetchCustomer(CUSTOMER_ID)))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE));
        assertThat(wireMock.findAll(getRequestedFor(urlEqualTo("/v3/customer/" + CUSTOMER_ID)))).hasSize(3);

        assertThatThrownBy(() -> await(connector.toggleCustomerStatus(CUSTOMER_ID)))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.OUTCOME_UNKNOWN));
        assertThat(wireMock.findAll(putRequestedFor(urlEqualTo("/v3/customer/" + CUSTOMER_ID + "/status")))).hasSize(1);
    }

    @Test
    void rateLimitOnTheToggleMeansNothingWasApplied() {
        wireMock.stubFor(put("/v3/customer/" + CUSTOMER_ID + "/status").willReturn(aResponse().withStatus(429)
                .withBody("{\"error\":{\"code\":\"TOO_MANY_REQUEST_PER_SECOND\",\"message\":\"Reached maximum request limit per second\"}}")));

        assertThatThrownBy(() -> await(connector.toggleCustomerStatus(CUSTOMER_ID)))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
                    assertThat(e.retryable()).isTrue();
                });
    }

    @Test
    void toggleThatTimesOutOrLosesItsConnectionHasAnUnknownOutcomeAndIsSentOnce() {
        wireMock.stubFor(put("/v3/customer/" + CUSTOMER_ID + "/status").willReturn(okJson(customer(false)).withFixedDelay(6500)));

        assertThatThrownBy(() -> await(connector.toggleCustomerStatus(CUSTOMER_ID)))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.OUTCOME_UNKNOWN));
        assertThat(wireMock.findAll(putRequestedFor(urlEqualTo("/v3/customer/" + CUSTOMER_ID + "/status")))).hasSize(1);

        wireMock.resetRequests();
        wireMock.stubFor(put("/v3/customer/" + CUSTOMER_ID + "/status").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertThatThrownBy(() -> await(connector.toggleCustomerStatus(CUSTOMER_ID)))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.OUTCOME_UNKNOWN));
        assertThat(wireMock.findAll(putRequestedFor(urlEqualTo("/v3/customer/" + CUSTOMER_ID + "/status")))).hasSize(1);
    }

    @Test
    void after401TheTokenIsFetchedAgainOnceAndTheCallRepeatedOnce() throws Exception {
        wireMock.stubFor(post("/v1/token").inScenario("token").whenScenarioStateIs(Scenario.STARTED)
                .withRequestBody(equalTo("{\"grantType\":\"client_credentials\"}"))
                .willReturn(okJson(token("tok-1", "ref-1", 2591999))).willSetStateTo("second"));
        wireMock.stubFor(post("/v1/token").inScenario("token").whenScenarioStateIs("second")
                .withRequestBody(equalTo("{\"grantType\":\"client_credentials\"}"))
                .willReturn(okJson(token("tok-2", "ref-2", 2591999))));
        wireMock.stubFor(get("/v3/customer/" + CUSTOMER_ID).withHeader("Authorization", equalTo("Bearer tok-1"))
                .willReturn(aResponse().withStatus(401).withBody("{\"error\":{\"code\":\"TOKEN_EXPIRED\",\"message\":\"Invalid or expired token\"}}")));
        wireMock.stubFor(get("/v3/customer/" + CUSTOMER_ID).withHeader("Authorization", equalTo("Bearer tok-2"))
                .willReturn(okJson(customer(true))));

        assertThat(await(connector.fetchCustomer(CUSTOMER_ID)).active()).isTrue();

        assertThat(wireMock.findAll(postRequestedFor(urlEqualTo("/v1/token")))).hasSize(2);
        List<LoggedRequest> gets = wireMock.findAll(getRequestedFor(urlEqualTo("/v3/customer/" + CUSTOMER_ID)));
        assertThat(gets).hasSize(2);
        assertSigned(gets.get(1), "get", "tok-2", null);
        assertThat(gets.get(1).getHeader("X-Nonce-Str")).isNotEqualTo(gets.get(0).getHeader("X-Nonce-Str"));
    }

    @Test
    void a401ForTheToggleIsRepeatedOnceOnlyThenReported() {
        wireMock.stubFor(put("/v3/customer/" + CUSTOMER_ID + "/status").willReturn(aResponse().withStatus(401)
                .withBody("{\"error\":{\"code\":\"TOKEN_INVALID\",\"message\":\"Unable to verify your credentials\"}}")));

        assertThatThrownBy(() -> await(connector.toggleCustomerStatus(CUSTOMER_ID)))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_REJECTED);
                    assertThat(e.providerCode()).isEqualTo("TOKEN_INVALID");
                });
        assertThat(wireMock.findAll(putRequestedFor(urlEqualTo("/v3/customer/" + CUSTOMER_ID + "/status")))).hasSize(2);
        assertThat(wireMock.findAll(postRequestedFor(urlEqualTo("/v1/token")))).hasSize(2);
    }

    @Test
    void concurrentCallsShareOneTokenRequest() {
        wireMock.stubFor(post("/v1/token").willReturn(okJson(token("tok-1", "ref-1", 2591999)).withFixedDelay(400)));
        wireMock.stubFor(get("/v3/customer/" + CUSTOMER_ID).willReturn(okJson(customer(true))));

        List<Uni<Customer>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(connector.fetchCustomer(CUSTOMER_ID));
        }
        List<Customer> customers = await(Uni.join().all(calls).andFailFast());

        assertThat(customers).hasSize(8);
        assertThat(wireMock.findAll(postRequestedFor(urlEqualTo("/v1/token")))).hasSize(1);
        assertThat(wireMock.findAll(getRequestedFor(urlEqualTo("/v3/customer/" + CUSTOMER_ID)))).hasSize(8);
    }

    @Test
    void anExpiringTokenIsRenewedWithTheRefreshToken() throws Exception {
        wireMock.stubFor(post("/v1/token").withRequestBody(equalTo("{\"grantType\":\"client_credentials\"}"))
                .willReturn(okJson(token("tok-1", "ref-1", 2))));
        wireMock.stubFor(post("/v1/token").withHeader("Authorization", equalTo(BASIC))
                .withRequestBody(equalTo("{\"grantType\":\"refresh_token\",\"refreshToken\":\"ref-1\"}"))
                .willReturn(okJson(token("tok-2", "ref-2", 2591999))));
        wireMock.stubFor(get("/v3/customer/" + CUSTOMER_ID).willReturn(okJson(customer(true))));

        await(connector.fetchCustomer(CUSTOMER_ID));
        await(connector.fetchCustomer(CUSTOMER_ID)); // still valid: no new token
        assertThat(wireMock.findAll(postRequestedFor(urlEqualTo("/v1/token")))).hasSize(1);
        Thread.sleep(1300); // expiresIn 2 s, renewed 1 s ahead
        await(connector.fetchCustomer(CUSTOMER_ID));

        List<LoggedRequest> tokenRequests = wireMock.findAll(postRequestedFor(urlEqualTo("/v1/token")));
        assertThat(tokenRequests).hasSize(2);
        assertThat(tokenRequests.get(1).getBodyAsString()).isEqualTo("{\"grantType\":\"refresh_token\",\"refreshToken\":\"ref-1\"}");
        List<LoggedRequest> gets = wireMock.findAll(getRequestedFor(urlEqualTo("/v3/customer/" + CUSTOMER_ID)));
        assertSigned(gets.get(2), "get", "tok-2", null);
    }

    @Test
    void invalidCreateInputSendsNothing() {
        CreateSubscriptionInput badTarget = RevenueMonsterMappingTest.input(IntervalUnit.MONTH, "29");
        assertThatThrownBy(() -> connector.validateCreate(badTarget))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION);
                    assertThat(e.field()).isEqualTo("input.revenueMonster.recurringTarget");
                });
        assertThatThrownBy(() -> await(connector.createSubscription(badTarget))).isInstanceOf(GatewayException.class);
        CreateSubscriptionInput dollars = RevenueMonsterMappingTest.input(IntervalUnit.WEEK, "1");
        dollars.amount.currency = "USD";
        assertThatThrownBy(() -> await(connector.createSubscription(dollars)))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.field()).isEqualTo("input.amount.currency"));

        wireMock.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void capabilitiesFollowWhatRevenueMonsterOffers() {
        ProviderCapabilities capabilities = registry.capabilities(Provider.REVENUE_MONSTER);
        assertThat(capabilities.toggleCustomerStatus()).isEqualTo(Support.NATIVE);
        assertThat(capabilities.createSubscription()).isEqualTo(Support.NATIVE);
        assertThat(capabilities.updateSubscription()).isEqualTo(Support.UNSUPPORTED);
        assertThat(capabilities.updatableFields()).isEmpty();
        assertThat(capabilities.cancelSubscription()).isEqualTo(Support.EMULATED);
        assertThat(capabilities.listCustomers()).isEqualTo(Support.EMULATED);
        assertThatThrownBy(() -> registry.require(Provider.REVENUE_MONSTER, UpdateSubscription.class, "updateSubscription", null))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_BY_PROVIDER));
        wireMock.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void cancelReadsFirstAndDeactivatesOnlyAnActiveCustomer() {
        wireMock.stubFor(get(urlPathEqualTo("/v3/customer/" + CUSTOMER_ID + "/orders")).willReturn(okJson("{\"items\":[],\"code\":\"SUCCESS\",\"meta\":{}}")));
        wireMock.stubFor(get("/v3/customer/" + CUSTOMER_ID).willReturn(okJson(customer(true))));
        wireMock.stubFor(put("/v3/customer/" + CUSTOMER_ID + "/status").willReturn(okJson(
                customer(true).replace("\"isActive\":true", "\"isActive\":false"))));
        Subscription current = await(connector.fetchSubscription(CUSTOMER_ID));

        Subscription canceled = await(connector.cancelSubscription(current));

        assertThat(canceled.status()).isEqualTo(SubscriptionStatus.INACTIVE);
        assertThat(wireMock.findAll(putRequestedFor(urlEqualTo("/v3/customer/" + CUSTOMER_ID + "/status")))).hasSize(1);

        wireMock.resetRequests();
        wireMock.stubFor(get("/v3/customer/" + CUSTOMER_ID).willReturn(okJson(
                customer(true).replace("\"isActive\":true", "\"isActive\":false"))));
        assertThat(await(connector.cancelSubscription(current)).status()).isEqualTo(SubscriptionStatus.INACTIVE);
        assertThat(wireMock.findAll(putRequestedFor(anyUrl()))).isEmpty();
    }

    // --- notify

    static WebhookRequest notify(String body, Map<String, String> headers) {
        Map<String, List<String>> lower = new HashMap<>();
        headers.forEach((k, v) -> lower.put(k.toLowerCase(), List.of(v)));
        return new WebhookRequest("POST", "/webhooks/revenue-monster", lower, body.getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, String> signed(String body, PrivateKey key) throws Exception {
        String canonical = RevenueMonsterAuthCanonicalJson.of(new com.fasterxml.jackson.databind.ObjectMapper().readTree(body));
        String nonce = "NONCE0123456789NONCE0123456789AB";
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        String plain = "data=" + Base64.getEncoder().encodeToString(canonical.getBytes(StandardCharsets.UTF_8))
                + "&method=post&nonceStr=" + nonce + "&signType=sha256&timestamp=" + timestamp;
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(key);
        signer.update(plain.getBytes(StandardCharsets.UTF_8));
        return Map.of("X-Signature", "sha256 " + Base64.getEncoder().encodeToString(signer.sign()), "X-Nonce-Str", nonce,
                "X-Timestamp", timestamp);
    }

    static final String NOTIFY = """
            {"eventType":"RECURRING_PAYMENT","data":{"amount":1200,"currency":"MYR","countryCode":"60","phoneNumber":"187824152",
             "customerId":"1671703158559365205","email":"oska.ng@revenuemonster.my","name":"Oska Ng","merchantId":"4118165203679668885",
             "storeId":"1602660043994159611","orderId":"1667543550109431228","status":"SUCCESS",
             "createdAt":"2022-11-04T06:32:30Z","updatedAt":"2022-11-04T06:32:52Z"}}""";

    @Test
    void notifySignedWithTheServerKeyIsVerifiedWithoutRequestUrl() throws Exception {
        VerifiedWebhook verified = webhooks.verifyWebhook(notify(NOTIFY, signed(NOTIFY, serverPrivateKey)));

        assertThat(verified.eventType()).isEqualTo("RECURRING_PAYMENT");
        assertThat(verified.dedupKey()).isEqualTo("RECURRING_PAYMENT:order:1667543550109431228");
        assertThat(verified.affected()).containsExactly(
                new VerifiedWebhook.ObjectRef(VerifiedWebhook.Kind.CUSTOMER, CUSTOMER_ID),
                new VerifiedWebhook.ObjectRef(VerifiedWebhook.Kind.SUBSCRIPTION, CUSTOMER_ID));
        wireMock.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void notifyWithMissingOrWrongSignatureIsUnauthenticated() throws Exception {
        Map<String, String> headers = signed(NOTIFY, serverPrivateKey);
        String tampered = NOTIFY.replace("\"amount\":1200", "\"amount\":1");
        assertUnauthenticated(notify(tampered, headers));
        assertUnauthenticated(notify(NOTIFY, Map.of()));
        Map<String, String> otherKey = signed(NOTIFY, RevenueMonsterAuthKeys.privateKey(
                dev.billinggateway.provider.revenuemonster.sandbox.RevenueMonsterDemoData.MERCHANT_PRIVATE_KEY_PEM));
        assertUnauthenticated(notify(NOTIFY, otherKey));
    }

    private void assertUnauthenticated(WebhookRequest request) {
        assertThatThrownBy(() -> webhooks.verifyWebhook(request))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHENTICATED));
    }

    // --- the connector test kit (ConnectorContract): Revenue Monster's answers and expectations

    @Override
    protected Provider provider() {
        return Provider.REVENUE_MONSTER;
    }

    @Override
    protected WireMockServer providerServer() {
        return wireMock;
    }

    /** The token request carries the client's Basic credentials; every API call a bearer token and a signature that verifies. */
    @Override
    protected void assertAuthenticated(LoggedRequest request) throws Exception {
        if (request.getUrl().equals("/v1/token")) {
            assertThat(request.getHeader("Authorization")).isEqualTo(BASIC);
            return;
        }
        String body = request.getBodyAsString();
        assertSigned(request, request.getMethod().getName().toLowerCase(java.util.Locale.ROOT), "tok-1", body.isEmpty() ? null : body);
    }

    @Override
    protected List<String> secrets() {
        return List.of(RevenueMonsterWireMockResource.CLIENT_SECRET, "tok-1", "ref-1");
    }

    void stubCustomerWithoutCharges() {
        wireMock.stubFor(get("/v3/customer/" + CUSTOMER_ID).willReturn(okJson(customer(true))));
        wireMock.stubFor(get(urlPathEqualTo("/v3/customer/" + CUSTOMER_ID + "/orders"))
                .willReturn(okJson("{\"items\":[],\"code\":\"SUCCESS\",\"meta\":{}}")));
    }

    @Override
    protected String stubFetchedSubscription() {
        stubCustomerWithoutCharges();
        return CUSTOMER_ID; // a Revenue Monster recurring customer is its subscription
    }

    @Override
    protected void assertFetchedSubscription(Subscription s) {
        assertThat(s.providerCustomerId()).isEqualTo(CUSTOMER_ID);
        assertThat(s.amount().amount()).isEqualByComparingTo("12.00");
        assertThat(s.amount().currency()).isEqualTo("MYR");
        assertThat(s.interval().unit()).isEqualTo(IntervalUnit.WEEK);
        assertThat(s.status()).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(s.timesCharged()).isZero();
    }

    @Override
    protected String stubFetchedCustomer() {
        wireMock.stubFor(get("/v3/customer/" + CUSTOMER_ID).willReturn(okJson(customer(true))));
        return CUSTOMER_ID;
    }

    @Override
    protected void assertFetchedCustomer(Customer customer) {
        assertThat(customer.email()).isEqualTo("oska.ng@revenuemonster.my");
        assertThat(customer.active()).isTrue();
        assertThat(customer.paymentMethod().last4()).isEqualTo("1111");
    }

    @Override
    protected Listed stubListed() {
        // Revenue Monster lists neither customers nor subscriptions: only what one customer has
        stubCustomerWithoutCharges();
        return Listed.subscriptionsOf(CUSTOMER_ID);
    }

    @Override
    protected void assertListed(ProviderPage<?> page) {
        assertThat(page.items()).extracting(s -> ((Subscription) s).providerSubscriptionId()).containsExactly(CUSTOMER_ID);
    }

    @Override
    protected String stubUnknownSubscription() {
        wireMock.stubFor(get("/v3/customer/404").willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":\"ACCOUNT_NOT_FOUND\",\"message\":\"Account does not exist\"}}")));
        return "404";
    }

    @Override
    protected ExpectedError stubRejectedSubscriptionRead() {
        wireMock.stubFor(get("/v3/customer/" + CUSTOMER_ID).willReturn(okJson(
                "{\"error\":{\"code\":\"INVALID_REQUEST_SIGNATURE\",\"message\":\"The request signature is invalid\"}}")));
        return new ExpectedError(CUSTOMER_ID, ErrorCode.PROVIDER_REJECTED, "INVALID_REQUEST_SIGNATURE");
    }

    @Override
    protected WebhookRequest genuineWebhook() {
        try {
            return notify(NOTIFY, signed(NOTIFY, serverPrivateKey));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Override
    protected WebhookRequest unsignedWebhook() {
        return notify(NOTIFY, Map.of());
    }

    @Override
    protected VerifiedWebhook.ObjectRef webhookObject() {
        return new VerifiedWebhook.ObjectRef(VerifiedWebhook.Kind.SUBSCRIPTION, CUSTOMER_ID);
    }

    @Override
    protected InvalidInput invalidCreate() {
        // Revenue Monster's own rule: a monthly target is a day of the month it can charge on (1-28)
        return new InvalidInput(RevenueMonsterMappingTest.input(IntervalUnit.MONTH, "29"), "input.revenueMonster.recurringTarget");
    }
}
