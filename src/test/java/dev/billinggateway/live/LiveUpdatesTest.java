package dev.billinggateway.live;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import dev.billinggateway.provider.hitpay.HitPayAuth;
import dev.billinggateway.provider.hitpay.sandbox.HitPaySandboxData;
import dev.billinggateway.security.Roles;
import dev.billinggateway.security.SecurityProfile;
import dev.billinggateway.security.Tokens;
import dev.billinggateway.testsupport.Await;
import dev.billinggateway.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.jwt.build.Jwt;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Live updates end to end: a front-end's WebSocket (graphql-transport-ws) with a bearer token in
 * {@code connection_init}, events from a signed webhook, from a mutation, from a refresh and from another instance
 * (a NOTIFY through the shared database), the listener's reconnection, and the socket's rules and limits.
 */
@QuarkusTest
@TestProfile(LiveUpdatesProfile.class)
@QuarkusTestResource(PostgresTestResource.class)
class LiveUpdatesTest {

    static final String SUBSCRIPTION_UPDATED = """
            subscription($id: ID!) { subscriptionUpdated(id: $id) {
              cause at subscription { id provider providerSubscriptionId productName status amount { amount currency }
                customer { id email } } } }""";

    @Inject
    Vertx vertx;

    @Inject
    Pool pool;

    @Inject
    LiveEvents live;

    GraphQLWsClient connect() throws Exception {
        return GraphQLWsClient.connect(vertx, RestAssured.port);
    }

    static ValidatableResponse gql(String token, String query, Map<String, Object> variables) {
        return given().contentType(ContentType.JSON).header("Authorization", "Bearer " + token)
                .body(Map.of("query", query, "variables", variables)).when().post("/graphql").then();
    }

    /** The gateway ID of a HitPay sandbox billing of alice (listing links it). */
    String hitPayId(String billingId) {
        List<Map<String, Object>> nodes = gql(Tokens.reader(), """
                query($email: String) { subscriptions(filter: { provider: HITPAY, customerEmail: $email }, first: 50) {
                  nodes { id providerSubscriptionId } } }""", Map.of("email", HitPaySandboxData.ALICE))
                .body("errors", nullValue()).extract().path("data.subscriptions.nodes");
        return nodes.stream().filter(n -> billingId.equals(n.get("providerSubscriptionId"))).map(n -> (String) n.get("id")).findFirst()
                .orElseThrow();
    }

    /** Subscribes and waits until this instance follows it (the subscription first checks that the ID exists). */
    void follow(GraphQLWsClient client, String opId, String query, Map<String, Object> variables) throws InterruptedException {
        int before = live.followers();
        client.subscribe(opId, query, variables);
        Await.until("this instance follows " + opId, () -> live.followers() > before, GraphQLWsClient.WAIT);
        assertThat(live.followers()).as("followers after subscribing %s; messages %s", opId, client.messages).isGreaterThan(before);
    }

    static Predicate next(String opId) {
        return m -> opId.equals(m.getString("id")) && "next".equals(m.getString("type"));
    }

    interface Predicate extends java.util.function.Predicate<JsonObject> {
    }

    static JsonObject data(JsonObject message, String field) {
        assertThat(message).as("a next message").isNotNull();
        assertThat(message.getJsonObject("payload").getValue("errors")).as(message.encode()).isNull();
        return message.getJsonObject("payload").getJsonObject("data").getJsonObject(field);
    }

    // ---- events from every source

    @Test
    void aSignedWebhookReachesTheSubscriberWithTheSubscriptionAsItNowIs() throws Exception {
        String id = hitPayId(HitPaySandboxData.ALICE_ACTIVE_MONTHLY);
        try (GraphQLWsClient client = connect()) {
            client.initialised(Tokens.reader());
            follow(client, "s1", SUBSCRIPTION_UPDATED, Map.of("id", id));

            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("payment_id", UUID.randomUUID().toString());
            fields.put("recurring_billing_id", HitPaySandboxData.ALICE_ACTIVE_MONTHLY);
            fields.put("amount", "12.90");
            fields.put("currency", "sgd");
            fields.put("status", "succeeded");
            fields.put("reference", "");
            String salt = ConfigProvider.getConfig().getValue("gateway.providers.hitpay.webhook-salt", String.class);
            StringBuilder body = new StringBuilder();
            fields.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
            body.append("&hmac=").append(HitPayAuth.formHmac(salt, fields));
            given().contentType("application/x-www-form-urlencoded; charset=UTF-8").body(body.toString())
                    .when().post("/webhooks/hitpay").then().statusCode(200).body("status", is("received"));

            JsonObject event = data(client.next(m -> "s1".equals(m.getString("id"))
                    && "WEBHOOK".equals(m.getJsonObject("payload").getJsonObject("data").getJsonObject("subscriptionUpdated").getString("cause"))),
                    "subscriptionUpdated");
            JsonObject subscription = event.getJsonObject("subscription");
            assertThat(subscription.getString("id")).isEqualTo(id);
            assertThat(subscription.getString("providerSubscriptionId")).isEqualTo(HitPaySandboxData.ALICE_ACTIVE_MONTHLY);
            assertThat(subscription.getString("status")).isEqualTo("ACTIVE");
            assertThat(subscription.getJsonObject("customer").getString("email")).isEqualTo(HitPaySandboxData.ALICE);
            assertThat(subscription.getJsonObject("amount").encode()).isEqualTo("{\"amount\":12.9,\"currency\":\"SGD\"}");
            assertThat(Instant.parse(event.getString("at"))).isBefore(Instant.now().plusSeconds(1));
        }
    }

