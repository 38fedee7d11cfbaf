package dev.billinggateway.config;

import java.time.Duration;

import org.jboss.resteasy.reactive.client.api.QuarkusRestClientProperties;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * The connections to one provider's API ({@code gateway.providers.<provider>.http.*}): each provider has a pool
 * of its own, so a slow provider cannot take the connections of the others. The provider clients are built in
 * code (their base URL is only known at run time), so these keys are applied to the builder here rather than
 * through {@code quarkus.rest-client.<name>.*}.
 */
public interface ProviderHttp {

    /**
     * Connections open at once to the provider; a call beyond waits for a free one. The fault-tolerance
     * bulkheads admit fewer calls than this by default, so the pool is not what limits a provider.
     */
    @WithName("pool-size")
    @WithDefault("50")
    int poolSize();

    /** Reuse connections (HTTP keep-alive): no TCP and TLS handshake per call. */
    @WithName("keep-alive")
    @WithDefault("true")
    boolean keepAlive();

    /**
     * An idle connection is closed after this. Shorter than the idle timeout of the provider's servers and
     * load balancers (commonly 60 s), so that a call does not take a connection the other side is closing.
     */
    @WithName("idle-timeout")
    @WithDefault("30s")
    Duration idleTimeout();

    /**
     * HTTP/2 (ALPN over TLS, upgrade over plain HTTP): one multiplexed connection instead of a pool. Off unless the
     * provider's API offers it; the built-in sandbox speaks HTTP/1.1.
     */
    @WithName("http2")
    @WithDefault("false")
    boolean http2();

    /**
     * {@code url} without its trailing slashes, so paths can be appended with one. Asked on every provider call (a
     * configured URL may change at run time), hence a loop and not a regular expression.
     */
    static String withoutTrailingSlashes(String url) {
        int end = url.length();
        while (end > 0 && url.charAt(end - 1) == '/') {
            end--;
        }
        return url.substring(0, end);
    }

    /** Sizes and keeps the pool of a provider client being built. */
    static QuarkusRestClientBuilder pooled(QuarkusRestClientBuilder builder, ProviderHttp http) {
        return builder.property(QuarkusRestClientProperties.CONNECTION_POOL_SIZE, http.poolSize())
                .property(QuarkusRestClientProperties.KEEP_ALIVE_ENABLED, http.keepAlive())
                // seconds, as the client reads it
                .property(QuarkusRestClientProperties.CONNECTION_TTL, (int) Math.max(1, http.idleTimeout().toSeconds()))
                .property(QuarkusRestClientProperties.HTTP2, http.http2());
    }
}
