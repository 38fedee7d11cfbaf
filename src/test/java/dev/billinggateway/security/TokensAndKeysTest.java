package dev.billinggateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.billinggateway.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.jwt.build.Jwt;

/**
 * Token rules beyond MicroProfile JWT (issue 11): {@code iat}/{@code nbf} in the future and a {@code groups} claim
 * that is not an array are refused; a verified token is not verified again; idempotency keys belong to a subject.
 */
@QuarkusTest
@TestProfile(SecurityProfile.class)
@QuarkusTestResource(PostgresTestResource.class)
class TokensAndKeysTest {

    static final String QUERY = "{ providers { provider } }";

    @Inject
    AccessPolicy access;

    @Test
    void tokensIssuedInTheFutureAreRefused() {
        Instant hourAhead = Instant.now().plusSeconds(3600);
        String issuedLater = Jwt.issuer(SecurityProfile.ISSUER).upn("future@billing.example").groups(Set.of(Roles.READ))
                .issuedAt(hourAhead).expiresAt(hourAhead.plusSeconds(600)).sign(Tokens.key("test-private.pem"));
        Api.post(issuedLater, QUERY).statusCode(401).body("errors[0].extensions.code", is("UNAUTHENTICATED"));
        String validLater = Jwt.issuer(SecurityProfile.ISSUER).upn("future@billing.example").groups(Set.of(Roles.READ))
                .claim("nbf", hourAhead.getEpochSecond()).expiresAt(hourAhead.plusSeconds(600)).sign(Tokens.key("test-private.pem"));
        Api.post(validLater, QUERY).statusCode(401).body("errors[0].extensions.code", is("UNAUTHENTICATED"));
        // within the clock skew: accepted
        String slightlyAhead = Jwt.issuer(SecurityProfile.ISSUER).upn("skewed@billing.example").groups(Set.of(Roles.READ))
                .issuedAt(Instant.now().plusSeconds(20)).expiresAt(Instant.now().plusSeconds(600)).sign(Tokens.key("test-private.pem"));
        Api.post(slightlyAhead, QUERY).statusCode(200).body("data.providers", notNullValue());
    }

    @Test
    void groupsMustBeAnArrayOfStrings() {
        String spaced = Jwt.issuer(SecurityProfile.ISSUER).upn("string@billing.example").claim("groups", Roles.READ + " " + Roles.WRITE)
                .expiresAt(Instant.now().plusSeconds(600)).sign(Tokens.key("test-private.pem"));
        Api.post(spaced, QUERY).statusCode(401).body("errors[0].extensions.code", is("UNAUTHENTICATED"));
    }

    @Test
    void aVerifiedTokenIsNotVerifiedAgain() {
        String token = Tokens.reader();
        Api.post(token, QUERY).statusCode(200);
        long hits = access.tokenCacheStats().hitCount();
        long misses = access.tokenCacheStats().missCount();
        Api.post(token, QUERY).statusCode(200).body("data.providers", notNullValue());
        Api.post(token, QUERY).statusCode(200);
        assertThat(access.tokenCacheStats().hitCount()).isEqualTo(hits + 2);
        assertThat(access.tokenCacheStats().missCount()).isEqualTo(misses);
        // a token that failed verification is never remembered
        Api.post(token + "x", QUERY).statusCode(401);
        Api.post(token + "x", QUERY).statusCode(401);
        assertThat(access.tokenCacheStats().hitCount()).isEqualTo(hits + 2);
    }

    @Test
    void idempotencyKeysBelongToTheSubject() {
        String create = "mutation($input: CreateSubscriptionInput!, $k: String) { createSubscription(input: $input, idempotencyKey: $k) { id } }";
        String key = "scope-" + System.nanoTime();
        String alice = Tokens.token("alice@billing.example", Set.of(Roles.READ, Roles.WRITE));
        String bob = Tokens.token("bob@billing.example", Set.of(Roles.READ, Roles.WRITE));
        Map<String, Object> alices = input("alice");
        String first = Api.post(alice, create, Map.of("input", alices, "k", key)).statusCode(200)
                .body("errors", nullValue()).extract().path("data.createSubscription.id");
        // the same key and request again: the first result; another request with the key: a conflict
        Api.post(alice, create, Map.of("input", alices, "k", key)).body("data.createSubscription.id", is(first));
        Api.post(alice, create, Map.of("input", input("mallory"), "k", key)).body("errors[0].extensions.code", is("IDEMPOTENCY_CONFLICT"));
        // from another subject the same key is another request: neither a conflict nor alice's result
        Api.post(bob, create, Map.of("input", input("bob"), "k", key)).statusCode(200)
                .body("errors", nullValue()).body("data.createSubscription.id", not(is(first)));
    }

    private static Map<String, Object> input(String who) {
        Map<String, Object> input = HostileInputTest.createInput("HITPAY", "9.90", "SGD", "MONTH");
        input.put("customer", Map.of("email", who + "-" + System.nanoTime() + "@example.com"));
        return input;
    }
}
