package dev.billinggateway.testsupport;

import static io.restassured.RestAssured.given;

import java.util.LinkedHashMap;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Posts GraphQL operations to the running gateway, as a front-end would. */
public final class Gql {

    private Gql() {
    }

    public static ValidatableResponse post(String query) {
        return post(query, Map.of());
    }

    public static ValidatableResponse post(String query, Map<String, ?> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        return given().contentType(ContentType.JSON).body(body).when().post("/graphql").then();
    }
}
