package dev.billinggateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
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

import dev.billinggateway.provider.revenuemonster.sandbox.RevenueMonsterDemoData;
import dev.billinggateway.testsupport.Await;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The production jar, stopped with SIGTERM while requests are in flight (every sandbox answer takes 3 s): all of
 * them, reads and a toggle, are answered, and the toggle's idempotency record is COMPLETED, not left IN_PROGRESS.
 * The shutdown delay is 2 s here (5 s by default): requests sent before the SIGTERM are either in flight already or
 * arrive during the delay; none may be refused, and those still running after the delay end during the timeout.
 */
class GracefulShutdownIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String LIST = "{ subscriptions(first: 5, filter: { provider: HITPAY }) { nodes { id } } }";

    EmbeddedPostgres postgres;
    Process gateway;

    @AfterEach
    void stop() throws IOException {
        if (gateway != null && gateway.isAlive()) {
            gateway.destroyForcibly();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void requestsInFlightAcrossASigtermAreAllAnsweredAndTheMutationIsRecorded() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        int port = freePort();
        File log = new File("target/graceful-shutdown-it.log");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java,
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.datasource.reactive.url=postgresql://localhost:" + postgres.getPort() + "/postgres",
                "-Dquarkus.datasource.username=postgres", "-Dquarkus.datasource.password=postgres",
                "-Dgateway.sandbox.enabled=true", "-Dgateway.sandbox.latency=3s", "-Dgateway.auth.enabled=false",
                "-Dgateway.reads.deadline=20s", "-Dquarkus.shutdown.delay=2s"));
        for (String provider : List.of("hitpay", "monri", "revenue-monster")) {
            command.add("-Dgateway.providers." + provider + ".reads.timeout=20s");
        }
        command.addAll(List.of("-jar", "target/quarkus-app/quarkus-run.jar"));
        gateway = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI base = URI.create("http://localhost:" + port);
        Await.until("the gateway is ready", () -> status(http, base.resolve("/q/health/ready")) == 200, Duration.ofSeconds(90));
        JsonNode linked = post(http, base, "mutation($p: String!) { linkCustomer(provider: REVENUE_MONSTER, providerCustomerId: $p) { id } }",
                "{\"p\":\"" + RevenueMonsterDemoData.ACTIVE_CUSTOMER_ID + "\"}").join();
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

    private static int status(HttpClient http, URI uri) {
        try {
            return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
