package dev.billinggateway.security;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * For tests of the packaged gateway (production profile, authentication on): points MicroProfile JWT at
 * the test public key as a file, so that {@link Tokens} can mint accepted tokens. Use with
 * {@code @QuarkusTestResource(value = JwtTestResource.class, restrictToAnnotatedClass = true)}.
 */
public class JwtTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        try {
            Path key = Path.of(JwtTestResource.class.getClassLoader().getResource("security/test-public.pem").toURI());
            // inline as well: in tests Quarkus generates an in-memory key pair (mp.jwt.verify.publickey) when no key is
            // configured at build time, and an inline key takes precedence over a location
            return Map.of(
                    "mp.jwt.verify.publickey.location", "file:" + key,
                    "mp.jwt.verify.publickey", Files.readString(key),
                    "mp.jwt.verify.issuer", SecurityProfile.ISSUER);
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
    }
}
