package dev.billinggateway.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * The SDK runs when an operator configured an OTLP endpoint, or switched it on or off themselves; context propagation
 * runs with it.
 */
class TracingSwitchTest {

    static final String TRACES = "quarkus.otel.exporter.otlp.traces.endpoint";
    static final String ANY = "quarkus.otel.exporter.otlp.endpoint";

    @Test
    void offWithoutAnEndpoint() {
        assertThat(sdkDisabled(Map.of())).isTrue();
        assertThat(sdkDisabled(Map.of(TRACES, " "))).as("blank").isTrue();
    }

    @Test
    void onWithATracesOrGeneralEndpoint() {
        assertThat(sdkDisabled(Map.of(TRACES, "http://otel-collector:4317"))).isFalse();
        assertThat(sdkDisabled(Map.of(ANY, "http://otel-collector:4317"))).isFalse();
    }

    @Test
    void theOperatorsOwnSwitchWins() {
        assertThat(sdkDisabled(Map.of(TRACES, "http://otel-collector:4317", TracingSwitch.SDK_DISABLED, "true"))).isTrue();
        assertThat(sdkDisabled(Map.of(TracingSwitch.SDK_DISABLED, "false"))).isFalse();
    }

    @Test
    void aDefaultBelowTheSwitchIsNoEndpoint() {
        // Quarkus' own default endpoint (http://localhost:4317) sits below every configured source
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(Map.of(TRACES, "http://localhost:4317"), "defaults", 50))
                .withSources(new TracingSwitch()).build();
        assertThat(config.getValue(TracingSwitch.SDK_DISABLED, Boolean.class)).isTrue();
    }

    @Test
    void contextIsPropagatedOnlyWhileTracing() {
        SmallRyeConfig off = config(Map.of());
        assertThat(off.getPropertyNames()).contains(TracingSwitch.PROPAGATED, TracingSwitch.CLEARED);
        assertThat(off.getOptionalValue(TracingSwitch.PROPAGATED, String.class)).as("empty: none").isEmpty();
        assertThat(off.getOptionalValue(TracingSwitch.CLEARED, String.class)).as("empty: none").isEmpty();
        assertThat(off.getValue(TracingSwitch.UNCHANGED, String.class)).isEqualTo("Remaining");

        SmallRyeConfig on = config(Map.of(TRACES, "http://otel-collector:4317"));
        assertThat(on.getValue(TracingSwitch.PROPAGATED, String.class)).isEqualTo("Remaining");
        assertThat(on.getValue(TracingSwitch.CLEARED, String.class)).isEqualTo("Transaction");
        assertThat(on.getOptionalValue(TracingSwitch.UNCHANGED, String.class)).isEmpty();
    }

    private static boolean sdkDisabled(Map<String, String> environment) {
        return config(environment).getValue(TracingSwitch.SDK_DISABLED, Boolean.class);
    }

    private static SmallRyeConfig config(Map<String, String> environment) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(new HashMap<>(environment), "environment", 300))
                .withSources(new TracingSwitch()).build();
    }
}
