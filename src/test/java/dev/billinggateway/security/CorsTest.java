package dev.billinggateway.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.billinggateway.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** Browser front-ends: only the configured origins (quarkus.http.cors.origins) may call the API cross-origin. */
@QuarkusTest
@TestProfile(SecurityProfile.class)
@QuarkusTestResource(PostgresTestResource.class)
class CorsTest {

    @Test
    void preflightFromAnAllowedOriginMaySendTheToken() {
        given().header("Origin", SecurityProfile.ALLOWED_ORIGIN)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options("/graphql").then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", is(SecurityProfile.ALLOWED_ORIGIN))
                .header("Access-Control-Allow-Headers", containsStringIgnoringCase("authorization"))
                .header("Access-Control-Allow-Methods", containsStringIgnoringCase("POST"));
        given().header("Origin", SecurityProfile.ALLOWED_ORIGIN).header("Authorization", "Bearer " + Tokens.reader())
                .contentType(ContentType.JSON).body(Map.of("query", "{ providers { provider } }"))
                .post("/graphql").then().statusCode(200)
                .header("Access-Control-Allow-Origin", is(SecurityProfile.ALLOWED_ORIGIN));
    }

    @Test
    void otherOriginsAreRefused() {
        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options("/graphql").then()
                .statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://evil.example").header("Authorization", "Bearer " + Tokens.writer())
                .contentType(ContentType.JSON).body(Map.of("query", "{ providers { provider } }"))
                .post("/graphql").then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
