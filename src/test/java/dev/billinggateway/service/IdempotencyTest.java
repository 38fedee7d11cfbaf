package dev.billinggateway.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.billinggateway.domain.Provider;
import dev.billinggateway.provider.revenuemonster.sandbox.RevenueMonsterDemoData;
import dev.billinggateway.sandbox.SandboxFaults;
import dev.billinggateway.sandbox.SandboxFaults.Fault;
import dev.billinggateway.sandbox.SandboxFaults.Mode;
import dev.billinggateway.testsupport.Await;
import dev.billinggateway.testsupport.Gql;
import dev.billinggateway.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.vertx.mutiny.sqlclient.Pool;

/** Idempotency keys: replay, conflict, and an unknown outcome settled by reading the provider, never applied twice. */
@QuarkusTest
@TestProfile(FaultsProfile.class)
@QuarkusTestResource(PostgresTestResource.class)
class IdempotencyTest {

    static final String CREATE = """
            mutation($name: String!, $key: String) { createSubscription(idempotencyKey: $key, input: {
              provider: HITPAY, customer: { email: "idem@example.com", name: "Idem" }, productName: $name,
              amount: { amount: "12.90", currency: "SGD" }, interval: { unit: MONTH, count: 1 } }) { id providerSubscriptionId } }""";
    static final String TOGGLE = "mutation($id: ID!, $key: String) { toggleCustomerStatus(id: $id, idempotencyKey: $key) { id isActive } }";

    @Inject
    SandboxFaults faults;

    @Inject
    OutcomeReconciler reconciler;

    @Inject
    CircuitBreakerMaintenance circuits;

    @Inject
    Pool pool;

    @AfterEach
    void healthy() {
        faults.clear();
        circuits.resetAll();
    }

    @Test
    void theSameKeyAndRequestReturnTheFirstResultWithoutCallingTheProviderAgain() {
        faults.clear();
        String first = Gql.post(CREATE, Map.of("name", "Plan A", "key", "idem-replay-1")).extract().path("data.createSubscription.id");
        long creates = creates();
        assertThat(creates).isEqualTo(1);
        String again = Gql.post(CREATE, Map.of("name", "Plan A", "key", "idem-replay-1")).extract().path("data.createSubscription.id");
        assertThat(again).isEqualTo(first);
        assertThat(creates()).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherRequestIsAConflictAndSendsNothing() {
        Gql.post(CREATE, Map.of("name", "Plan B", "key", "idem-conflict-1")).body("data.createSubscription.id", org.hamcrest.Matchers.notNullValue());
        faults.clear();
        Gql.post(CREATE, Map.of("name", "Plan C", "key", "idem-conflict-1"))
                .body("data", org.hamcrest.Matchers.nullValue())
                .body("errors[0].extensions.code", is("IDEMPOTENCY_CONFLICT"));
        assertThat(creates()).isZero();
    }

    @Test
    void aToggleThatTimedOutButHappenedIsSettledAndNeverFlippedTwice() throws Exception {
        String id = rmCustomer();
        boolean before = isActive(id);
        // the provider applies the flip, but only after the gateway's 1.5 s timeout
        faults.set(Provider.REVENUE_MONSTER, new Fault(Mode.NONE, 2500, "/status"));
        Gql.post(TOGGLE, Map.of("id", id, "key", "toggle-late-1"))
                .body("errors[0].extensions.code", is("OUTCOME_UNKNOWN"))
                .body("errors[0].extensions.provider", is("REVENUE_MONSTER"));
        faults.clear();
        Await.until("the late flip lands at the provider", () -> isActive(id) != before);
        assertThat(reconciler.reconcileNow().await().indefinitely()).isGreaterThanOrEqualTo(1);
        assertThat(state("toggle-late-1")).isEqualTo("COMPLETED");

        Gql.post(TOGGLE, Map.of("id", id, "key", "toggle-late-1")).body("data.toggleCustomerStatus.isActive", is(!before));
        assertThat(toggles()).as("the retry answered from the settlement").isZero();
        assertThat(isActive(id)).isEqualTo(!before);
    }

    @Test
    void aToggleThatTimedOutAndDidNotHappenIsAppliedOnceByTheRetry() {
        String id = rmCustomer();
        boolean before = isActive(id);
        faults.set(Provider.REVENUE_MONSTER, new Fault(Mode.HANG, 0, "/status")); // never reaches the provider's state
        Gql.post(TOGGLE, Map.of("id", id, "key", "toggle-lost-1")).body("errors[0].extensions.code", is("OUTCOME_UNKNOWN"));
        faults.clear();
        assertThat(reconciler.reconcileNow().await().indefinitely()).isZero(); // nothing to prove: it stays unknown
        assertThat(state("toggle-lost-1")).isEqualTo("OUTCOME_UNKNOWN");

        Gql.post(TOGGLE, Map.of("id", id, "key", "toggle-lost-1")).body("data.toggleCustomerStatus.isActive", is(!before));
        assertThat(toggles()).isEqualTo(1);
        Gql.post(TOGGLE, Map.of("id", id, "key", "toggle-lost-1")).body("data.toggleCustomerStatus.isActive", is(!before));
        assertThat(toggles()).as("a third call replays").isEqualTo(1);
        assertThat(isActive(id)).isEqualTo(!before);
    }

    @Test
    void withoutAKeyEveryToggleFlips() {
        String id = rmCustomer();
        boolean before = isActive(id);
        Gql.post(TOGGLE, Map.of("id", id)).body("data.toggleCustomerStatus.isActive", is(!before));
        Gql.post(TOGGLE, Map.of("id", id)).body("data.toggleCustomerStatus.isActive", is(before));
    }

    private String rmCustomer() {
        return Gql.post("mutation($p: String!) { linkCustomer(provider: REVENUE_MONSTER, providerCustomerId: $p) { id } }",
                Map.of("p", RevenueMonsterDemoData.ACTIVE_CUSTOMER_ID)).extract().path("data.linkCustomer.id");
    }

    private boolean isActive(String id) {
        Boolean active = Gql.post("query($id: ID!) { customer(id: $id) { isActive } }", Map.of("id", id))
                .extract().path("data.customer.isActive");
        faults.clear();
        return active;
    }

    private long creates() {
        return faults.calls(Provider.HITPAY).stream()
                .filter(c -> c.method().equals("POST") && c.path().startsWith("/v1/recurring-billing")).count();
    }

    private long toggles() {
        return faults.calls(Provider.REVENUE_MONSTER).stream().filter(c -> c.path().contains("/status")).count();
    }

    private String state(String key) {
        return pool.preparedQuery("SELECT state FROM idempotency_record WHERE idempotency_key = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(key)).await().indefinitely().iterator().next().getString("state");
    }
}
