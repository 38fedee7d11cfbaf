package dev.billinggateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.billinggateway.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** The default test configuration. With gateway.auth.enabled=false (dev mode, the default test profile) every caller is "developer" with both roles. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class DevIdentityTest {

    @Inject
    Pool pool;

    @Test
    void everyCallerIsTheDeveloper() {
        Api.post(null, "{ providers { provider } }").statusCode(200).body("data.providers", notNullValue());
        Api.post("not-a-jwt", "{ providers { provider } }").statusCode(200).body("data.providers", notNullValue());
        String target = "cus-dev-" + UUID.randomUUID();
        Api.post(null, "mutation($p: String!) { linkCustomer(provider: MONRI, providerCustomerId: $p) { id } }", Map.of("p", target))
                .statusCode(200)
                .body("errors[0].extensions.code", not(is("UNAUTHENTICATED")))
                .body("errors[0].extensions.code", not(is("FORBIDDEN")));
        String subject = pool.preparedQuery("select subject from audit_log where target_id = $1").execute(Tuple.of(target))
                .await().indefinitely().iterator().next().getString(0);
        assertThat(subject).isEqualTo(Roles.DEV_SUBJECT);
    }

    /** No quarkus.http.cors.origins here, as in a production build that lists none: cross-origin calls are refused. */
    @Test
    void withoutConfiguredOriginsCrossOriginCallsAreRefused() {
        io.restassured.RestAssured.given().header("Origin", "https://anywhere.example")
                .header("Access-Control-Request-Method", "POST").options("/graphql").then().statusCode(403);
        io.restassured.RestAssured.given().header("Origin", "https://anywhere.example")
                .contentType(io.restassured.http.ContentType.JSON).body(Map.of("query", "{ providers { provider } }"))
                .post("/graphql").then().statusCode(403);
    }
}
