package dev.billinggateway.service;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Short fault-tolerance settings so that timeouts and circuit breakers show within a test: every provider
 * call times out after 1.5 s, reads are not retried, a circuit opens after 4 calls half of which failed and
 * tries again after 2 s. (MicroProfile Fault Tolerance's global keys override every annotation.)
 */
public class FaultsProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "Timeout/value", "1500",
                "Timeout/unit", "MILLIS",
                "Retry/maxRetries", "0",
                "CircuitBreaker/requestVolumeThreshold", "4",
                "CircuitBreaker/delay", "2000",
                "CircuitBreaker/delayUnit", "MILLIS",
                "gateway.reconcile.every", "1h",
                "gateway.webhooks.retry-every", "1h");
    }
}
