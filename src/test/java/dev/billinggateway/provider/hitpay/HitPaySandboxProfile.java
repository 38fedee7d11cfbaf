package dev.billinggateway.provider.hitpay;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The default test configuration (sandbox on), plus one workaround: while the shared
 * {@code SandboxServer} creates its HTTP servers on the application's Vert.x, their Micrometer HTTP
 * metrics clash with the main server's and start-up hangs. Drop this profile once that is fixed on main.
 */
public class HitPaySandboxProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.micrometer.binder.http-server.enabled", "false");
    }
}
