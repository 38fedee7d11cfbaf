package dev.billinggateway.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
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
import dev.billinggateway.testsupport.Await;
import dev.billinggateway.testsupport.Gql;
import dev.billinggateway.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
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

    /**
     * Every provider answers after {@code LATENCY}: asked one after the other, each provider's call would arrive only once
     * the previous one was answered. Asserts that the calls overlapped (each arrived before any could have been answered),
     * which the fan-out guarantees whatever the machine's speed; no bound on the request's own duration.
     */
    @Test
    void fanOutAsksEveryProviderAtTheSameTime() {
        Gql.post(String.format(LIST, "")).statusCode(200); // links and tokens in place
        faults.clear();
        for (Provider p : Provider.values()) {
            faults.set(p, Fault.delay(FAN_OUT_LATENCY_MILLIS));
        }
        JsonPath all = Gql.post(String.format(LIST, "")).statusCode(200).extract().jsonPath();

        assertThat(all.getList("errors")).isNullOrEmpty();
        assertThat(all.getList("data.subscriptions.nodes.provider", String.class)).contains("HITPAY", "MONRI", "REVENUE_MONSTER");
        List<Instant> firstCalls = java.util.Arrays.stream(Provider.values())
                .map(p -> faults.calls(p).stream().map(SandboxFaults.Call::at).min(Instant::compareTo).orElseThrow())
                .toList();
        Instant earliest = firstCalls.stream().min(Instant::compareTo).orElseThrow();
        Instant latest = firstCalls.stream().max(Instant::compareTo).orElseThrow();
        assertThat(Duration.between(earliest, latest)).as("first calls to each provider: %s", firstCalls)
                .isLessThan(Duration.ofMillis(FAN_OUT_LATENCY_MILLIS));
    }

    /** Well under the profile's call timeout, long enough that a sequential fan-out could not pass for a parallel one. */
    static final long FAN_OUT_LATENCY_MILLIS = 500;

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

    /** HitPay hangs (never answers): the fan-out answers at the read deadline with the others' data and HitPay named. */
    @Test
    void aHangingProviderIsCutOffByTheReadDeadline() {
        faults.set(Provider.HITPAY, new Fault(Mode.HANG, 0));
        JsonPath body = Gql.post(String.format(LIST, "")).statusCode(200).extract().jsonPath();
        assertThat(body.getList("data.subscriptions.nodes.provider", String.class)).contains("MONRI", "REVENUE_MONSTER").doesNotContain("HITPAY");
        assertThat(body.getList("errors")).hasSize(1);
        assertThat(body.getString("errors[0].extensions.provider")).isEqualTo("HITPAY");
        assertThat(body.getString("errors[0].extensions.code")).isEqualTo("PROVIDER_UNAVAILABLE");
        assertThat(body.getBoolean("errors[0].extensions.retryable")).isTrue();
        // cut by the deadline (3 s), not by the attempt's timeout (4 s): what bounds every read is the deadline
        assertThat(body.getString("errors[0].message")).contains("read deadline");
    }

    /**
     * HitPay answers a single read after the deadline but within its timeout: the read is answered from the snapshot
     * (stale) at the deadline, and the late answer still refreshes the stored snapshot.
     */
    @Test
    void aLateAnswerStillRefreshesTheSnapshot() {
        String id = Gql.post(String.format(LIST, ", filter: { provider: HITPAY }")).extract().path("data.subscriptions.nodes[0].id");
        writer.flushed().await().indefinitely();
        // the stored copy differs from what the provider will say: the late answer must replace it
        String outdated = "Outdated " + java.util.UUID.randomUUID();
        pool.preparedQuery("UPDATE provider_snapshot SET payload = jsonb_set(payload::jsonb, '{productName}', to_jsonb($2::text))::text"
                + " WHERE gateway_id = $1").execute(io.vertx.mutiny.sqlclient.Tuple.of(id, outdated)).await().indefinitely();
        faults.set(Provider.HITPAY, Fault.delay(3500)); // after the 3 s deadline, before the 4 s timeout
        JsonPath body = Gql.post("query($id: ID!) { subscription(id: $id) { id stale productName } }", Map.of("id", id)).extract().jsonPath();
        assertThat(body.getList("errors")).isNullOrEmpty();
        assertThat(body.getBoolean("data.subscription.stale")).isTrue();
        assertThat(body.getString("data.subscription.productName")).isEqualTo(outdated);
        Await.until("the late answer stored as the snapshot", () -> !snapshotPayload(id).contains(outdated));
    }

    private String snapshotPayload(String gatewayId) {
        return pool.preparedQuery("SELECT payload FROM provider_snapshot WHERE gateway_id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(gatewayId)).await().indefinitely().iterator().next().getString(0);
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
        Gql.post(hitpayOnly).body("errors[0].extensions.code", org.hamcrest.Matchers.is("PROVIDER_UNAVAILABLE"));
        assertThat(faults.calls(Provider.HITPAY)).hasSize(callsBefore); // nothing reached the provider
    }

    /** Monri's circuit (FaultsProfile: half-open after 1 s) lets a probe through once Monri recovered, and closes again. */
    @Test
    void aRecoveredProviderIsLetBackInByAHalfOpenProbe() {
        String id = Gql.post(String.format(LIST, ", filter: { provider: MONRI }")).extract().path("data.subscriptions.nodes[0].id");
        String read = "query($id: ID!) { subscription(id: $id) { id stale } }";
        faults.set(Provider.MONRI, new Fault(Mode.ERROR, 0));
        for (int i = 0; i < 4; i++) {
            Gql.post(read, Map.of("id", id)).body("data.subscription.stale", org.hamcrest.Matchers.is(true));
        }
        assertThat(circuits.currentState("monri-reads")).isEqualTo(CircuitBreakerState.OPEN);
        int callsWhileOpen = faults.calls(Provider.MONRI).size();
        Gql.post(read, Map.of("id", id)).body("data.subscription.stale", org.hamcrest.Matchers.is(true));

        faults.set(Provider.MONRI, Fault.NONE);
        Await.until("Monri read fresh again", () -> Boolean.FALSE.equals(
                Gql.post(read, Map.of("id", id)).extract().path("data.subscription.stale")));
        assertThat(circuits.currentState("monri-reads")).isEqualTo(CircuitBreakerState.CLOSED);
        assertThat(faults.calls(Provider.MONRI).size()).as("calls after the circuit opened").isGreaterThan(callsWhileOpen);
        Gql.post("{ providers { provider healthy } }").body("data.providers.find { it.provider == 'MONRI' }.healthy",
                org.hamcrest.Matchers.is(true));
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
