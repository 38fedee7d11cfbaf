package dev.billinggateway.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.billinggateway.domain.Provider;
import dev.billinggateway.provider.hitpay.sandbox.HitPaySandboxData;
import dev.billinggateway.persistence.QueryCounter;
import dev.billinggateway.sandbox.SandboxFaults;
import dev.billinggateway.testsupport.Gql;
import dev.billinggateway.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A pass-through read (the test profile keeps no fresh snapshots) writes its snapshot only when the provider's
 * answer differs from the stored one.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class SnapshotWriteTest {

    static final String READ = "query($id: ID!) { subscription(id: $id) { id status amount { amount currency } customer { email } } }";

    @Inject
    QueryCounter queries;

    @Inject
    SandboxFaults faults;

    @Inject
    Pool pool;

    @Inject
    SnapshotWriter writer;

    String id;

    @BeforeEach
    void linkBobsBilling() {
        id = Gql.post("{ subscriptions(first: 50, filter: { provider: HITPAY, customerEmail: \"" + HitPaySandboxData.BOB
                + "\" }) { nodes { id providerSubscriptionId } } }").statusCode(200).extract()
                .path("data.subscriptions.nodes.find { it.providerSubscriptionId == '" + HitPaySandboxData.BOB_RETRYING_YEARLY + "' }.id");
        assertThat(id).isNotNull();
    }

    @Test
    void aPassThroughReadOfAnUnchangedObjectIsOneReadStatementAndNoWrite() {
        Gql.post(READ, Map.of("id", id)).statusCode(200); // the stored copy is what HitPay says
        writer.flushed().await().indefinitely();
        OffsetDateTime storedAt = stored().getOffsetDateTime("fetched_at");
        faults.clear();
        long statements = queries.total();
        long writes = queries.writes();

        Gql.post(READ, Map.of("id", id)).statusCode(200).body("data.subscription.customer.email",
                org.hamcrest.Matchers.is(HitPaySandboxData.BOB));
        writer.flushed().await().indefinitely();

        assertThat(faults.calls(Provider.HITPAY)).as("provider calls").hasSize(1);
        assertThat(queries.total() - statements).as("database statements").isEqualTo(1);
        assertThat(queries.writes() - writes).as("writes").isZero();
        assertThat(stored().getOffsetDateTime("fetched_at")).as("the stored copy is left alone").isEqualTo(storedAt);
    }

    @Test
    void anAnswerThatDiffersFromTheStoredCopyIsWritten() {
        pool.preparedQuery("UPDATE provider_snapshot SET payload = '{}' WHERE gateway_id = $1").execute(Tuple.of(id))
                .await().indefinitely();
        long writes = queries.writes();

        Gql.post(READ, Map.of("id", id)).statusCode(200);
        writer.flushed().await().indefinitely();

        assertThat(queries.writes() - writes).as("writes").isEqualTo(1);
        assertThat(stored().getString("payload")).contains(HitPaySandboxData.BOB_RETRYING_YEARLY);
    }

    @Test
    void aMissingSnapshotIsWritten() {
        pool.preparedQuery("DELETE FROM provider_snapshot WHERE gateway_id = $1").execute(Tuple.of(id)).await().indefinitely();

        Gql.post(READ, Map.of("id", id)).statusCode(200);
        writer.flushed().await().indefinitely();

        assertThat(stored().getString("payload")).contains(HitPaySandboxData.BOB_RETRYING_YEARLY);
    }

    private Row stored() {
        var rows = pool.preparedQuery("SELECT payload, fetched_at FROM provider_snapshot WHERE gateway_id = $1").execute(Tuple.of(id))
                .await().indefinitely();
        assertThat(rows.size()).as("stored snapshot").isEqualTo(1);
        return rows.iterator().next();
    }
}
