package dev.billinggateway.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.billinggateway.provider.hitpay.sandbox.HitPaySandboxData;
import dev.billinggateway.provider.monri.sandbox.MonriSandboxData;
import dev.billinggateway.provider.revenuemonster.sandbox.RevenueMonsterDemoData;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** What the sandbox configures for the providers, and what it leaves to the operator's settings. */
class SandboxConfigSourceFactoryTest {

    static final String HITPAY = "gateway.providers.hitpay.";
    static final String MONRI = "gateway.providers.monri.";
    static final String RM = "gateway.providers.revenue-monster.";

    /** {@code operator} at application.properties' ordinal, {@code recorded} below the sandbox (Quarkus' build-time values). */
    static SmallRyeConfig config(Map<String, String> operator, Map<String, String> recorded) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(operator, "operator", 250))
                .withSources(new PropertiesConfigSource(recorded, "recorded", SandboxConfigSourceFactory.ORDINAL - 100))
                .withSources(new SandboxConfigSourceFactory())
                .build();
    }

    static Map<String, String> on(String... keyValues) {
        Map<String, String> map = new HashMap<>(Map.of("gateway.sandbox.enabled", "true", "gateway.sandbox.port", "18091"));
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    static Optional<String> value(SmallRyeConfig config, String key) {
        return config.getOptionalValue(key, String.class);
    }

    @Test
    void pointsEveryProviderAtItsSimulatorWithTheDemoCredentials() {
        SmallRyeConfig config = config(on(), Map.of());

        assertThat(value(config, HITPAY + "api-url")).contains("http://127.0.0.1:18092");
        assertThat(value(config, MONRI + "api-url")).contains("http://127.0.0.1:18093");
        assertThat(value(config, RM + "api-url")).contains("http://127.0.0.1:18091");
        assertThat(value(config, RM + "oauth-url")).contains("http://127.0.0.1:18091");
        assertThat(value(config, "gateway.sandbox.listen.hitpay")).contains("http://127.0.0.1:18092");
        assertThat(value(config, HITPAY + "sandbox")).contains("true");
        assertThat(value(config, HITPAY + "api-key")).contains(HitPaySandboxData.API_KEY);
        assertThat(value(config, HITPAY + "webhook-salt")).contains(HitPaySandboxData.WEBHOOK_SALT);
        assertThat(value(config, MONRI + "authenticity-token")).contains(MonriSandboxData.AUTHENTICITY_TOKEN);
        assertThat(value(config, MONRI + "merchant-key")).contains(MonriSandboxData.MERCHANT_KEY);
        assertThat(value(config, RM + "client-id")).contains(RevenueMonsterDemoData.CLIENT_ID);
        assertThat(value(config, RM + "private-key")).contains(RevenueMonsterDemoData.MERCHANT_PRIVATE_KEY_PEM);
        assertThat(value(config, RM + "server-public-key")).contains(RevenueMonsterDemoData.SERVER_PUBLIC_KEY_PEM);
    }

    @Test
    void aProviderPointedElsewhereGetsNothingFromTheSandbox() {
        SmallRyeConfig config = config(on(HITPAY + "api-url", "http://wiremock:1234"), Map.of());

        assertThat(value(config, HITPAY + "api-url")).contains("http://wiremock:1234");
        assertThat(value(config, HITPAY + "sandbox")).contains("false");
        assertThat(value(config, HITPAY + "api-key")).isEmpty();
        assertThat(value(config, HITPAY + "webhook-salt")).isEmpty();
        assertThat(value(config, MONRI + "sandbox")).contains("true"); // the others still are served
    }

    @Test
    void configuredCredentialsWinAndAKeyFileReplacesTheDemoKey() {
        SmallRyeConfig config = config(on(HITPAY + "api-key", "own-key", RM + "private-key-file", "/run/rm.pem",
                MONRI + "merchant-key", "own-merchant-key"), Map.of());

        assertThat(value(config, HITPAY + "api-key")).contains("own-key");
        assertThat(value(config, HITPAY + "webhook-salt")).contains(HitPaySandboxData.WEBHOOK_SALT);
        assertThat(value(config, RM + "private-key")).isEmpty();
        assertThat(value(config, RM + "private-key-file")).contains("/run/rm.pem");
        // half an account is the operator's: no demo token beside their merchant key
        assertThat(value(config, MONRI + "authenticity-token")).isEmpty();
        assertThat(value(config, MONRI + "merchant-key")).contains("own-merchant-key");
    }

    @Test
    void valuesRecordedFromABuildTimeRunNeverShowThrough() {
        Map<String, String> recorded = Map.of(HITPAY + "api-url", "http://127.0.0.1:1", HITPAY + "sandbox", "true",
                HITPAY + "api-key", HitPaySandboxData.API_KEY, MONRI + "api-url", "http://127.0.0.1:2");

        SmallRyeConfig served = config(on(), recorded);
        assertThat(value(served, MONRI + "api-url")).contains("http://127.0.0.1:18093");

        SmallRyeConfig elsewhere = config(on(HITPAY + "api-url", "http://wiremock:1234"), recorded);
        assertThat(value(elsewhere, HITPAY + "sandbox")).contains("false");
        assertThat(value(elsewhere, HITPAY + "api-key")).isEmpty();

        SmallRyeConfig off = config(Map.of("gateway.sandbox.enabled", "false"), recorded);
        assertThat(value(off, HITPAY + "api-url")).isEmpty();
        assertThat(value(off, HITPAY + "sandbox")).contains("false");
        assertThat(value(off, MONRI + "api-url")).isEmpty();
    }

    @Test
    void switchedOffItConfiguresNothing() {
        SmallRyeConfig config = config(Map.of(), Map.of());

        assertThat(value(config, HITPAY + "api-url")).isEmpty();
        assertThat(value(config, RM + "client-id")).isEmpty();
        assertThat(value(config, "gateway.sandbox.listen.hitpay")).isEmpty();
    }
}