    @Test
    void aMutationReachesTheBackOfficeFeed() throws Exception {
        try (GraphQLWsClient client = connect()) {
            client.initialised(Tokens.reader());
            follow(client, "feed", "subscription { billingEvents(provider: HITPAY, types: [SUBSCRIPTION_UPDATED]) { type provider cause at"
                    + " subscription { id productName status } customer { id } } }", Map.of());
            String email = "live+" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
            Map<String, Object> input = new LinkedHashMap<>();
            input.put("provider", "HITPAY");
            input.put("customer", Map.of("email", email, "name", "Dana Koh"));
            input.put("productName", "Live Coffee Club");
            input.put("amount", Map.of("amount", "18.50", "currency", "SGD"));
            input.put("interval", Map.of("unit", "MONTH", "count", 1));
            input.put("hitpay", Map.of("redirectUrl", "https://merchant.example.com/done", "timesToBeCharged", 12));
            String created = gql(Tokens.writer(), "mutation($input: CreateSubscriptionInput!) { createSubscription(input: $input) { id } }",
                    Map.of("input", input)).body("errors", nullValue()).extract().path("data.createSubscription.id");

            JsonObject event = data(client.next(m -> "feed".equals(m.getString("id")) && created.equals(
                    m.getJsonObject("payload").getJsonObject("data").getJsonObject("billingEvents").getJsonObject("subscription").getString("id"))),
                    "billingEvents");
            assertThat(event.getString("type")).isEqualTo("SUBSCRIPTION_UPDATED");
            assertThat(event.getString("provider")).isEqualTo("HITPAY");
            assertThat(event.getString("cause")).isEqualTo("MUTATION");
            assertThat(event.getJsonObject("subscription").getString("productName")).isEqualTo("Live Coffee Club");
            assertThat(event.getValue("customer")).isNull();
        }
    }

    @Test
    void anotherInstancesNotificationIsHeardAndTheObjectReReadFromTheDatabase() throws Exception {
        String id = hitPayId(HitPaySandboxData.ALICE_ACTIVE_MONTHLY);
        gql(Tokens.reader(), "query($id: ID!) { subscription(id: $id) { id } }", Map.of("id", id)).body("errors", nullValue());
        try (GraphQLWsClient client = connect()) {
            client.initialised(Tokens.reader());
            follow(client, "s1", SUBSCRIPTION_UPDATED, Map.of("id", id));
            // instance B stored a new copy and notified, as LiveEvents does there: ids and the cause only
            String name = "Changed on instance B " + UUID.randomUUID();
            pool.preparedQuery("UPDATE provider_snapshot SET payload = jsonb_set(payload::jsonb, '{productName}', to_jsonb($2::text))::text"
                    + " WHERE gateway_id = $1").execute(Tuple.of(id, name)).await().indefinitely();
            notifyAsAnotherInstance(id);

            JsonObject event = data(client.next(m -> m.encode().contains(name)), "subscriptionUpdated");
            assertThat(event.getString("cause")).isEqualTo("WEBHOOK");
            assertThat(event.getJsonObject("subscription").getString("productName")).isEqualTo(name);

            // a read that finds the provider's copy different from that one is a REFRESH
            gql(Tokens.reader(), "query($id: ID!) { subscription(id: $id) { id } }", Map.of("id", id)).body("errors", nullValue());
            JsonObject refresh = data(client.next(m -> m.encode().contains("\"REFRESH\"")), "subscriptionUpdated");
            assertThat(refresh.getJsonObject("subscription").getString("productName")).isNotEqualTo(name);
        }
    }

