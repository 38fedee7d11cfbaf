package dev.billinggateway.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.billinggateway.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Bearer JWTs and roles: no, bad or expired token is UNAUTHENTICATED (HTTP 401); a token without the
 * needed role is FORBIDDEN (HTTP 403); a refused request runs no resolver, writes nothing and sends
 * nothing to a provider. Webhooks are not behind JWT.
 */
@QuarkusTest
@TestProfile(SecurityProfile.class)
@QuarkusTestResource(PostgresTestResource.class)
class AuthenticationTest {

    static final String QUERY = "{ customers(first: 5) { nodes { id } } }";
    static final String MUTATION = "mutation { linkCustomer(provider: MONRI, providerCustomerId: \"cus-auth-test\") { id } }";

    @Inject
    Pool pool;

    @Test
    void noTokenIsUnauthenticated() {
        Map<String, Long> before = Effects.settled(pool);
        Api.post(null, QUERY)
                .statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("data", nullValue())
                .body("errors", hasSize(1))
                .body("errors[0].extensions.code", is("UNAUTHENTICATED"));
        Api.post(null, MUTATION).statusCode(401).body("errors[0].extensions.code", is("UNAUTHENTICATED"));
        assertThat(Effects.snapshot(pool)).isEqualTo(before);
    }

    @Test
    void badTokensAreUnauthenticated() {
        Map<String, Long> before = Effects.settled(pool);
        for (String token : new String[] { "not-a-jwt", Tokens.expired(), Tokens.wrongIssuer(), Tokens.signedByAnotherKey(),
                Tokens.unsigned(), Tokens.writer() + "x" }) {
            Api.post(token, MUTATION)
                    .statusCode(401)
                    .body("data", nullValue())
                    .body("errors[0].extensions.code", is("UNAUTHENTICATED"))
                    .body("errors[0].message", not(containsString("Exception")));
        }
        given().header("Authorization", "Basic dXNlcjpwYXNz").contentType(ContentType.JSON).body(Map.of("query", QUERY))
                .post("/graphql").then().statusCode(401).body("errors[0].extensions.code", is("UNAUTHENTICATED"));
        assertThat(Effects.snapshot(pool)).isEqualTo(before);
    }

    @Test
    void readerMayQuery() {
        Api.post(Tokens.reader(), QUERY).statusCode(200).body("data.customers.nodes", notNullValue());
        Api.post(Tokens.reader(), "{ providers { provider enabled } }").statusCode(200)
                .body("data.providers", notNullValue()).body("errors", nullValue());
    }

    @Test
    void readerMayNotMutateAndNothingHappens() {
        Map<String, Long> before = Effects.settled(pool);
        Api.post(Tokens.reader(), MUTATION)
                .statusCode(403)
                .body("data", nullValue())
                .body("errors[0].extensions.code", is("FORBIDDEN"))
                .body("errors[0].message", containsString(Roles.WRITE));
        // a mutation hidden behind operationName in a document that also holds a query
        given().header("Authorization", "Bearer " + Tokens.reader()).contentType(ContentType.JSON)
                .body(Map.of("query", "query Look { providers { provider } } " + MUTATION.replace("mutation {", "mutation Link {"),
                        "operationName", "Link"))
                .post("/graphql").then().statusCode(403).body("errors[0].extensions.code", is("FORBIDDEN"));
        // the same in the application/graphql media type
        given().header("Authorization", "Bearer " + Tokens.reader()).contentType("application/graphql; charset=utf-8").body(MUTATION.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/graphql").then().statusCode(403).body("errors[0].extensions.code", is("FORBIDDEN"));
        assertThat(Effects.snapshot(pool)).isEqualTo(before);
    }

    @Test
    void tokenWithoutBillingRolesIsForbidden() {
        String stranger = Tokens.token("stranger@billing.example", Set.of("some-other-app"));
        Api.post(stranger, QUERY).statusCode(403).body("errors[0].extensions.code", is("FORBIDDEN"));
    }

    @Test
    void writerMayMutate() {
        Api.post(Tokens.writer(), MUTATION)
                .statusCode(200)
                .body("errors[0].extensions.code", not(is("FORBIDDEN")))
                .body("errors[0].extensions.code", not(is("UNAUTHENTICATED")));
        Api.post(Tokens.writer(), QUERY).statusCode(200).body("data.customers.nodes", notNullValue());
    }

    @Test
    void schemaAndIntrospectionNeedAToken() {
        given().get("/graphql/schema.graphql").then().statusCode(401).body("errors[0].extensions.code", is("UNAUTHENTICATED"));
        Api.as(Tokens.reader()).get("/graphql/schema.graphql").then().statusCode(200).body(containsString("mutation: Mutation"));
        Api.post(null, "{ __schema { queryType { name } } }").statusCode(401);
        Api.post(Tokens.reader(), "{ __schema { queryType { name } } }").statusCode(200).body("data.__schema.queryType.name", is("Query"));
    }

    @Test
    void webhooksAreNotBehindJwt() {
        Map<String, Long> before = Effects.settled(pool);
        for (String provider : new String[] { "hitpay", "monri", "revenue-monster" }) {
            for (String authorization : new String[] { null, "Bearer " + Tokens.writer(), "Bearer not-a-jwt" }) {
                var request = given().contentType(ContentType.JSON).body("{\"id\":\"evt_1\",\"status\":\"active\"}");
                if (authorization != null) {
                    request.header("Authorization", authorization);
                }
                // refused by the provider signature check (or not accepted when the provider is off): never by JWT,
                // and a valid client token does not make an unsigned webhook genuine
                request.post("/webhooks/" + provider).then()
                        .statusCode(org.hamcrest.Matchers.oneOf(400, 401, 404))
                        .body("error", notNullValue())
                        .body("errors", nullValue());
            }
        }
        assertThat(Effects.snapshot(pool)).isEqualTo(before);
    }
}
