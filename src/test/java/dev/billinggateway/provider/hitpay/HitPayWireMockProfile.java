package dev.billinggateway.provider.hitpay;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The one profile of every HitPay WireMock test (each distinct profile restarts Quarkus). */
public class HitPayWireMockProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        String client = HitPayClient.class.getName();
        return Map.of(
                // fault-tolerance settings are fixed at build time, hence here and not in the test resource:
                // short enough for the timeout tests, long enough for a loaded 2-core machine
                "quarkus.fault-tolerance.\"" + client + "/fetch\".timeout.value", "3000",
                "quarkus.fault-tolerance.\"" + client + "/fetch\".timeout.unit", "millis",
                "quarkus.fault-tolerance.\"" + client + "/create\".timeout.value", "3000",
                "quarkus.fault-tolerance.\"" + client + "/create\".timeout.unit", "millis",
                "quarkus.fault-tolerance.\"" + client + "/fetch\".retry.delay", "10",
                "quarkus.fault-tolerance.\"" + client + "/list\".retry.delay", "10");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(HitPayWireMockResource.class));
    }
}
