package dev.billinggateway.sandbox;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.eclipse.microprofile.config.spi.ConfigSource;

import dev.billinggateway.domain.Provider;
import dev.billinggateway.provider.hitpay.sandbox.HitPaySandboxData;
import dev.billinggateway.provider.monri.sandbox.MonriSandboxData;
import dev.billinggateway.provider.revenuemonster.sandbox.RevenueMonsterDemoData;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * Points the providers at the built-in sandbox through their own configuration, so that provider code knows nothing
 * of it: when {@code gateway.sandbox.enabled} (dev mode and tests), each provider whose {@code api-url} is not
 * configured gets the address its simulator will listen on ({@link SandboxAddresses}), the simulator's demo
 * credentials and {@code gateway.providers.<p>.sandbox=true} (reported as {@code ProviderInfo.sandbox}). The values
 * sit below every other source, so anything configured wins; a provider pointed elsewhere gets nothing from here.
 * The production build refuses {@code gateway.sandbox.enabled=true} ({@link SandboxSwitchGuard}).
 */
public class SandboxConfigSourceFactory implements ConfigSourceFactory {

    /** Below application.properties (250), environment (300) and system properties (400), test overrides included. */
    static final int ORDINAL = 120;

    static final String NAME = "gateway-sandbox";

    /**
     * Where {@link SandboxServer} listens for a provider ({@link SandboxConfig#listen()}, set here only): read from the
     * configuration the providers read too, so that both agree even when this factory runs more than once.
     */
    static final String LISTEN = "gateway.sandbox.listen.";

    /** The demo settings of each provider's simulator, given its base URL. */
    private static final Map<Provider, Function<String, List<SandboxSetting>>> SETTINGS = new EnumMap<>(Map.of(
            Provider.HITPAY, HitPaySandboxData::settings,
            Provider.MONRI, MonriSandboxData::settings,
            Provider.REVENUE_MONSTER, RevenueMonsterDemoData::settings));

    /**
     * Every key this source may set is set, to an empty value (MicroProfile Config's "absent") where the sandbox
     * supplies nothing: Quarkus records the values of a build-time run of this factory (tests, dev mode) among its
     * low-ordinal runtime defaults, and those must never show through (a WireMock test's provider marked sandboxed,
     * demo credentials beside a configured account).
     */
    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        boolean enabled = value(context, "gateway.sandbox.enabled").map(Boolean::parseBoolean).orElse(false);
        Map<Provider, String> baseUrls = Map.of();
        Map<String, String> properties = new HashMap<>();
        if (enabled) {
            String host = value(context, "gateway.sandbox.host").orElse("127.0.0.1");
            Integer firstPort = value(context, "gateway.sandbox.port").map(Integer::valueOf).orElse(null);
            baseUrls = SandboxAddresses.baseUrls(host, firstPort);
            baseUrls.forEach((provider, baseUrl) -> properties.put(LISTEN + provider.slug(), baseUrl));
        }
        for (Map.Entry<Provider, Function<String, List<SandboxSetting>>> provider : SETTINGS.entrySet()) {
            String prefix = "gateway.providers." + provider.getKey().slug() + ".";
            String baseUrl = baseUrls.get(provider.getKey());
            // not when pointed at another server (a WireMock, the provider's own sandbox): no demo values either
            boolean serve = baseUrl != null && configured(context, prefix + "api-url").isEmpty();
            properties.put(prefix + "api-url", serve ? baseUrl : "");
            properties.put(prefix + "sandbox", Boolean.toString(serve));
            for (SandboxSetting setting : provider.getValue().apply(serve ? baseUrl : "")) {
                boolean replaced = configured(context, prefix + setting.key()).isPresent()
                        || setting.unlessConfigured().stream().anyMatch(k -> configured(context, prefix + k).isPresent());
                properties.put(prefix + setting.key(), serve && !replaced ? setting.value() : "");
            }
        }
        return List.of(new PropertiesConfigSource(properties, NAME, ORDINAL));
    }

    /** The value other sources give (profile-aware), blank counting as absent. */
    private static Optional<String> value(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return Optional.ofNullable(value == null ? null : value.getValue()).map(String::trim).filter(v -> !v.isEmpty());
    }

    /**
     * The value of a source that wins over this one. Sources below it do not count: Quarkus records the values this
     * factory gave at build time (tests, dev mode) among its low-ordinal runtime defaults, and those must not be
     * taken for the operator's settings (they hold the build's ports).
     */
    private static Optional<String> configured(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return value != null && value.getConfigSourceOrdinal() > ORDINAL ? value(context, name) : Optional.empty();
    }
}
