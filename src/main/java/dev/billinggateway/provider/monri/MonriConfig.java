package dev.billinggateway.provider.monri;

import java.time.Duration;
import java.util.Optional;

import dev.billinggateway.connector.CallPolicy;
import dev.billinggateway.config.ProviderHttp;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * Monri settings ({@code gateway.providers.monri.*}; each also works as an environment variable, e.g.
 * {@code GATEWAY_PROVIDERS_MONRI_MERCHANT_KEY}). Nothing is required: without credentials the provider is
 * simply off.
 */
@ConfigMapping(prefix = "gateway.providers.monri")
public interface MonriConfig {

    /** Default: on when credentials are configured. */
    Optional<Boolean> enabled();

    /** E.g. {@code https://ipgtest.monri.com}; absent: production. */
    Optional<String> apiUrl();

    /**
     * True when {@code api-url} is a simulator: set by the built-in sandbox (dev mode and tests) when it serves this
     * provider, reported as {@code ProviderInfo.sandbox}.
     */
    @WithName("sandbox")
    @WithDefault("false")
    boolean sandbox();

    /** Public half of the WP3-v2.1 credentials; also names the account in gateway links. */
    Optional<String> authenticityToken();

    /** Secret half of the WP3-v2.1 credentials: signs requests and verifies callbacks. Never logged. */
    Optional<String> merchantKey();

    /** Monri's calendar: "today" for the derived subscription status and for emulated cancel. */
    @WithDefault("Europe/Zagreb")
    String timeZone();

    /** Capped by the reads'/writes' timeout, which is also the HTTP read timeout ({@link CallPolicy}). */
    @WithDefault("3s")
    Duration connectTimeout();

    /** {@code gateway.providers.monri.reads.*}: timeout, retries, bulkhead and circuit of reads. */
    CallPolicy.Reads reads();

    /** {@code gateway.providers.monri.writes.*}: timeout, bulkhead and circuit of writes (never retried). */
    CallPolicy.Writes writes();

    /**
     * How {@code createSubscription} finds an existing plan for the amount and interval: {@code list} reads
     * {@code GET /v2/subscriptions} (not documented by Monri), {@code off} always creates a plan.
     */
    @WithDefault("list")
    PlanLookup planLookup();

    enum PlanLookup {
        LIST,
        OFF
    }

    /** The connection pool to this provider ({@code .http.pool-size}, {@code .keep-alive}, {@code .idle-timeout}, {@code .http2}). */
    @WithName("http")
    ProviderHttp http();
}
