package dev.billinggateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.billinggateway.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The front door of {@code /graphql} (issue 11): every method and content type goes through the same checks,
 * request errors answer with the GraphQL-over-HTTP status codes and media types, hostile documents are refused
 * before graphql-java spends time on them, and whatever the client got wrong is a VALIDATION error naming the
 * field and the rule. After each test: nothing was written, nothing was sent to a provider, the gateway serves.
 * Raw requests go through {@link HttpClient}, so that the test controls every header (RestAssured adds some).
 */
@QuarkusTest
@TestProfile(SecurityProfile.class)
@QuarkusTestResource(PostgresTestResource.class)
class FrontDoorTest {

    static final String GRAPHQL_RESPONSE = "application/graphql-response+json";
    static final String MUTATION = "mutation { linkCustomer(provider: MONRI, providerCustomerId: \"cus-front-door\") { id } }";

    @TestHTTPResource("/graphql")
    URI graphql;

    @Inject
    Pool pool;

    @Inject
    ObjectMapper mapper;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    String writer;
    String reader;
    Map<String, Long> before;

    @BeforeEach
    void remember() {
        writer = Tokens.writer();
        reader = Tokens.reader();
        before = Effects.settled(pool);
    }

    @AfterEach
    void nothingWrittenNothingSentStillServing() throws Exception {
        assertThat(Effects.snapshot(pool)).as("rows and provider requests").isEqualTo(before);
        Answer ok = post(writer, "application/json", null, json(Map.of("query", "{ providers { provider } }")));
        assertThat(ok.status).isEqualTo(200);
        assertThat(ok.body.path("data").path("providers").isArray()).isTrue();
    }

    // --- finding 1: a fragment bomb is refused before graphql-java expands it

    @Test
    void fragmentExplosionIsRefusedCheaplyWithoutBlockingAnEventLoop() throws Exception {
        StringBuilder bomb = new StringBuilder("{ providers { ...F20 } } fragment F0 on ProviderInfo { provider }");
        for (int i = 1; i <= 20; i++) {
            bomb.append(" fragment F").append(i).append(" on ProviderInfo { ...F").append(i - 1).append(" ...F").append(i - 1).append(" }");
        }
        int logLines = LogCapture.get().lines().size();
        long started = System.nanoTime();
        Answer answer = post(writer, "application/json", null, json(Map.of("query", bomb.toString())));
        System.out.printf("fragment bomb (2^20 fields) refused in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        validation(answer, 200).rule("max-query-complexity");
        assertThat(answer.body.has("data")).isFalse();
        // the same bomb at 220 levels, the most the token limit lets through
        StringBuilder big = new StringBuilder("{ providers { ...F200 } } fragment F0 on ProviderInfo { provider }");
        for (int i = 1; i <= 200; i++) {
            big.append(" fragment F").append(i).append(" on ProviderInfo { ...F").append(i - 1).append(" ...F").append(i - 1).append(" }");
        }
        validation(post(writer, "application/json", null, json(Map.of("query", big.toString()))), 200);
        assertThat(LogCapture.get().lines().subList(logLines, LogCapture.get().lines().size()))
                .noneMatch(line -> line.contains("BlockedThreadChecker") || line.contains("has been blocked"));
    }

    @Test
    void typenameAliasesCountTowardsComplexity() throws Exception {
        StringBuilder many = new StringBuilder("{");
        for (int i = 0; i < 600; i++) {
            many.append(" t").append(i).append(": __typename");
        }
        validation(post(writer, "application/json", null, json(Map.of("query", many.append(" }").toString()))), 200)
                .rule("max-query-complexity");
    }

    // --- finding 2: every content type passes the guard

    @Test
    void otherContentTypesAre415AndNeverReachAResolver() throws Exception {
        String body = json(Map.of("query", MUTATION));
        for (String type : new String[] { "text/plain", "application/octet-stream", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x" }) {
            Answer answer = post(reader, type, null, body);
            assertThat(answer.status).as(type).isEqualTo(415);
            assertThat(answer.body.path("errors").path(0).path("extensions").path("code").asText()).as(type).isEqualTo("VALIDATION");
            assertThat(answer.body.path("errors").path(0).path("extensions").path("rule").asText()).as(type).isEqualTo("content-type");
            assertThat(answer.body.path("errors").path(0).path("message").asText()).doesNotContain("Exception");
        }
        Answer none = post(writer, null, null, body);
        assertThat(none.status).isEqualTo(415);
        assertThat(none.body.path("errors").path(0).path("extensions").path("code").asText()).isEqualTo("VALIDATION");
        // the token limit applies whatever the content type says: no way around it
        StringBuilder tokens = new StringBuilder("{");
        for (int i = 0; i < 1400; i++) {
            tokens.append(" t").append(i).append(": __typename");
        }
        Answer graphqlType = post(writer, "application/graphql", null, tokens.append(" }").toString());
        validation(graphqlType, 200).rule("max-query-tokens");
    }

    // --- finding 3: malformed parameters are 400, never 500

    @Test
    void malformedParametersAre400() throws Exception {
        Object[] notStrings = { Map.of("a", 1), 42, true, java.util.List.of("A") };
        for (Object operationName : notStrings) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("query", "{ providers { provider } }");
            body.put("operationName", operationName);
            validation(post(writer, "application/json", null, json(body)), 400).field("operationName");
        }
        Object[] notObjects = { "{}", 42, true, java.util.List.of(1) };
        for (String parameter : new String[] { "variables", "extensions" }) {
            for (Object value : notObjects) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("query", "{ providers { provider } }");
                body.put(parameter, value);
                validation(post(writer, "application/json", GRAPHQL_RESPONSE, json(body)), 400).field(parameter);
            }
        }
        // null parameters are allowed
        Map<String, Object> nulls = new LinkedHashMap<>();
        nulls.put("query", "{ providers { provider } }");
        nulls.put("operationName", null);
        nulls.put("variables", null);
        nulls.put("extensions", null);
        Answer ok = post(writer, "application/json", null, json(nulls));
        assertThat(ok.status).isEqualTo(200);
        assertThat(ok.body.path("errors").isMissingNode()).isTrue();
        validation(post(writer, "application/json", null, ""), 400);
    }

