package dev.billinggateway.sandbox;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * {@code gateway.sandbox.*}: the built-in provider sandbox, which exists only in dev mode and tests (the production
 * build carries none and refuses {@code enabled=true}, see {@link SandboxSwitchGuard}).
 */
@ConfigMapping(prefix = "gateway.sandbox")
public interface SandboxConfig {

    /** Serve the built-in provider sandbox and point every provider at it (through {@link SandboxConfigSourceFactory}). */
    @WithDefault("false")
    boolean enabled();

    @WithDefault("127.0.0.1")
    String host();

    /** First port; providers take consecutive ports in enum order. Absent or 0: free ports picked at start. */
    Optional<Integer> port();

    /** Fixed latency added to every sandbox response (benchmarks, fan-out tests). */
    @WithDefault("0s")
    Duration latency();

    /**
     * Where each provider's simulator listens, by provider slug: not a setting, but put here by
     * {@link SandboxConfigSourceFactory} beside the {@code api-url} it gives the provider, so that both agree.
     */
    Map<String, String> listen();
}
