package dev.billinggateway.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.billinggateway.domain.Provider;
import dev.billinggateway.persistence.QueryCounter;
import dev.billinggateway.sandbox.SandboxFaults;
import dev.billinggateway.testsupport.Gql;
import dev.billinggateway.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Nested fields are batched per request: {@code subscriptions { customer }} reads each distinct object from the
 * provider once, and the database a bounded number of times however many subscriptions there are.
 * (The test profile keeps no fresh snapshots, so every object is read from the provider.)
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class NestedQueryTest {

    static final String NESTED = "{ subscriptions(first: 50, filter: { provider: MONRI }) { nodes { id customer { id email } } } }";

    @Inject
    SandboxFaults faults;

    @Inject
    QueryCounter queries;

    @Inject
    SnapshotWriter writer;

    @Test
    void eachSubscriptionAndDistinctCustomerIsReadOnceWithOneStatementPerLevel() {
        Gql.post(NESTED); // links in place
        writer.flushed().await().indefinitely(); // and its snapshots written
        faults.clear();
        long before = queries.total();

        JsonPath answer = Gql.post(NESTED).statusCode(200).extract().jsonPath();

        long statements = queries.total() - before;
        List<String> subscriptions = answer.getList("data.subscriptions.nodes.id", String.class);
        List<String> customers = answer.getList("data.subscriptions.nodes.customer.id", String.class);
        List<String> calls = faults.calls(Provider.MONRI).stream().map(c -> c.method() + " " + c.path()).toList();
        assertThat(answer.getList("errors")).isNullOrEmpty();
        assertThat(subscriptions).hasSizeGreaterThan(1);
        assertThat(customers).doesNotContainNull();
        assertThat(customers.stream().distinct().count()).as("some customers hold several subscriptions").isLessThan(subscriptions.size());
        List<String> subscriptionReads = calls.stream().filter(c -> c.startsWith("GET /v2/customer-subscriptions/")).toList();
        List<String> customerReads = calls.stream().filter(c -> c.startsWith("GET /v2/customers/")).toList();
        assertThat(subscriptionReads).as("each subscription read once").doesNotHaveDuplicates().hasSize(subscriptions.size());
        assertThat(customerReads).as("each distinct customer read once, however many subscriptions it holds")
                .doesNotHaveDuplicates().hasSize((int) customers.stream().distinct().count());
        // a Monri subscription is read with its plan (amount, interval): one plan read per subscription at most
        assertThat(calls.stream().filter(c -> c.startsWith("GET /v2/subscriptions/"))).hasSizeLessThanOrEqualTo(subscriptions.size());
        assertThat(calls).hasSize(subscriptionReads.size() + customerReads.size()
                + (int) calls.stream().filter(c -> c.startsWith("GET /v2/subscriptions/")).count());
        // per level one read of links with their snapshots; nothing changed since the first request: no writes
        assertThat(statements).as("database statements").isEqualTo(2);
    }
}
