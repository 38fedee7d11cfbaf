package dev.billinggateway.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.billinggateway.domain.Provider;
import dev.billinggateway.sandbox.SandboxFaults;
import dev.billinggateway.sandbox.SandboxFaults.Fault;
import dev.billinggateway.sandbox.SandboxFaults.Mode;
import dev.billinggateway.testsupport.Gql;
import dev.billinggateway.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A burst of reads beyond a provider's bulkhead: the reads that find it full are served from the last snapshot
 * (stale), and the provider's circuit stays closed, since the provider did not fail; the gateway was busy.
 */
@QuarkusTest
@TestProfile(BulkheadBurstTest.SmallBulkhead.class)
@QuarkusTestResource(PostgresTestResource.class)
class BulkheadBurstTest {

    /** The FaultsProfile settings (circuit opens after 4 calls, half failed) and room for one HitPay read plus one waiting. */
    public static class SmallBulkhead implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(new FaultsProfile().getConfigOverrides());
            config.put("gateway.providers.hitpay.reads.concurrency", "1");
            config.put("gateway.providers.hitpay.reads.queue", "1");
            return config;
        }
    }

    static final String READ = "query($id: ID!) { subscription(id: $id) { id status stale } }";

    @TestHTTPResource("/graphql")
    URI graphql;

    @Inject
    SandboxFaults faults;

    @AfterEach
    void noFaults() {
        faults.set(Provider.HITPAY, Fault.NONE);
    }

    @Test
    void aBurstBeyondTheBulkheadLeavesTheCircuitClosed() throws Exception {
        String id = Gql.post("{ subscriptions(first: 1, filter: { provider: HITPAY }) { nodes { id } } }")
                .body("errors", nullValue()).extract().path("data.subscriptions.nodes[0].id");
        faults.clear();
        faults.set(Provider.HITPAY, new Fault(Mode.NONE, 400)); // each HitPay call takes 0.4 s more

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String body = "{\"query\":\"" + READ.replace("\"", "\\\"") + "\",\"variables\":{\"id\":\"" + id + "\"}}";
        List<CompletableFuture<String>> burst = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            burst.add(http.sendAsync(HttpRequest.newBuilder(graphql).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString())
                    .thenApply(HttpResponse::body));
        }
        List<String> answers = new ArrayList<>();
        for (CompletableFuture<String> f : burst) {
            answers.add(f.get());
        }
        // a read that finds the bulkhead full is served from the last snapshot, marked stale
        long busy = answers.stream().filter(a -> a.contains("\"stale\":true")).count();
        long fresh = answers.stream().filter(a -> a.contains("\"stale\":false")).count();
        assertThat(busy).as("reads that found the bulkhead full").isGreaterThanOrEqualTo(4);
        assertThat(fresh).as("reads that got through").isGreaterThanOrEqualTo(1);
        assertThat(faults.calls(Provider.HITPAY)).as("HitPay calls: bulkhead 1 + 1 waiting").hasSizeLessThanOrEqualTo(3);

        faults.set(Provider.HITPAY, Fault.NONE);
        Gql.post("{ providers { provider healthy } }").body("data.providers.find { it.provider == 'HITPAY' }.healthy", is(true));
        Gql.post(READ, Map.of("id", id)).body("errors", nullValue()).body("data.subscription.id", is(id));
    }
}
