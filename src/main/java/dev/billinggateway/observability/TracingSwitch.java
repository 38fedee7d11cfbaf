package dev.billinggateway.observability;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * Tracing, and what only tracing needs, runs only where its spans can go somewhere.
 * <ul>
 * <li>{@code quarkus.otel.sdk.disabled} defaults to {@code true} unless an OTLP endpoint is configured
 * ({@code quarkus.otel.exporter.otlp.traces.endpoint} or {@code quarkus.otel.exporter.otlp.endpoint}): spans nobody
 * receives cost a third of a pass-through read's throughput (README "Performance") even when none is sampled.
 * Without the SDK each request still has a trace id ({@link RequestTraceIds}).</li>
 * <li>MicroProfile context propagation ({@code mp.context.ThreadContext.*}) runs with the SDK and not without: it
 * carries the OpenTelemetry context across reactive steps (HTTP client spans below their provider operation's span),
 * and costs a fifth of a pass-through read's CPU. With nothing propagated or cleared, SmallRye wraps no step at all.</li>
 * </ul>
 * A value set anywhere else wins: this source sits below application.properties, the environment and system properties.
 */
public class TracingSwitch implements ConfigSourceFactory {

    static final String SDK_DISABLED = "quarkus.otel.sdk.disabled";
    static final String PROPAGATED = "mp.context.ThreadContext.propagated";
    static final String CLEARED = "mp.context.ThreadContext.cleared";
    static final String UNCHANGED = "mp.context.ThreadContext.unchanged";

    /** Below application.properties (250), environment (300) and system properties (400). */
    static final int ORDINAL = 110;

    private static final List<String> ENDPOINTS = List.of("quarkus.otel.exporter.otlp.traces.endpoint",
            "quarkus.otel.exporter.otlp.endpoint");

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        boolean tracing = configured(context, SDK_DISABLED).map(disabled -> !Boolean.parseBoolean(disabled))
                .orElseGet(() -> ENDPOINTS.stream().anyMatch(name -> configured(context, name).isPresent()));
        // every key is always set (an empty list is "none" to SmallRye): Quarkus records a build-time run of this
        // factory among its low-ordinal runtime defaults, and those must not show through
        return List.of(new PropertiesConfigSource(Map.of(
                SDK_DISABLED, Boolean.toString(!tracing),
                // MicroProfile's own defaults with tracing; else nothing propagated or cleared, everything unchanged
                PROPAGATED, tracing ? "Remaining" : "",
                CLEARED, tracing ? "Transaction" : "",
                UNCHANGED, tracing ? "" : "Remaining"), "gateway-tracing-switch", ORDINAL));
    }

    /**
     * Set by the operator: a non-blank value from a source above this one (Quarkus' own defaults, among them the OTLP
     * endpoint {@code http://localhost:4317}, sit below and do not count).
     */
    private static Optional<String> configured(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return value != null && value.getValue() != null && !value.getValue().isBlank() && value.getConfigSourceOrdinal() > ORDINAL
                ? Optional.of(value.getValue().trim()) : Optional.empty();
    }
}