    // --- finding 4: GraphQL-over-HTTP status codes and media types

    @Test
    void statusCodesAndMediaTypesFollowGraphQLOverHttp() throws Exception {
        String query = json(Map.of("query", "{ providers { provider } }"));
        Answer strict = post(writer, "application/json", GRAPHQL_RESPONSE, query);
        assertThat(strict.status).isEqualTo(200);
        assertThat(strict.contentType).startsWith(GRAPHQL_RESPONSE).containsIgnoringCase("charset=utf-8");
        assertThat(strict.vary).contains("Accept");
        for (String accept : new String[] { null, "*/*", "application/json", "application/json, " + GRAPHQL_RESPONSE + ";q=0.5" }) {
            Answer answer = post(writer, "application/json", accept, query);
            assertThat(answer.status).as(accept).isEqualTo(200);
            assertThat(answer.contentType).as(accept).startsWith("application/json");
        }
        // request errors: 400 for a client that understands application/graphql-response+json, 200 otherwise
        String parse = json(Map.of("query", "{ providers { provider }"));
        String invalid = json(Map.of("query", "{ providers { nonsense } }"));
        // a required variable left out: graphql-java refuses it before execution (as in the graphql-http audit)
        String coercion = json(Map.of("query", "query($n: Int!) { customers(first: $n) { nodes { id } } }", "variables", Map.of()));
        for (String request : new String[] { parse, invalid, coercion }) {
            Answer strictError = post(writer, "application/json", GRAPHQL_RESPONSE, request);
            assertThat(strictError.status).as(request).isEqualTo(400);
            assertThat(strictError.contentType).startsWith(GRAPHQL_RESPONSE);
            assertThat(strictError.body.has("data")).as(request).isFalse();
            validation(strictError, 400);
            Answer legacy = post(writer, "application/json", "application/json", request);
            assertThat(legacy.status).as(request).isEqualTo(200);
            validation(legacy, 200);
        }
        // the same over GET
        Answer getParse = get(reader, GRAPHQL_RESPONSE, Map.of("query", "{ providers { provider }"));
        validation(getParse, 400);
        assertThat(getParse.contentType).startsWith(GRAPHQL_RESPONSE);
        // a client that accepts neither media type
        Answer html = post(writer, "application/json", "text/html", query);
        validation(html, 406).rule("accept");
    }

