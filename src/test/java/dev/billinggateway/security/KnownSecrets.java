package dev.billinggateway.security;

import java.util.List;
import java.util.Map;

/** Distinctive provider credentials the gateway is started with; none may ever appear in a log, a response or the audit log. */
public final class KnownSecrets {

    /** A merchant private key (PEM); a line of its base64 body is what must never show up. */
    static final String PRIVATE_KEY = pem("security/other-private.pem");

    public static final Map<String, String> CONFIG = Map.of(
            "gateway.providers.revenue-monster.private-key", PRIVATE_KEY,
            "gateway.providers.hitpay.webhook-salt", "hp-salt-5EC12E7-0b9e7731",
            "gateway.providers.hitpay.event-webhook-salt", "hp-evsalt-5EC12E7-77e0a1c3",
            "gateway.providers.monri.merchant-key", "monri-key-5EC12E7-c2d94b10",
            "gateway.providers.monri.authenticity-token", "monri-token-5EC12E7-4fd0a9e2",
            "gateway.providers.revenue-monster.client-id", "rm-client-5EC12E7-1d2f3a4b",
            "gateway.providers.revenue-monster.client-secret", "rm-secret-5EC12E7-9a8b7c6d");

    /** The provider whose config mapping owns a key (a key no mapping owns would stop the gateway from starting). */
    private static final Map<String, String> MAPPINGS = Map.of(
            "gateway.providers.hitpay.", "dev.billinggateway.provider.hitpay.HitPayConfig",
            "gateway.providers.monri.", "dev.billinggateway.provider.monri.MonriConfig",
            "gateway.providers.revenue-monster.", "dev.billinggateway.provider.revenuemonster.RevenueMonsterConfig");

    /** The secrets whose provider is part of this build. */
    public static Map<String, String> config() {
        Map<String, String> present = new java.util.HashMap<>();
        CONFIG.forEach((key, value) -> MAPPINGS.forEach((prefix, mapping) -> {
            if (key.startsWith(prefix) && exists(mapping)) {
                present.put(key, value);
            }
        }));
        return present;
    }

    /**
     * The strings to look for: each secret, for the PEM key one line of its body (a log could re-wrap the rest),
     * and HitPay's sandbox API key, which stays in use so that HitPay operations succeed.
     */
    public static List<String> values() {
        List<String> values = new java.util.ArrayList<>(
                config().values().stream().map(v -> v.startsWith("-----BEGIN") ? v.split("\n")[2] : v).toList());
        values.add(dev.billinggateway.provider.hitpay.sandbox.HitPaySandboxData.API_KEY);
        return values;
    }

    private static String pem(String resource) {
        try (var in = KnownSecrets.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean exists(String className) {
        try {
            Class.forName(className, false, KnownSecrets.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private KnownSecrets() {
    }
}
