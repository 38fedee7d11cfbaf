package dev.billinggateway.benchmark;

import java.util.HashMap;
import java.util.Map;

import dev.billinggateway.domain.Provider;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Simulated providers that each answer in 100 ms; snapshots stay fresh for a minute; quiet logs; authentication
 * on with the test key pair (the benchmark switches it off for the read without a token).
 */
public class BenchmarkProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>();
        for (Provider p : Provider.values()) {
            // a hanging provider's read is cut off after 1 s (production default: reads 3 s, writes 15 s)
            config.put("gateway.providers." + p.slug() + ".reads.timeout", "1s");
        }
        config.putAll(Map.of(
                "gateway.auth.enabled", "true",
                "mp.jwt.verify.publickey.location", "security/test-public.pem",
                "mp.jwt.verify.issuer", dev.billinggateway.security.SecurityProfile.ISSUER,
                "gateway.sandbox.latency", "100ms",
                "gateway.cache.fresh-for", "60s",
                "quarkus.log.level", "WARN",
                "quarkus.log.category.\"dev.billinggateway\".level", "WARN"));
        return config;
    }
}
