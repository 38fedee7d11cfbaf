package dev.billinggateway.observability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.billinggateway.domain.Provider;
import dev.billinggateway.provider.hitpay.sandbox.HitPaySandboxData;
import dev.billinggateway.provider.monri.MonriAuth;
import dev.billinggateway.provider.monri.sandbox.MonriSandboxData;
import dev.billinggateway.provider.revenuemonster.sandbox.RevenueMonsterSandbox;
import dev.billinggateway.sandbox.SandboxFaults;
import dev.billinggateway.sandbox.SandboxFaults.Fault;
import dev.billinggateway.sandbox.SandboxFaults.Mode;
import dev.billinggateway.testsupport.Await;
import dev.billinggateway.testsupport.Gql;
import dev.billinggateway.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * After the example operations and one signed webhook per provider, {@code /q/metrics} has the gateway's series
 * with the values the operations produced (read as differences, since other tests share the process), and the
 * health checks name each provider without one provider's outage failing readiness.
 */
@QuarkusTest
@TestProfile(ObservabilityProfile.class)
@QuarkusTestResource(PostgresTestResource.class)
class MetricsAndHealthTest {

    static final String CREATE = """
            mutation($input: CreateSubscriptionInput!, $key: String) { createSubscription(input: $input, idempotencyKey: $key) { id } }""";

    @Inject
    SandboxFaults faults;

    @Inject
    CircuitBreakerMaintenance circuits;

    @Inject
    RevenueMonsterSandbox revenueMonster;

    @Inject
    BacklogGauges backlog;

    @BeforeEach
    @AfterEach
    void clean() {
        faults.clear();
        circuits.resetAll();
    }

    @Test
    void operationsShowAsSeriesPerProviderOperationAndOutcome() {
        Gql.post("{ subscriptions(first: 50) { nodes { id } } }").statusCode(200); // links in place
        Metrics before = Metrics.scrape();

        Gql.post("query Everything { subscriptions(first: 50) { nodes { id provider } } }").statusCode(200).body("errors", nullValue());
        Gql.post("{ subscription(id: \"sub_unknown\") { id } }").statusCode(200).body("errors[0].extensions.code", is("NOT_FOUND"));
        String key = "metrics-" + UUID.randomUUID();
        Map<String, Object> input = createInput("19.90");
        Gql.post(CREATE, Map.of("input", input, "key", key)).statusCode(200).body("errors", nullValue());
        Gql.post(CREATE, Map.of("input", input, "key", key)).statusCode(200).body("errors", nullValue());
        Gql.post(CREATE, Map.of("input", createInput("29.90"), "key", key)).statusCode(200)
                .body("errors[0].extensions.code", is("IDEMPOTENCY_CONFLICT"));

        Metrics after = Metrics.scrape();
        String calls = "gateway_provider_calls_seconds_count";
        assertThat(delta(before, after, calls, "provider", "HITPAY", "operation", "listSubscriptions", "outcome", "OK"))
                .isGreaterThanOrEqualTo(1);
        assertThat(delta(before, after, calls, "provider", "MONRI", "operation", "fetchSubscription", "outcome", "OK"))
                .isGreaterThanOrEqualTo(1);
        assertThat(delta(before, after, calls, "provider", "REVENUE_MONSTER", "operation", "fetchSubscription", "outcome", "OK"))
                .isGreaterThanOrEqualTo(1);
        assertThat(delta(before, after, calls, "provider", "HITPAY", "operation", "createSubscription", "outcome", "OK"))
                .as("one create reached HitPay: the replay and the conflict did not").isEqualTo(1);
        assertThat(after.has("gateway_provider_calls_seconds_bucket", "provider", "HITPAY", "operation", "createSubscription",
                "outcome", "OK", "le", "15.0")).as("latency histogram").isTrue();
        assertThat(delta(before, after, "gateway_mutations_total", "operation", "createSubscription", "outcome", "SUCCEEDED",
                "provider", "HITPAY")).isEqualTo(1);
        assertThat(delta(before, after, "gateway_idempotency_total", "operation", "createSubscription", "result", "replayed"))
                .isEqualTo(1);
        assertThat(delta(before, after, "gateway_idempotency_total", "operation", "createSubscription", "result", "conflict"))
                .isEqualTo(1);
        assertThat(delta(before, after, "gateway_graphql_requests_total", "type", "query", "code", "OK")).isGreaterThanOrEqualTo(1);
        assertThat(delta(before, after, "gateway_graphql_requests_total", "type", "query", "code", "NOT_FOUND")).isEqualTo(1);
        assertThat(delta(before, after, "gateway_graphql_requests_total", "type", "mutation", "code", "IDEMPOTENCY_CONFLICT"))
                .isEqualTo(1);
        for (Provider p : Provider.values()) {
            assertThat(after.value("gateway_provider_circuit_state", "provider", p.name())).as("circuit of %s", p).isEqualTo(0);
            assertThat(after.has("gateway_provider_circuit_state", "provider", p.name())).isTrue();
        }
    }

