package dev.billinggateway.benchmark;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Every read goes to the provider ({@code fresh-for=0}), which answers in about a millisecond; quiet logs. */
public class PassThroughProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "gateway.cache.fresh-for", "0s",
                "gateway.sandbox.latency", "1ms",
                "quarkus.log.level", "WARN",
                "quarkus.log.category.\"dev.billinggateway\".level", "WARN");
    }
}
