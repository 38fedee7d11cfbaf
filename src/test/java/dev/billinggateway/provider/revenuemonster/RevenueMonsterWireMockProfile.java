package dev.billinggateway.provider.revenuemonster;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The one profile of all Revenue Monster WireMock tests (each distinct profile restarts Quarkus). */
public class RevenueMonsterWireMockProfile implements QuarkusTestProfile {

    /**
     * Work-around, until the shared SandboxServer avoids it: with a provider sandbox present, Quarkus' HTTP
     * server metrics register {@code http_server_bytes_read} twice with different tag keys (a hard error
     * since Quarkus 3.34) and the main HTTP server never finishes starting.
     */
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.micrometer.binder.http-server.enabled", "false",
                // the timeout tests' budgets: an answer after 6.5 s is cut off
                "gateway.providers.revenue-monster.reads.timeout", "5s",
                "gateway.providers.revenue-monster.writes.timeout", "5s");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(RevenueMonsterWireMockResource.class));
    }
}
