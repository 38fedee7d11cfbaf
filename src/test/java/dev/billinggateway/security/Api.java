package dev.billinggateway.security;

import static io.restassured.RestAssured.given;

import java.util.LinkedHashMap;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** Posts GraphQL operations with (or without) a bearer token. */
final class Api {

    private Api() {
    }

    static ValidatableResponse post(String token, String query) {
        return post(token, query, Map.of());
    }

    static ValidatableResponse post(String token, String query, Map<String, ?> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        return as(token).contentType(ContentType.JSON).body(body).when().post("/graphql").then();
    }

    static RequestSpecification as(String token) {
        RequestSpecification spec = given();
        return token == null ? spec : spec.header("Authorization", "Bearer " + token);
    }
}
