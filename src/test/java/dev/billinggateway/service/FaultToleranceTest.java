package dev.billinggateway.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.billinggateway.domain.Provider;
import dev.billinggateway.sandbox.SandboxFaults;
import dev.billinggateway.sandbox.SandboxFaults.Fault;
import dev.billinggateway.sandbox.SandboxFaults.Mode;
import dev.billinggateway.testsupport.Gql;
import dev.billinggateway.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.vertx.mutiny.sqlclient.Pool;

/** One provider failing, hanging or slow never fails the others; lists ask every provider at once. */
@QuarkusTest
@TestProfile(FaultsProfile.class)
@QuarkusTestResource(PostgresTestResource.class)
class FaultToleranceTest {

    static final String LIST = "{ subscriptions(first: 50%s) { nodes { id provider } } }";

    @Inject
    SandboxFaults faults;

    @Inject
    CircuitBreakerMaintenance circuits;

    @Inject
    Pool pool;

    @Inject
    SnapshotWriter writer;

    @BeforeEach
    @AfterEach
    void healthy() {
        faults.clear();
        circuits.resetAll();
    }

    @Test
    void fanOutAsksEveryProviderAtTheSameTime() {
        Gql.post(String.format(LIST, "")).statusCode(200); // links and tokens in place
        for (Provider p : Provider.values()) {
            faults.set(p, Fault.delay(400));
        }
        Map<Provider, Long> alone = new EnumMap<>(Provider.class);
        for (Provider p : Provider.values()) {
            long t0 = System.nanoTime();
            Gql.post(String.format(LIST, ", filter: { provider: " + p + " }")).body("errors", org.hamcrest.Matchers.nullValue());
            alone.put(p, (System.nanoTime() - t0) / 1_000_000);
        }
        faults.clear();
        for (Provider p : Provider.values()) {
            faults.set(p, Fault.delay(400));
        }
        Instant start = Instant.now();
        long t0 = System.nanoTime();
        JsonPath all = Gql.post(String.format(LIST, "")).statusCode(200).extract().jsonPath();
        long together = (System.nanoTime() - t0) / 1_000_000;

        assertThat(all.getList("errors")).isNullOrEmpty();
        assertThat(all.getList("data.subscriptions.nodes.provider", String.class)).contains("HITPAY", "MONRI", "REVENUE_MONSTER");
        long slowest = alone.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        long sum = alone.values().stream().mapToLong(Long::longValue).sum();
        assertThat(together).as("all three (%s) vs each alone %s", together, alone).isLessThan(sum * 3 / 4);
        assertThat(together).isLessThan(slowest + 600);
        // the first call to each provider arrived within moments of the others
        List<Instant> firstCalls = java.util.Arrays.stream(Provider.values())
                .map(p -> faults.calls(p).stream().map(SandboxFaults.Call::at).filter(at -> !at.isBefore(start)).min(Instant::compareTo)
                        .orElseThrow())
                .toList();
        Instant earliest = firstCalls.stream().min(Instant::compareTo).orElseThrow();
        Instant latest = firstCalls.stream().max(Instant::compareTo).orElseThrow();
        assertThat(Duration.between(earliest, latest)).isLessThan(Duration.ofMillis(250));
    }

    @Test
    void aFailingProviderLeavesTheOthersAnswering() {
        faults.set(Provider.HITPAY, new Fault(Mode.ERROR, 0));
        JsonPath body = Gql.post(String.format(LIST, "")).statusCode(200).extract().jsonPath();
        assertThat(body.getList("data.subscriptions.nodes.provider", String.class)).isNotEmpty().doesNotContain("HITPAY");
        assertThat(body.getList("errors")).hasSize(1);
        assertThat(body.getString("errors[0].extensions.code")).isEqualTo("PROVIDER_UNAVAILABLE");
        assertThat(body.getString("errors[0].extensions.provider")).isEqualTo("HITPAY");
        assertThat(body.getBoolean("errors[0].extensions.retryable")).isTrue();
    }

