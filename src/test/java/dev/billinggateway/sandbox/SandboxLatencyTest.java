package dev.billinggateway.sandbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.billinggateway.domain.Provider;
import dev.billinggateway.provider.revenuemonster.sandbox.RevenueMonsterDemoData;
import dev.billinggateway.testsupport.Gql;
import dev.billinggateway.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * With a simulated latency (the benchmark's setting) requests that carry a body still reach the sandbox's
 * handlers: the body used to be read only after the latency timer, by when it had gone by and the request hung.
 */
@QuarkusTest
@TestProfile(SandboxLatencyTest.Latency.class)
@QuarkusTestResource(PostgresTestResource.class)
class SandboxLatencyTest {

    public static class Latency implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.sandbox.latency", "60ms");
        }
    }

    @Inject
    SandboxServer server;

    @Test
    void aPostWithABodyIsAnsweredAfterTheLatency() {
        String base = server.baseUrl(Provider.REVENUE_MONSTER).orElseThrow();
        long t0 = System.nanoTime();
        given().baseUri(base).auth().preemptive().basic(RevenueMonsterDemoData.CLIENT_ID, RevenueMonsterDemoData.CLIENT_SECRET)
                .contentType(ContentType.JSON).body("{\"grantType\":\"client_credentials\"}")
                .when().post("/v1/token")
                .then().statusCode(200).body("accessToken", notNullValue());
        assertThat((System.nanoTime() - t0) / 1_000_000).as("elapsed ms").isBetween(60L, 5_000L);
    }

    @Test
    void aSubscriptionIsCreatedThroughTheGatewayWithLatency() {
        String email = "latency-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Gql.post("mutation($input: CreateSubscriptionInput!) { createSubscription(input: $input) { provider status customer { email } } }",
                Map.of("input", Map.of("provider", "HITPAY", "customer", Map.of("email", email, "name", "Ana"),
                        "productName", "Premium", "amount", Map.of("amount", "9.90", "currency", "SGD"),
                        "interval", Map.of("unit", "MONTH", "count", 1))))
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.createSubscription.provider", is("HITPAY"))
                .body("data.createSubscription.customer.email", is(email));
    }
}
