package dev.billinggateway.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

import org.junit.jupiter.api.Test;

import dev.billinggateway.testsupport.Gql;
import dev.billinggateway.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The production jar ({@code java -jar target/quarkus-app/quarkus-run.jar}) against a real PostgreSQL:
 * migrations run on start, it serves GraphQL and health, the sandbox is off, and providers without
 * credentials are reported as disabled.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(PostgresTestResource.class)
class PackagedGatewayIT {

    @Test
    void startsMigratesAndServes() {
        given().get("/q/health/ready").then().statusCode(200).body("status", is("UP"));
        Gql.post("{ providers { provider enabled sandbox } }")
                .statusCode(200)
                .body("data.providers.provider", hasItems("REVENUE_MONSTER", "HITPAY", "MONRI"))
                .body("data.providers.sandbox", hasItems(false));
    }

    @Test
    void answersWithUnifiedErrors() {
        Gql.post("query { customer(id: \"cus_nope\") { id } }").body("errors[0].extensions.code", is("NOT_FOUND"));
    }

    @Test
    void servesTheSchema() {
        given().get("/graphql/schema.graphql").then().statusCode(200).body(containsString("mutation: Mutation"));
    }
}