    @Test
    void aHangingProviderIsCutOffByItsTimeout() {
        faults.set(Provider.HITPAY, new Fault(Mode.HANG, 0));
        long t0 = System.nanoTime();
        JsonPath body = Gql.post(String.format(LIST, "")).statusCode(200).extract().jsonPath();
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertThat(millis).as("cut off by the 1.5 s timeout, not left hanging (bound generous for loaded CI machines)").isLessThan(7000);
        assertThat(body.getList("data.subscriptions.nodes.provider", String.class)).contains("MONRI").doesNotContain("HITPAY");
        assertThat(body.getList("errors")).hasSize(1);
        assertThat(body.getString("errors[0].extensions.provider")).isEqualTo("HITPAY");
        assertThat(body.getString("errors[0].extensions.code")).isEqualTo("PROVIDER_UNAVAILABLE");
    }

    @Test
    void aHangingProviderWithoutAListEndpointIsServedFromSnapshotsMarkedStale() {
        Gql.post(String.format(LIST, ", filter: { provider: MONRI }")).body("data.subscriptions.nodes.size()", org.hamcrest.Matchers.greaterThan(0));
        faults.set(Provider.MONRI, new Fault(Mode.HANG, 0));
        JsonPath body = Gql.post("{ subscriptions(first: 50, filter: { provider: MONRI }) { nodes { id stale } } }").extract().jsonPath();
        assertThat(body.getList("data.subscriptions.nodes.stale", Boolean.class)).isNotEmpty().containsOnly(true);
    }

    @Test
    void aListWithoutSnapshotsOfAHangingProviderReportsItInsteadOfLeavingObjectsOut() {
        Gql.post(String.format(LIST, ", filter: { provider: MONRI }")).body("data.subscriptions.nodes.size()", org.hamcrest.Matchers.greaterThan(0));
        writer.flushed().await().indefinitely(); // no snapshot of that read lands after the delete
        pool.query("DELETE FROM provider_snapshot").execute().await().indefinitely();
        faults.set(Provider.MONRI, new Fault(Mode.HANG, 0));
        JsonPath body = Gql.post(String.format(LIST, "")).statusCode(200).extract().jsonPath();
        assertThat(body.getList("data.subscriptions.nodes.provider", String.class)).contains("HITPAY").doesNotContain("MONRI");
        assertThat(body.getList("errors")).hasSize(1);
        assertThat(body.getString("errors[0].extensions.code")).isEqualTo("PROVIDER_UNAVAILABLE");
        assertThat(body.getString("errors[0].extensions.provider")).isEqualTo("MONRI");
    }

    @Test
    void anOpenCircuitFailsAtOnceAndShowsAsUnhealthy() {
        faults.set(Provider.HITPAY, new Fault(Mode.ERROR, 0));
        String hitpayOnly = String.format(LIST, ", filter: { provider: HITPAY }");
        for (int i = 0; i < 6; i++) {
            Gql.post(hitpayOnly);
        }
        Gql.post("{ providers { provider healthy } }")
                .body("data.providers.find { it.provider == 'HITPAY' }.healthy", org.hamcrest.Matchers.is(false))
                .body("data.providers.find { it.provider == 'MONRI' }.healthy", org.hamcrest.Matchers.is(true));
        int callsBefore = faults.calls(Provider.HITPAY).size();
        long t0 = System.nanoTime();
        Gql.post(hitpayOnly).body("errors[0].extensions.code", org.hamcrest.Matchers.is("PROVIDER_UNAVAILABLE"));
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(500);
        assertThat(faults.calls(Provider.HITPAY)).hasSize(callsBefore); // nothing reached the provider
    }

    @Test
    void anUnreachableProviderIsServedFromTheLastKnownSnapshot() {
        String id = Gql.post(String.format(LIST, ", filter: { provider: HITPAY }")).extract().path("data.subscriptions.nodes[0].id");
        String query = "query($id: ID!) { subscription(id: $id) { id stale fetchedAt status } }";
        JsonPath fresh = Gql.post(query, Map.of("id", id)).extract().jsonPath();
        assertThat(fresh.getBoolean("data.subscription.stale")).isFalse();

        faults.set(Provider.HITPAY, new Fault(Mode.ERROR, 0));
        JsonPath stale = Gql.post(query, Map.of("id", id)).extract().jsonPath();
        assertThat(stale.getList("errors")).isNullOrEmpty();
        assertThat(stale.getBoolean("data.subscription.stale")).isTrue();
        assertThat(stale.getString("data.subscription.fetchedAt")).isEqualTo(fresh.getString("data.subscription.fetchedAt"));
        assertThat(stale.getString("data.subscription.status")).isEqualTo(fresh.getString("data.subscription.status"));
    }
}
