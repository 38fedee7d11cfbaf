package dev.billinggateway.benchmark;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Simulated providers that each answer in 100 ms; snapshots stay fresh for a minute; quiet logs; authentication
 * on with the test key pair (the benchmark switches it off for the read without a token).
 */
public class BenchmarkProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "gateway.auth.enabled", "true",
                "mp.jwt.verify.publickey.location", "security/test-public.pem",
                "mp.jwt.verify.issuer", dev.billinggateway.security.SecurityProfile.ISSUER,
                // a hanging provider is cut off after 1 s (production defaults are 5 to 15 s)
                "Timeout/value", "1000",
                "Timeout/unit", "MILLIS",
                "gateway.sandbox.latency", "100ms",
                "gateway.cache.fresh-for", "60s",
                "quarkus.log.level", "WARN",
                "quarkus.log.category.\"dev.billinggateway\".level", "WARN");
    }
}
