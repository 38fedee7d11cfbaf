package dev.billinggateway.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.billinggateway.security.JwtTestResource;
import dev.billinggateway.security.Tokens;
import dev.billinggateway.testsupport.Gql;
import dev.billinggateway.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;

/**
 * The production jar ({@code java -jar target/quarkus-app/quarkus-run.jar}) against a real PostgreSQL:
 * migrations run on start, it serves GraphQL and health, the sandbox is off, and providers without
 * credentials are reported as disabled; clients need a bearer token (authentication is on in production).
 */
@QuarkusIntegrationTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(value = JwtTestResource.class, restrictToAnnotatedClass = true)
class PackagedGatewayIT {

    @BeforeAll
    static void asAReader() {
        RestAssured.requestSpecification = new RequestSpecBuilder().addHeader("Authorization", "Bearer " + Tokens.reader()).build();
    }

    @AfterAll
    static void reset() {
        RestAssured.requestSpecification = null;
    }

    @Test
    void refusesCallersWithoutAToken() {
        var reader = RestAssured.requestSpecification;
        RestAssured.requestSpecification = null;
        try {
            Gql.post("{ providers { provider } }").statusCode(401).body("errors[0].extensions.code", is("UNAUTHENTICATED"));
        } finally {
            RestAssured.requestSpecification = reader;
        }
    }

    @Test
    void startsMigratesAndServes() {
        given().get("/q/health/ready").then().statusCode(200).body("status", is("UP"));
        Gql.post("{ providers { provider enabled sandbox } }")
                .statusCode(200)
                .body("data.providers.provider", hasItems("REVENUE_MONSTER", "HITPAY", "MONRI"))
                .body("data.providers.sandbox", hasItems(false))
                .body("data.providers.enabled", hasItems(false));
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
