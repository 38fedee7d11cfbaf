package dev.billinggateway.service;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * {@link FaultsProfile} with the gateway's own schedulers (reconciler, webhook retries, retention) off, so that a
 * test of background work is the only one doing it.
 */
public class NoSchedulersProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(new FaultsProfile().getConfigOverrides());
        config.put("quarkus.scheduler.enabled", "false");
        return config;
    }
}