    @Test
    void oneSignedWebhookPerProviderIsCountedStoredAndProcessed() throws Exception {
        Metrics before = Metrics.scrape();
        // HitPay: a JSON event signed with the sandbox's salt
        String hitpay = "{\"id\":\"evt-metrics-" + UUID.randomUUID() + "\",\"object\":\"recurring_billing\",\"status\":\"active\"}";
        for (int i = 0; i < 2; i++) {
            given().contentType(ContentType.JSON).header("Hitpay-Signature", hmac(HitPaySandboxData.WEBHOOK_SALT, hitpay))
                    .header("Hitpay-Event-Type", "updated").header("Hitpay-Event-Object", "recurring_billing")
                    .body(hitpay).post("/webhooks/hitpay").then().statusCode(200);
        }
        // Monri: a callback with the merchant key's digest
        String monri = "{\"event\":\"transaction:purchase:approved\",\"payload\":{\"id\":" + System.nanoTime()
                + ",\"order_number\":\"sub-54\",\"status\":\"approved\",\"response_code\":\"0000\",\"customer_subscription_id\":"
                + MonriSandboxData.CS_ACTIVE + "}}";
        for (int i = 0; i < 2; i++) {
            given().contentType("application/json").body(monri.getBytes(StandardCharsets.UTF_8))
                    .header("Authorization", "WP3-callback " + MonriAuth.callbackDigest(MonriSandboxData.MERCHANT_KEY,
                            monri.getBytes(StandardCharsets.UTF_8)))
                    .post("/webhooks/monri").then().statusCode(200);
        }
        // Revenue Monster: a notify signed with the sandbox's server key
        String rm = """
                {"eventType":"RECURRING_PAYMENT","data":{"amount":1200,"currency":"MYR","countryCode":"60","phoneNumber":"123456789",
                 "customerId":"1668148680519476516","email":"x@example.com","name":"X","merchantId":"4118165203679668885",
                 "storeId":"1602660043994159611","orderId":"ORD-%s","status":"SUCCESS","createdAt":"2025-03-01T00:00:07Z",
                 "updatedAt":"2025-03-01T00:00:09Z"}}""".formatted(UUID.randomUUID());
        Map<String, String> headers = revenueMonster.signNotify(rm, "post",
                "N" + UUID.randomUUID().toString().replace("-", "").substring(0, 31), Instant.now().getEpochSecond());
        for (int i = 0; i < 2; i++) {
            given().contentType(ContentType.JSON).headers(headers).body(rm).post("/webhooks/revenue-monster").then().statusCode(200);
        }
        // and an unsigned one
        given().contentType(ContentType.JSON).body(hitpay).post("/webhooks/hitpay").then().statusCode(401);

        for (Provider p : Provider.values()) {
            Await.until("webhook of " + p + " processed or failed", () -> {
                Metrics now = Metrics.scrape();
                return delta(before, now, "gateway_webhooks_total", "provider", p.name(), "event", "processed")
                        + delta(before, now, "gateway_webhooks_total", "provider", p.name(), "event", "failed") >= 1;
            }, Duration.ofSeconds(30));
        }
        backlog.refresh().await().atMost(Duration.ofSeconds(10));
        Metrics after = Metrics.scrape();
        for (Provider p : Provider.values()) {
            assertThat(delta(before, after, "gateway_webhooks_total", "provider", p.name(), "event", "stored")).as("%s stored", p)
                    .isEqualTo(1);
            assertThat(delta(before, after, "gateway_webhooks_total", "provider", p.name(), "event", "duplicate"))
                    .as("%s duplicate", p).isEqualTo(1);
        }
        assertThat(delta(before, after, "gateway_webhooks_total", "provider", "HITPAY", "event", "refused")).isEqualTo(1);
        assertThat(after.has("gateway_webhooks_backlog")).isTrue();
        assertThat(after.has("gateway_mutations_unsettled")).isTrue();
    }

    @Test
    void aProviderOutageOpensItsCircuitShowsInItsHealthCheckAndLeavesReadinessUp() {
        Gql.post("{ subscriptions(first: 50, filter: {provider: MONRI}) { nodes { id } } }").statusCode(200); // snapshots in place
        Metrics before = Metrics.scrape();
        faults.set(Provider.MONRI, new Fault(Mode.ERROR, 0));
        Await.until("Monri's circuit open", () -> {
            Gql.post("{ subscriptions(first: 50, filter: {provider: MONRI}) { nodes { id stale } } }").statusCode(200);
            return Metrics.scrape().value("gateway_provider_circuit_state", "provider", "MONRI") == 2;
        }, Duration.ofSeconds(30));
        Metrics after = Metrics.scrape();
        assertThat(delta(before, after, "gateway_snapshots_stale_served_total", "provider", "MONRI")).isGreaterThanOrEqualTo(1);
        assertThat(delta(before, after, "gateway_provider_calls_seconds_count", "provider", "MONRI", "operation", "fetchSubscription",
                "outcome", "PROVIDER_UNAVAILABLE")).isGreaterThanOrEqualTo(1);

        given().get("/q/health/ready").then().statusCode(200).body("status", is("UP"))
                .body("checks.name", hasItems("database-migrations"));
        given().get("/q/health/group/providers").then().statusCode(503)
                .body("checks.find { it.name == 'provider-monri' }.status", is("DOWN"))
                .body("checks.find { it.name == 'provider-monri' }.data.circuit", is("OPEN"))
                .body("checks.find { it.name == 'provider-monri' }.data.lastErrorCode", is("PROVIDER_UNAVAILABLE"))
                .body("checks.find { it.name == 'provider-hitpay' }.status", is("UP"))
                .body("checks.find { it.name == 'provider-revenue-monster' }.status", is("UP"));
        given().get("/q/health").then().body("checks.name",
                hasItems("provider-hitpay", "provider-monri", "provider-revenue-monster", "database-migrations"));
        given().get("/q/health/live").then().statusCode(200);
    }

    static Map<String, Object> createInput(String amount) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("provider", "HITPAY");
        input.put("customer", Map.of("email", "metrics@example.com"));
        input.put("productName", "Plan");
        input.put("amount", Map.of("amount", amount, "currency", "SGD"));
        input.put("interval", Map.of("unit", "MONTH", "count", 1));
        return input;
    }

    private static double delta(Metrics before, Metrics after, String name, String... labels) {
        return after.value(name, labels) - before.value(name, labels);
    }


    private static String hmac(String salt, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(salt.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
