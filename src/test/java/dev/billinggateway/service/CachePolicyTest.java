package dev.billinggateway.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.billinggateway.domain.Provider;
import dev.billinggateway.persistence.QueryCounter;
import dev.billinggateway.provider.hitpay.sandbox.HitPaySandboxData;
import dev.billinggateway.sandbox.SandboxFaults;
import dev.billinggateway.testsupport.Gql;
import dev.billinggateway.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/** Within fresh-for a read is served without the provider or the database; a write is visible at once. */
@QuarkusTest
@TestProfile(FreshCacheProfile.class)
@QuarkusTestResource(PostgresTestResource.class)
class CachePolicyTest {

    static final String READ = "query($id: ID!) { subscription(id: $id) { id status stale fetchedAt } }";

    @Inject
    SandboxFaults faults;

    @Inject
    QueryCounter queries;

    @Inject
    SnapshotWriter writer;

    @Test
    void aFreshSnapshotIsServedWithoutProviderOrDatabaseAndWritesShowAtOnce() {
        String id = Gql.post("{ subscriptions(first: 50, filter: { provider: HITPAY, customerEmail: \"" + HitPaySandboxData.BOB
                + "\" }) { nodes { id status } } }").extract().path("data.subscriptions.nodes.find { it.status == 'PENDING' }.id");
        JsonPath first = Gql.post(READ, Map.of("id", id)).extract().jsonPath();
        writer.flushed().await().indefinitely();

        faults.clear();
        long statements = queries.total();
        JsonPath again = Gql.post(READ, Map.of("id", id)).extract().jsonPath();
        assertThat(faults.calls(Provider.HITPAY)).as("provider calls").isEmpty();
        assertThat(queries.total() - statements).as("database statements").isZero();
        assertThat(again.getBoolean("data.subscription.stale")).isFalse();
        assertThat(again.getString("data.subscription.fetchedAt")).isEqualTo(first.getString("data.subscription.fetchedAt"));

        Gql.post("mutation($id: ID!) { cancelSubscription(id: $id) { status } }", Map.of("id", id))
                .body("data.cancelSubscription.status", org.hamcrest.Matchers.is("CANCELED"));
        Gql.post(READ, Map.of("id", id)).body("data.subscription.status", org.hamcrest.Matchers.is("CANCELED"));
    }
}
