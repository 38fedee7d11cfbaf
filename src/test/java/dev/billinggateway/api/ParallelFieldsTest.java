package dev.billinggateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.billinggateway.testsupport.Gql;
import dev.billinggateway.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * graphql-java resolves sibling and nested fields concurrently; every one of them that reads PostgreSQL
 * must work at the same time (a shared Hibernate Reactive session fails here: quarkusio/quarkus#32870).
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class ParallelFieldsTest {

    static final String QUERY = """
            query($c: ID!, $s: ID!) {
              a: customers(first: 10) { nodes { id subscriptions { id customer { id } } } }
              b: subscriptions(first: 10) { nodes { id customer { id subscriptions { id } } } }
              c: customer(id: $c) { id subscriptions { id } }
              d: subscription(id: $s) { id customer { id } }
              e: customers(first: 5) { nodes { id } }
              providers { provider }
            }""";

    @Test
    void siblingAndNestedDatabaseFieldsRunInParallelWithoutErrors() throws Exception {
        JsonPath seed = Gql.post("{ subscriptions(first: 5) { nodes { id customer { id } } } }").extract().jsonPath();
        List<String> subscriptionIds = seed.getList("data.subscriptions.nodes.id");
        List<String> customerIds = seed.getList("data.subscriptions.nodes.customer.id");
        assertThat(subscriptionIds).as("the sandbox serves demo subscriptions").isNotEmpty();
        Map<String, Object> variables = Map.of("c", customerIds.stream().filter(id -> id != null).findFirst().orElseThrow(),
                "s", subscriptionIds.get(0));

        // one query at a time: the concurrency under test is between the fields of each query
        for (int i = 0; i < 50; i++) {
            JsonPath body = Gql.post(QUERY, variables).statusCode(200).extract().jsonPath();
            assertThat(body.getList("errors")).as("errors of query %d", i).isNullOrEmpty();
            assertThat(body.getList("data.a.nodes")).isNotEmpty();
            assertThat(body.getList("data.b.nodes.customer")).isNotEmpty();
            assertThat(body.getString("data.c.id")).isEqualTo(variables.get("c"));
            assertThat(body.getString("data.d.id")).isEqualTo(variables.get("s"));
        }
    }
}