    @Test
    void queriesOverGetMutationsNot() throws Exception {
        Answer ok = get(reader, GRAPHQL_RESPONSE, Map.of("query", "query($n: Int) { webhookEvents(first: $n) { id } }",
                "variables", "{\"n\": 2}"));
        assertThat(ok.status).isEqualTo(200);
        assertThat(ok.contentType).startsWith(GRAPHQL_RESPONSE);
        assertThat(ok.body.path("data").path("webhookEvents").isArray()).as(ok.body.toString()).isTrue();
        // characters that a second URL decoding would mangle (SmallRye's own GET handling decodes twice)
        Answer plus = get(reader, null, Map.of("query", "{ providers { provider } } # 100%zz a+b", "variables", "{\"e\": \"a+b%zz\"}"));
        assertThat(plus.status).isEqualTo(200);
        assertThat(plus.body.path("errors").isMissingNode()).as(plus.body.toString()).isTrue();
        Answer mutation = get(writer, null, Map.of("query", MUTATION));
        assertThat(mutation.status).isEqualTo(405);
        assertThat(mutation.allow).contains("POST");
        assertThat(mutation.body.path("errors").path(0).path("extensions").path("code").asText()).isEqualTo("VALIDATION");
        Answer unauthenticated = get(null, null, Map.of("query", "{ providers { provider } }"));
        assertThat(unauthenticated.status).isEqualTo(401);
        Answer badVariables = get(reader, null, Map.of("query", "{ providers { provider } }", "variables", "[1]"));
        validation(badVariables, 400).field("variables");
        Answer put = send(HttpRequest.newBuilder(graphql).header("Authorization", "Bearer " + reader)
                .method("PUT", HttpRequest.BodyPublishers.ofString(json(Map.of("query", "{ providers { provider } }")))));
        assertThat(put.status).isEqualTo(405);
    }

    // --- finding 5: bad input is VALIDATION, not INTERNAL

    @Test
    void controlCharactersAreValidationErrors() throws Exception {
        Answer inId = post(writer, "application/json", null, json(Map.of("query", "query($id: ID!) { customer(id: $id) { id } }",
                "variables", Map.of("id", "cus_\u0000x"))));
        validation(inId, 200).field("id").rule("no-control-characters");
        Answer inKey = post(writer, "application/json", null, json(Map.of("query",
                "mutation($k: String) { cancelSubscription(id: \"sub_x\", idempotencyKey: $k) { id } }", "variables", Map.of("k", "k\u0000"))));
        validation(inKey, 200).field("idempotencyKey").rule("no-control-characters");
        Answer inLiteral = post(writer, "application/json", null, json(Map.of("query", "{ customer(id: \"cus_\\u0001\") { id } }")));
        validation(inLiteral, 200).field("id").rule("no-control-characters");
        Answer nested = post(writer, "application/json", null, json(Map.of("query", HostileInputTest.CREATE,
                "variables", Map.of("input", Map.of("provider", "HITPAY", "productName", "a\u0007b")))));
        validation(nested, 200).field("input.productName").rule("no-control-characters");
    }

    @Test
    void overflowingIntVariableIsValidation() throws Exception {
        Answer answer = post(writer, "application/json", null, json(Map.of("query", "query($n: Int) { customers(first: $n) { nodes { id } } }",
                "variables", Map.of("n", 2147483648L))));
        validation(answer, 200);
    }

    @Test
    void badFaithIntrospectionIsValidation() throws Exception {
        String query = "{ __schema { types { fields { type { fields { type { fields { type { fields { type { name } } } } } } } } } } }";
        validation(post(reader, "application/json", null, json(Map.of("query", query))), 200);
    }

    @Test
    void oversizedFilterStringsAreValidation() throws Exception {
        String email = "a".repeat(294) + "@example.com"; // 306 characters
        validation(post(reader, "application/json", null, json(Map.of("query",
                "query($e: String) { subscriptions(filter: {customerEmail: $e}) { nodes { id } } }", "variables", Map.of("e", email)))), 200)
                .field("filter.customerEmail");
        validation(post(reader, "application/json", null, json(Map.of("query",
                "query($e: String) { customers(filter: {email: $e}) { nodes { id } } }", "variables", Map.of("e", email)))), 200)
                .field("filter.email");
    }

    // --- finding 6: ids that would change a provider URL path

    @Test
    void dotSegmentsAndSeparatorsInIdsAreRefusedBeforeAnythingIsSent() throws Exception {
        for (String provider : new String[] { "MONRI", "REVENUE_MONSTER", "HITPAY" }) {
            for (String id : new String[] { "..", ".", "a/b", "..%2F", "a\\b", "%2e%2e" }) {
                Answer answer = post(writer, "application/json", null, json(Map.of("query",
                        "mutation($p: Provider!, $id: String!) { linkCustomer(provider: $p, providerCustomerId: $id) { id } }",
                        "variables", Map.of("p", provider, "id", id))));
                validation(answer, 200).field("providerCustomerId");
            }
        }
    }

