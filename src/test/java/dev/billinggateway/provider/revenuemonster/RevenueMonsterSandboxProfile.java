package dev.billinggateway.provider.revenuemonster;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The default test configuration (sandbox on) plus one work-around: with a provider sandbox present,
 * Quarkus' HTTP server metrics register {@code http_server_bytes_read} twice with different tag keys (a
 * hard error since Quarkus 3.34) and the main HTTP server never finishes starting. Drop this profile
 * once the shared SandboxServer or application.properties avoids that.
 */
public class RevenueMonsterSandboxProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.micrometer.binder.http-server.enabled", "false");
    }
}