    void notifyAsAnotherInstance(String id) {
        String payload = new JsonObject().put("kind", "SUBSCRIPTION").put("id", id).put("cause", "WEBHOOK")
                .put("at", Instant.now().toString()).encode();
        pool.preparedQuery("SELECT pg_notify($1, $2)").execute(Tuple.of("billing_gateway_changes", payload)).await().indefinitely();
    }

    @Test
    void theListenerReconnectsWhenTheDatabaseDropsItsConnectionAndClientStreamsGoOn() throws Exception {
        String id = hitPayId(HitPaySandboxData.ALICE_ACTIVE_MONTHLY);
        gql(Tokens.reader(), "query($id: ID!) { subscription(id: $id) { id } }", Map.of("id", id)).body("errors", nullValue());
        try (GraphQLWsClient client = connect()) {
            client.initialised(Tokens.reader());
            follow(client, "s1", SUBSCRIPTION_UPDATED, Map.of("id", id));
            int terminated = pool.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query ILIKE 'LISTEN%'")
                    .execute().await().indefinitely().size();
            assertThat(terminated).as("LISTEN connections ended by the database").isGreaterThanOrEqualTo(1);

            // notify until the re-established listener hears it (the first may come before it is back)
            JsonObject heard = null;
            long deadline = System.nanoTime() + GraphQLWsClient.WAIT.toNanos();
            while (heard == null && System.nanoTime() < deadline) {
                notifyAsAnotherInstance(id);
                heard = client.messages.poll(300, java.util.concurrent.TimeUnit.MILLISECONDS);
            }
            assertThat(data(heard, "subscriptionUpdated").getJsonObject("subscription").getString("id")).isEqualTo(id);
            assertThat(client.closed).isNotDone();
        }
    }

    // ---- the same rules as HTTP

    @Test
    void aConnectionWithoutAValidTokenOrWithoutReadIsRefused() throws Exception {
        try (GraphQLWsClient client = connect()) {
            client.init(null);
            assertThat(client.closeCode()).isEqualTo((short) 4401);
        }
        try (GraphQLWsClient client = connect()) {
            client.init(Tokens.expired());
            assertThat(client.closeCode()).isEqualTo((short) 4401);
        }
        try (GraphQLWsClient client = connect()) {
            client.init(Tokens.signedByAnotherKey());
            assertThat(client.closeCode()).isEqualTo((short) 4401);
        }
        try (GraphQLWsClient client = connect()) {
            client.init(Tokens.token("nobody@billing.example", Set.of("billing-audit")));
            assertThat(client.closeCode()).isEqualTo((short) 4403);
        }
        try (GraphQLWsClient client = connect()) {
            client.subscribe("s1", SUBSCRIPTION_UPDATED, Map.of("id", "x")); // before connection_init
            assertThat(client.closeCode()).isEqualTo((short) 4401);
        }
        try (GraphQLWsClient client = connect()) {
            // a second connection_init, sent while the first is being checked, must not slip through unchecked
            client.init(Tokens.reader());
            client.init(null);
            assertThat(client.closeCode()).isEqualTo((short) 4429);
        }
        try (GraphQLWsClient client = connect()) {
            // no connection_init at all
            assertThat(client.closeCode()).isEqualTo((short) 4408);
        }
        assertThat(live.followers()).isZero();
    }

    @Test
    void aConnectionThatFollowsNothingIsClosedOnceIdle() throws Exception {
        try (GraphQLWsClient client = connect()) {
            client.initialised(Tokens.reader());
            assertThat(client.closeCode()).isEqualTo((short) 1000); // the profile's gateway.live.idle-timeout=4s
        }
    }

    @Test
    void theConnectionEndsWhenItsTokenExpires() throws Exception {
        String shortLived = Jwt.issuer(SecurityProfile.ISSUER).upn("brief@billing.example").groups(Set.of(Roles.READ))
                .expiresAt(Instant.now().plusSeconds(3)).sign("security/test-private.pem");
        String id = hitPayId(HitPaySandboxData.ALICE_ACTIVE_MONTHLY);
        try (GraphQLWsClient client = connect()) {
            client.initialised(shortLived);
            follow(client, "s1", SUBSCRIPTION_UPDATED, Map.of("id", id));
            assertThat(client.closeCode()).isEqualTo((short) 4401);
        }
    }

