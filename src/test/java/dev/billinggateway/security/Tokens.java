package dev.billinggateway.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;

/** Mints bearer tokens for the security tests with the test key pair of {@code src/test/resources/security/}. */
public final class Tokens {

    private Tokens() {
    }

    public static String reader() {
        return token("reader@billing.example", Set.of(Roles.READ));
    }

    public static String writer() {
        return token("writer@billing.example", Set.of(Roles.READ, Roles.WRITE));
    }

    public static String token(String subject, Set<String> groups) {
        return token(subject, groups, java.time.Duration.ofMinutes(10));
    }

    public static String token(String subject, Set<String> groups, java.time.Duration lifetime) {
        return Jwt.issuer(SecurityProfile.ISSUER).upn(subject).subject(subject).groups(groups)
                .expiresAt(Instant.now().plus(lifetime)).sign(key("test-private.pem"));
    }

    public static String expired() {
        return Jwt.issuer(SecurityProfile.ISSUER).upn("late@billing.example").groups(Set.of(Roles.READ, Roles.WRITE))
                .issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600)).sign(key("test-private.pem"));
    }

    public static String wrongIssuer() {
        return Jwt.issuer("https://someone-else.example").upn("mallory@billing.example").groups(Set.of(Roles.READ, Roles.WRITE))
                .expiresAt(Instant.now().plusSeconds(600)).sign(key("test-private.pem"));
    }

    public static String signedByAnotherKey() {
        return Jwt.issuer(SecurityProfile.ISSUER).upn("mallory@billing.example").groups(Set.of(Roles.READ, Roles.WRITE))
                .expiresAt(Instant.now().plusSeconds(600)).sign(key("other-private.pem"));
    }

    /** A token whose signature was removed ({@code alg: none}). */
    public static String unsigned() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = b64.encodeToString(("{\"iss\":\"" + SecurityProfile.ISSUER + "\",\"upn\":\"mallory\",\"groups\":[\"billing-write\"],"
                + "\"exp\":" + (Instant.now().getEpochSecond() + 600) + "}").getBytes(StandardCharsets.UTF_8));
        return header + "." + claims + ".";
    }

    static PrivateKey key(String name) {
        try (InputStream in = Tokens.class.getClassLoader().getResourceAsStream("security/" + name)) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("test key " + name, e);
        }
    }
}
