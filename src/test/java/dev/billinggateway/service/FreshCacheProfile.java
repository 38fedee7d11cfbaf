package dev.billinggateway.service;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Snapshots stay fresh for 30 s (the other suites read through with 0 s). */
public class FreshCacheProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("gateway.cache.fresh-for", "30s");
    }
}
