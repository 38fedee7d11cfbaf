package dev.billinggateway.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

import java.util.List;

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
import io.restassured.filter.Filter;

/**
 * The production jar ({@code java -jar target/quarkus-app/quarkus-run.jar}) against a real PostgreSQL:
 * migrations run on start, it serves GraphQL and health, the sandbox is off, and providers without
 * credentials are reported as disabled; clients need a bearer token (authentication is on in production).
 */
@QuarkusIntegrationTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(value = JwtTestResource.class, restrictToAnnotatedClass = true)
class PackagedGatewayIT {

    /** Every request of these tests carries a reader's token (a filter keeps the port Quarkus set). */
    static final Filter AS_READER = (request, response, ctx) -> {
        request.header("Authorization", "Bearer " + Tokens.reader());
        return ctx.next(request, response);
    };

    @BeforeAll
    static void asAReader() {
        RestAssured.filters(AS_READER);
    }

    @AfterAll
    static void reset() {
        RestAssured.replaceFiltersWith(List.of());
    }

    @Test
    void refusesCallersWithoutAToken() {
        RestAssured.replaceFiltersWith(List.of());
        try {
            Gql.post("{ providers { provider } }").statusCode(401).body("errors[0].extensions.code", is("UNAUTHENTICATED"));
        } finally {
            RestAssured.filters(AS_READER);
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
