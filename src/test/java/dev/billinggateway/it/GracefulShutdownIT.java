package dev.billinggateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;

import dev.billinggateway.testsupport.Await;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The production jar, stopped with SIGTERM while requests are in flight (every provider answer takes 3 s: HitPay and
 * Revenue Monster are a WireMock with a fixed delay, the production jar has no sandbox): all of them, reads and a
 * toggle, are answered, and the toggle's idempotency record is COMPLETED, not left IN_PROGRESS.
 * The shutdown delay is 2 s here (5 s by default): requests sent before the SIGTERM are either in flight already or
 * arrive during the delay; none may be refused, and those still running after the delay end during the timeout.
 */
class GracefulShutdownIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String LIST = "{ subscriptions(first: 5, filter: { provider: HITPAY }) { nodes { id } } }";
    static final String RM_CUSTOMER_ID = "1671703158559365205";
    /** Every provider answer takes this long, so that the requests are still in flight when SIGTERM arrives. */
    static final int PROVIDER_DELAY_MILLIS = 3000;

    EmbeddedPostgres postgres;
    Process gateway;
    WireMockServer providers;

    @AfterEach
    void stop() throws IOException {
        PackagedJar.stop(gateway, postgres);
        if (providers != null) {
            providers.stop();
        }
    }

    /** HitPay's list and Revenue Monster's token, customer, orders and status toggle, each answered after the delay. */
    void startProviders() {
        // asynchronous answers: the delays of many calls in flight run side by side, not one per Jetty thread
        providers = new WireMockServer(wireMockConfig().dynamicPort().asynchronousResponseEnabled(true).asynchronousResponseThreads(50));
        providers.start();
        providers.setGlobalFixedDelay(PROVIDER_DELAY_MILLIS);
        String billing = """
                {"id":"9741164c-06a1-4dd7-a649-72cca8f9603a","customer_name":"Paul","customer_email":"paul@example.com",
                 "name":"Premium","description":null,"reference":null,"cycle":"monthly","cycle_repeat":null,"cycle_frequency":null,
                 "currency":"sgd","amount":12.9,"times_to_be_charged":9,"times_charged":2,"status":"active","send_email":true,
                 "save_card":"0","redirect_url":null,"payment_methods":["card"],"created_at":"2026-09-13T21:32:00",
                 "updated_at":"2026-09-14T08:00:00","expires_at":null,"url":"https://securecheckout.sandbox.hit-pay.com/b/x","webhook":null}""";
        String page = """
                {"data":[%s],"links":{"first":"f","last":"l","prev":null,"next":null},"meta":{"current_page":1,"last_page":1,"per_page":100,"total":%d}}""";
        providers.stubFor(get(urlPathEqualTo("/v1/recurring-billing")).atPriority(5).willReturn(okJson(page.formatted("", 0))));
        providers.stubFor(get(urlPathEqualTo("/v1/recurring-billing")).withQueryParam("status", equalTo("active"))
                .atPriority(1).willReturn(okJson(page.formatted(billing, 1))));
        providers.stubFor(WireMock.post("/v1/token").willReturn(okJson(
                "{\"accessToken\":\"tok-1\",\"tokenType\":\"Bearer\",\"expiresIn\":2591999,\"refreshToken\":\"ref-1\",\"refreshTokenExpiresIn\":1576799999}")));
        providers.stubFor(get("/v3/customer/" + RM_CUSTOMER_ID).willReturn(okJson(rmCustomer(true))));
        providers.stubFor(get(urlPathEqualTo("/v3/customer/" + RM_CUSTOMER_ID + "/orders")).willReturn(okJson(
                "{\"items\":[],\"code\":\"SUCCESS\",\"meta\":{}}")));
        providers.stubFor(put("/v3/customer/" + RM_CUSTOMER_ID + "/status").willReturn(okJson(rmCustomer(false))));
        providers.stubFor(any(anyUrl())
                .atPriority(10).willReturn(aResponse().withStatus(404)));
    }

    static String rmCustomer(boolean active) {
        return """
                {"item":{"id":"%s","merchantId":"4118165203679668885","storeId":"1602660043994159611","label":"%s",
                "email":"oska.ng@revenuemonster.my","name":"Oska Ng","countryCode":"60","phoneNumber":"187824152","isActive":%s,
                "createdAt":"2022-12-22T09:59:18Z","updatedAt":"2022-12-22T09:59:18Z",
                "paymentUrl":"https://sb-pg.revenuemonster.my/v1/recurring?customerId=%s",
                "recurringPayment":{"amount":1200,"currency":"MYR","recurringInterval":"WEEKLY","recurringTarget":"1",
                "productName":"Some Product","productDescription":"Some Product","recurringRepetition":10}},"code":"SUCCESS"}"""
                .formatted(RM_CUSTOMER_ID, active ? "411111******1111" : "", active, RM_CUSTOMER_ID);
    }

    /** The merchant key of Revenue Monster's signature test vector (the WireMock does not check signatures). */
    static File rmPrivateKeyFile() throws IOException {
        try (InputStream in = GracefulShutdownIT.class.getResourceAsStream("/revenuemonster/revenue-monster-signature-v1.json")) {
            File pem = File.createTempFile("rm-private", ".pem");
            pem.deleteOnExit();
            Files.writeString(pem.toPath(), JSON.readTree(in).get("privateKeyPem").asText());
            return pem;
        }
    }

    @Test
    void requestsInFlightAcrossASigtermAreAllAnsweredAndTheMutationIsRecorded() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        startProviders();
        int port = PackagedJar.freePort();
        File log = new File("target/graceful-shutdown-it.log");
        List<String> settings = new ArrayList<>(List.of("-Dgateway.auth.enabled=false",
                "-Dgateway.reads.deadline=20s", "-Dquarkus.shutdown.delay=2s",
                "-Dgateway.providers.hitpay.api-url=" + providers.baseUrl(), "-Dgateway.providers.hitpay.api-key=it-hitpay-key",
                "-Dgateway.providers.revenue-monster.api-url=" + providers.baseUrl(),
                "-Dgateway.providers.revenue-monster.client-id=it-client", "-Dgateway.providers.revenue-monster.client-secret=it-secret",
                "-Dgateway.providers.revenue-monster.private-key-file=" + rmPrivateKeyFile().getAbsolutePath()));
        for (String provider : List.of("hitpay", "monri", "revenue-monster")) {
            settings.add("-Dgateway.providers." + provider + ".reads.timeout=20s");
        }
        gateway = PackagedJar.start(postgres, port, log, settings);

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI base = URI.create("http://localhost:" + port);
        Await.until("the gateway is ready", () -> PackagedJar.status(http, base.resolve("/q/health/ready")) == 200, Duration.ofSeconds(90));
        JsonNode linked = post(http, base, "mutation($p: String!) { linkCustomer(provider: REVENUE_MONSTER, providerCustomerId: $p) { id } }",
                "{\"p\":\"" + RM_CUSTOMER_ID + "\"}").join();
        String customerId = linked.path("data").path("linkCustomer").path("id").asText();
        assertThat(customerId).as("linked: %s", linked).isNotEmpty();

        List<CompletableFuture<JsonNode>> reads = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            reads.add(post(http, base, LIST, "{}"));
        }
        CompletableFuture<JsonNode> toggle = post(http, base,
                "mutation($id: ID!, $key: String) { toggleCustomerStatus(id: $id, idempotencyKey: $key) { id isActive } }",
                "{\"id\":\"" + customerId + "\",\"key\":\"shutdown-toggle-1\"}");
        gateway.destroy(); // SIGTERM

        for (CompletableFuture<JsonNode> read : reads) {
            JsonNode answer = read.get(60, TimeUnit.SECONDS);
            assertThat(answer.path("errors").isMissingNode()).as("answer: %s", answer).isTrue();
            assertThat(answer.path("data").path("subscriptions").path("nodes").size()).as("answer: %s", answer).isPositive();
        }
        JsonNode toggled = toggle.get(60, TimeUnit.SECONDS);
        assertThat(toggled.path("data").path("toggleCustomerStatus").path("id").asText()).as("answer: %s", toggled).isEqualTo(customerId);
        assertThat(gateway.waitFor(60, TimeUnit.SECONDS)).as("the gateway exited").isTrue();

        try (Connection db = postgres.getPostgresDatabase().getConnection();
                ResultSet rs = db.createStatement().executeQuery(
                        "SELECT state FROM idempotency_record WHERE idempotency_key = 'shutdown-toggle-1'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("COMPLETED");
        }
        String output = Files.readString(log.toPath());
        assertThat(output).doesNotContain("NullPointerException").doesNotContain("after shutdown");
    }

    private static CompletableFuture<JsonNode> post(HttpClient http, URI base, String query, String variables) {
        String body = "{\"query\":" + quote(query) + ",\"variables\":" + variables + "}";
        return http.sendAsync(HttpRequest.newBuilder(base.resolve("/graphql")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> {
                    try {
                        return JSON.readTree(response.body());
                    } catch (IOException e) {
                        throw new AssertionError("HTTP " + response.statusCode() + ": " + response.body(), e);
                    }
                });
    }

    private static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

}