    @Test
    void limitsApplyToEveryOperation() throws Exception {
        String id = hitPayId(HitPaySandboxData.ALICE_ACTIVE_MONTHLY);
        try (GraphQLWsClient client = connect()) {
            client.initialised(Tokens.reader());
            client.subscribe("q", "{ providers { provider } }", Map.of());
            assertError(client.nextOf("q"), "VALIDATION", "websocket-subscriptions-only");

            client.subscribe("m", "mutation { linkCustomer(provider: MONRI, providerCustomerId: \"x\") { id } }", Map.of());
            assertError(client.nextOf("m"), "VALIDATION", "websocket-subscriptions-only");

            client.subscribe("big", "subscription { billingEvents { type " + "cause ".repeat(2100) + "} }", Map.of());
            assertError(client.nextOf("big"), "VALIDATION", "max-query-tokens");

            // control characters: refused before anything reads the database, as over HTTP
            client.subscribe("nul", SUBSCRIPTION_UPDATED, Map.of("id", "sub\u0000x"));
            assertError(client.nextOf("nul"), "VALIDATION", "no-control-characters");

            client.subscribe("missing", SUBSCRIPTION_UPDATED, Map.of("id", "sub_does_not_exist"));
            JsonObject missing = client.nextOf("missing");
            assertThat(missing.getString("type")).as(missing.encode()).isIn("error", "next");
            assertThat(missing.encode()).contains("\"code\":\"NOT_FOUND\"");

            // depth and complexity: graphql-java's instrumentation, as over HTTP
            client.subscribe("deep", "subscription { billingEvents { customer { subscriptions { customer { subscriptions { customer {"
                    + " subscriptions { customer { subscriptions { customer { id } } } } } } } } } } }", Map.of());
            JsonObject deep = client.nextOf("deep");
            assertThat(deep.encode()).contains("max-query-depth");

            // at most 3 operations at once (the profile's gateway.live.max-operations-per-connection)
            for (int i = 1; i <= 3; i++) {
                follow(client, "f" + i, SUBSCRIPTION_UPDATED, Map.of("id", id));
            }
            client.subscribe("f4", SUBSCRIPTION_UPDATED, Map.of("id", id));
            assertError(client.nextOf("f4"), "VALIDATION", "max-operations-per-connection");

            // ending one makes room
            int before = live.followers();
            client.send(new JsonObject().put("id", "f1").put("type", "complete"));
            Await.until("f1 no longer followed", () -> live.followers() < before, GraphQLWsClient.WAIT);
            follow(client, "f5", SUBSCRIPTION_UPDATED, Map.of("id", id));
            assertThat(client.closed).isNotDone();
        }
    }

    static void assertError(JsonObject message, String code, String rule) {
        assertThat(message).isNotNull();
        assertThat(message.getString("type")).as(message.encode()).isEqualTo("error");
        JsonObject extensions = message.getJsonArray("payload").getJsonObject(0).getJsonObject("extensions");
        assertThat(extensions.getString("code")).as(message.encode()).isEqualTo(code);
        assertThat(extensions.getString("rule")).as(message.encode()).isEqualTo(rule);
    }

    @Test
    void aClientThatDoesNotReadIsDisconnectedInsteadOfBuffered() throws Exception {
        String id = hitPayId(HitPaySandboxData.ALICE_ACTIVE_MONTHLY);
        gql(Tokens.reader(), "query($id: ID!) { subscription(id: $id) { id } }", Map.of("id", id)).body("errors", nullValue());
        LiveEvent event = live.reread(new LiveEvents.Change("SUBSCRIPTION", id, ChangeCause.REFRESH, LiveEvents.now()))
                .await().indefinitely();
        try (GraphQLWsClient client = connect()) {
            client.initialised(Tokens.reader());
            int before = live.followers();
            follow(client, "feed", "subscription { billingEvents { type provider cause at subscription { id provider providerSubscriptionId"
                    + " productName productDescription status providerStatus amount { amount currency } interval { unit count }"
                    + " nextChargeDate startDate timesCharged totalCharges paymentUrl createdAt updatedAt fetchedAt } } }", Map.of());
            client.ws.pause(); // the front-end stops reading: its TCP window fills, then the gateway's queue
            int delivered = 0;
            while (live.followers() > before && delivered < 200_000) {
                live.deliver(event);
                delivered++;
            }
            assertThat(live.followers()).as("the slow client's stream ended after %d events", delivered).isEqualTo(before);
            client.ws.resume();
            assertThat(client.closeCode()).isEqualTo((short) 1013);
            assertThat(client.messages.size()).isLessThan(delivered);
        }
    }
}
