package dev.billinggateway.live;

import java.util.HashMap;
import java.util.Map;

import dev.billinggateway.security.SecurityProfile;
import io.quarkus.test.junit.QuarkusTestProfile;

/** The security suites' profile (authentication on, the test key), with small live-update limits to reach them quickly. */
public class LiveUpdatesProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(new SecurityProfile().getConfigOverrides());
        config.put("gateway.live.max-operations-per-connection", "3");
        config.put("gateway.live.max-queued-bytes", "16384");
        config.put("gateway.live.init-timeout", "3s");
        config.put("gateway.live.idle-timeout", "4s");
        return config;
    }
}