    // --- finding 7: cursors are signed

    @Test
    void forgedCursorsAreRefused() throws Exception {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        // well-formed but made by hand: a page size far above gateway.limits.max-page-size, and a HitPay page that is no number
        String huge = base64.encodeToString("{\"HITPAY\":{\"cursor\":null,\"skip\":0,\"size\":100000}}".getBytes(StandardCharsets.UTF_8));
        String notANumber = base64.encodeToString("{\"HITPAY\":{\"cursor\":\"active:x\",\"skip\":0,\"size\":2}}".getBytes(StandardCharsets.UTF_8));
        // a real cursor with its payload changed
        Answer first = post(reader, "application/json", null, json(Map.of("query", "{ subscriptions(first: 1) { pageInfo { endCursor } } }")));
        before = Effects.settled(pool); // a real read links what it lists: from here on nothing may change
        String real = first.body.path("data").path("subscriptions").path("pageInfo").path("endCursor").asText();
        assertThat(real).as(first.body.toString()).contains(".");
        String tampered = huge + real.substring(real.indexOf('.'));
        for (String cursor : new String[] { huge, notANumber, tampered, "not-a-cursor", "" }) {
            validation(post(reader, "application/json", null, json(Map.of("query",
                    "query($a: String) { subscriptions(first: 2, after: $a) { nodes { id } } }", "variables", Map.of("a", cursor)))), 200)
                    .field("after");
        }
    }

    // --- finding 8: a client that goes away is not an error of the gateway

    @Test
    void clientDisconnectsAreLoggedAtDebug() throws Exception {
        int from = LogCapture.get().lines().size();
        try (java.net.Socket socket = new java.net.Socket(graphql.getHost(), graphql.getPort())) {
            String half = "POST /graphql HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + writer
                    + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"query\": \"{ provi";
            socket.getOutputStream().write(half.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (LogCapture.get().lines().subList(from, LogCapture.get().lines().size()).stream()
                .noneMatch(line -> line.startsWith("DEBUG") && line.contains("closed the connection"))) {
            assertThat(System.nanoTime()).as("the gateway noticed the closed connection").isLessThan(deadline);
            Thread.sleep(20);
        }
        assertThat(LogCapture.get().lines().subList(from, LogCapture.get().lines().size()))
                .noneMatch(line -> line.startsWith("ERROR") || line.startsWith("SEVERE"));
    }

    // --- helpers

    record Answer(int status, String contentType, String allow, String vary, JsonNode body) {
        Checked rule(String rule) {
            return new Checked(this).rule(rule);
        }
    }

    record Checked(Answer answer) {
        Checked rule(String rule) {
            assertThat(answer.body.path("errors").path(0).path("extensions").path("rule").asText()).as(answer.body.toString()).isEqualTo(rule);
            return this;
        }

        Checked field(String field) {
            assertThat(answer.body.path("errors").path(0).path("extensions").path("field").asText()).as(answer.body.toString()).isEqualTo(field);
            return this;
        }
    }

    static Checked validation(Answer answer, int status) {
        assertThat(answer.status).as(String.valueOf(answer.body)).isEqualTo(status);
        JsonNode errors = answer.body.path("errors");
        assertThat(errors.isArray() && errors.size() > 0).as(answer.body.toString()).isTrue();
        for (JsonNode error : errors) {
            assertThat(error.path("extensions").path("code").asText()).as(answer.body.toString()).isEqualTo("VALIDATION");
            assertThat(error.path("message").asText()).doesNotContain("Exception");
        }
        return new Checked(answer);
    }

    String json(Object value) throws Exception {
        return mapper.writeValueAsString(value);
    }

    Answer post(String token, String contentType, String accept, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(graphql).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(with(request, token, accept));
    }

    Answer get(String token, String accept, Map<String, String> parameters) throws Exception {
        StringBuilder query = new StringBuilder();
        parameters.forEach((k, v) -> query.append(query.isEmpty() ? "?" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return send(with(HttpRequest.newBuilder(URI.create(graphql + query.toString())).GET(), token, accept));
    }

    private static HttpRequest.Builder with(HttpRequest.Builder request, String token, String accept) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        return request;
    }

    Answer send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body;
        try {
            body = response.body().isEmpty() ? mapper.createObjectNode() : mapper.readTree(response.body());
        } catch (Exception notJson) {
            body = mapper.createObjectNode().put("notJson", response.body());
        }
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.headers().firstValue("Allow").orElse(""), response.headers().firstValue("Vary").orElse(""), body);
    }
}
