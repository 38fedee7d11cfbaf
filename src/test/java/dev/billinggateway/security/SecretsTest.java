package dev.billinggateway.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.billinggateway.testsupport.Await;
import dev.billinggateway.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The gateway runs with known provider secrets ({@link KnownSecrets}, set by {@link SecurityProfile});
 * after successful and failing operations none of them, nor a client's bearer token, appears in the
 * captured log output (start-up included), in a response, or in the database's audit and webhook tables.
 */
@QuarkusTest
@TestProfile(SecurityProfile.class)
@QuarkusTestResource(PostgresTestResource.class)
class SecretsTest {

    @Inject
    Pool pool;

    static final List<String> OPERATOR_LOGGERS = List.of("dev.billinggateway.provider-calls", "dev.billinggateway.mutations",
            "dev.billinggateway.webhooks", "dev.billinggateway.circuit");

    final List<String> responses = new ArrayList<>();

    @Test
    void noSecretIsLoggedReturnedOrStored() throws Exception {
        LogCapture.install();
        long sentBefore = Effects.PROVIDER_REQUESTS.get();
        String writer = Tokens.writer();
        String reader = Tokens.reader();

        // successful operations (HitPay keeps its sandbox API key, so its calls succeed)
        keep(Api.post(reader, "{ providers { provider enabled sandbox healthy } }").statusCode(200));
        keep(Api.post(reader, "{ customers(first: 20) { nodes { id email } } subscriptions(first: 20) { nodes { id status } } }")
                .statusCode(200));
        keep(Api.as(reader).get("/graphql/schema.graphql").then().statusCode(200));
        Map<String, Object> hitpay = HostileInputTest.createInput("HITPAY", "19.90", "SGD", "MONTH");
        hitpay.put("customer", Map.of("email", "secrets-" + java.util.UUID.randomUUID() + "@example.com"));
        keep(Api.post(writer, HostileInputTest.CREATE, Map.of("input", hitpay)).statusCode(200)
                .body("errors", org.hamcrest.Matchers.nullValue()));

        // operations that reach the providers with the configured (wrong for the sandbox) credentials, or fail before
        for (String provider : List.of("HITPAY", "MONRI", "REVENUE_MONSTER")) {
            Map<String, Object> input = HostileInputTest.createInput(provider, "12.00", currency(provider), "MONTH");
            keep(Api.post(writer, HostileInputTest.CREATE, Map.of("input", input)).statusCode(200));
            keep(Api.post(writer, "mutation($p: Provider!) { linkCustomer(provider: $p, providerCustomerId: \"cus-secret-test\") { id } }",
                    Map.of("p", provider)).statusCode(200));
        }
        keep(Api.post(writer, "mutation { toggleCustomerStatus(id: \"cus_unknown\") { id } }"));
        keep(Api.post(writer, "mutation { cancelSubscription(id: \"sub_unknown\") { id } }"));

        // refused callers
        keep(Api.post(Tokens.expired(), "{ providers { provider } }").statusCode(401));
        keep(Api.post("garbage", "{ providers { provider } }").statusCode(401));
        keep(Api.post(Tokens.token("nobody@billing.example", Set.of()), "{ providers { provider } }").statusCode(403));

        // webhooks: unsigned, wrongly signed, and signed with the configured HitPay salt
        String event = "{\"id\":\"evt-secret-test\",\"object\":\"recurring_billing\",\"status\":\"active\"}";
        for (String slug : List.of("hitpay", "monri", "revenue-monster")) {
            keep(given().contentType(ContentType.JSON).body(event).post("/webhooks/" + slug).then());
            keep(given().contentType(ContentType.JSON).header("Hitpay-Signature", "00ff").body(event).post("/webhooks/" + slug).then());
        }
        String salt = KnownSecrets.CONFIG.get("gateway.providers.hitpay.event-webhook-salt");
        keep(given().contentType(ContentType.JSON).header("Hitpay-Signature", hmac(salt, event))
                .header("Hitpay-Event-Type", "updated").header("Hitpay-Event-Object", "recurring_billing")
                .body(event).post("/webhooks/hitpay").then().statusCode(200));
        // webhook processing (re-read at the provider, inbox update) finishes asynchronously: wait until it was attempted
        Await.until("the signed webhook was processed", () -> Effects.count(pool,
                "webhook_event WHERE payload LIKE '%evt-secret-test%' AND attempts > 0") > 0);

        if (!KnownSecrets.values().isEmpty()) {
            // the configured credentials were really used on the wire (and refused by the sandbox)
            assertThat(Effects.PROVIDER_REQUESTS.get()).as("provider requests").isGreaterThan(sentBefore);
        }
        List<String> secrets = new ArrayList<>(KnownSecrets.values());
        secrets.add(writer);
        secrets.add(reader);
        // the capture sees what the gateway logs through JBoss Logging, start-up included
        org.jboss.logging.Logger.getLogger("dev.billinggateway.security").warn("log capture canary 7f3e");
        String logged = LogCapture.get().all();
        assertThat(logged).as("captured log output").contains("log capture canary 7f3e").contains("Installed features");
        // the operator lines (README "Observability") are part of what is checked below, and none carries a stack trace
        List<String> operatorLines = LogCapture.get().lines().stream()
                .filter(l -> OPERATOR_LOGGERS.stream().anyMatch(l::contains)).toList();
        assertThat(operatorLines).as("operator log lines")
                .anyMatch(l -> l.contains("Mutation createSubscription on HITPAY") && l.contains("SUCCEEDED"))
                .anyMatch(l -> l.contains("provider-calls") && l.contains(" failed after "))
                .anyMatch(l -> l.contains("Stored HITPAY webhook"))
                .anyMatch(l -> l.contains("Refused MONRI webhook"))
                .allSatisfy(l -> assertThat(l).doesNotContain("\tat ").doesNotContain("Exception"));
        String stored = dump("audit_log") + dump("webhook_event") + dump("idempotency_record") + dump("customer_link")
                + dump("subscription_link");
        for (String secret : secrets) {
            assertThat(logged).as("log output").doesNotContain(secret);
            assertThat(String.join("\n", responses)).as("responses").doesNotContain(secret);
            assertThat(stored).as("database").doesNotContain(secret);
        }
    }

    private void keep(io.restassured.response.ValidatableResponse response) {
        responses.add(response.extract().headers().toString() + "\n" + response.extract().asString());
    }

    private String dump(String table) {
        StringBuilder text = new StringBuilder();
        pool.query("select t::text from " + table + " t").execute().await().indefinitely()
                .forEach(row -> text.append(row.getString(0)).append('\n'));
        return text.toString();
    }

    private static String currency(String provider) {
        return switch (provider) {
            case "HITPAY" -> "SGD";
            case "MONRI" -> "EUR";
            default -> "MYR";
        };
    }

    private static String hmac(String salt, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(salt.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
