package dev.billinggateway.service;

import java.util.HashMap;
import java.util.Map;

import dev.billinggateway.domain.Provider;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Short fault-tolerance settings so that timeouts and circuit breakers show within a test: the read deadline
 * is 3 s, a read attempt times out after 4 s (so a hanging read is always cut by the deadline; both long enough
 * for a loaded machine's first calls), writes after 1.5 s, reads are not retried, a
 * circuit opens after 4 calls half of which failed. HitPay's open circuit stays open for the test (60 s);
 * Monri's lets a probe through after 1 s (the half-open recovery test).
 */
public class FaultsProfile implements QuarkusTestProfile {

    /** The same settings for every provider's reads and writes ({@code gateway.providers.<slug>.reads|writes.*}). */
    static Map<String, String> shortFaultTolerance() {
        Map<String, String> config = new HashMap<>();
        for (Provider p : Provider.values()) {
            String prefix = "gateway.providers." + p.slug() + ".";
            config.put(prefix + "reads.timeout", "4s");
            config.put(prefix + "reads.max-retries", "0");
            config.put(prefix + "writes.timeout", "1500ms");
            for (String kind : new String[] { "reads", "writes" }) {
                config.put(prefix + kind + ".circuit.request-volume", "4");
                config.put(prefix + kind + ".circuit.delay", p == Provider.MONRI ? "1s" : "60s");
                config.put(prefix + kind + ".circuit.success-threshold", "1");
            }
        }
        return config;
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = shortFaultTolerance();
        config.put("gateway.reads.deadline", "3s");
        config.put("gateway.reconcile.every", "1h");
        config.put("gateway.webhooks.retry-every", "1h");
        return config;
    }
}
