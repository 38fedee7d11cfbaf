package dev.billinggateway.security;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The one profile of the security suites (each distinct profile restarts Quarkus): authentication on,
 * the test key pair of {@code src/test/resources/security/}, a CORS allow-list, and known provider
 * secrets that the secrets test looks for in logs, responses and the audit log.
 */
public class SecurityProfile implements QuarkusTestProfile {

    public static final String ISSUER = "https://issuer.test.billing-gateway";
    public static final String ALLOWED_ORIGIN = "https://dashboard.example";

    @Override
    public Map<String, String> getConfigOverrides() {
        LogCapture.install(); // before the gateway starts, so that start-up logging is captured too
        Map<String, String> config = new HashMap<>();
        config.put("gateway.auth.enabled", "true");
        config.put("mp.jwt.verify.publickey.location", "security/test-public.pem");
        config.put("mp.jwt.verify.issuer", ISSUER);
        config.put("quarkus.http.cors.origins", ALLOWED_ORIGIN);
        // more of the gateway's own logging, so that a leak at DEBUG would be seen
        config.put("quarkus.log.category.\"dev.billinggateway\".level", "DEBUG");
        config.putAll(KnownSecrets.config());
        // no background jobs (webhook retries, reconciliation): "nothing was sent" must mean the request sent nothing
        config.put("quarkus.scheduler.enabled", "false");
        return config;
    }
}
