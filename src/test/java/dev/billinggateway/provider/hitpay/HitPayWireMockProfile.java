package dev.billinggateway.provider.hitpay;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The one profile of every HitPay WireMock test (each distinct profile restarts Quarkus). */
public class HitPayWireMockProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                // short enough for the timeout tests, long enough for a loaded 2-core machine
                "gateway.providers.hitpay.reads.timeout", "3s",
                "gateway.providers.hitpay.writes.timeout", "3s",
                "gateway.providers.hitpay.reads.retry-delay", "10ms");
    }

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(HitPayFixedClock.class);
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(HitPayWireMockResource.class));
    }
}
