package dev.billinggateway.provider.hitpay;

import java.time.Duration;
import java.util.Optional;

import dev.billinggateway.connector.CallPolicy;
import dev.billinggateway.config.ProviderHttp;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * {@code gateway.providers.hitpay.*}. Every key also works as an environment variable
 * ({@code GATEWAY_PROVIDERS_HITPAY_API_KEY}, ...). The effective values are worked out by {@link HitPayModule}.
 */
@ConfigMapping(prefix = "gateway.providers.hitpay")
public interface HitPayConfig {

    /** Absent: on when an API key is configured. */
    @WithName("enabled")
    Optional<Boolean> enabled();

    /** e.g. {@code https://api.sandbox.hit-pay.com}; absent: production. */
    @WithName("api-url")
    Optional<String> apiUrl();

    /**
     * True when {@code api-url} is a simulator: set by the built-in sandbox (dev mode and tests) when it serves this
     * provider, reported as {@code ProviderInfo.sandbox}.
     */
    @WithName("sandbox")
    @WithDefault("false")
    boolean sandbox();

    /** Sent as {@code X-BUSINESS-API-KEY}. */
    @WithName("api-key")
    Optional<String> apiKey();

    /** The dashboard salt that keys the HMAC of webhooks (the form webhook's {@code hmac} field). */
    @WithName("webhook-salt")
    Optional<String> webhookSalt();

    /**
     * The salt of the event (v2) webhook endpoint, which HitPay issues per endpoint; absent: the same
     * as {@code webhook-salt}.
     */
    @WithName("event-webhook-salt")
    Optional<String> eventWebhookSalt();

    /** Where HitPay posts the form webhook of billings created here; absent: {@code {gateway.public-url}/webhooks/hitpay}. */
    @WithName("webhook-url")
    Optional<String> webhookUrl();

    /** Capped by the reads'/writes' timeout, which is also the HTTP read timeout ({@link CallPolicy}). */
    @WithName("connect-timeout")
    @WithDefault("3s")
    Duration connectTimeout();

    /** {@code gateway.providers.hitpay.reads.*}: timeout, retries, bulkhead and circuit of reads. */
    @WithName("reads")
    CallPolicy.Reads reads();

    /** {@code gateway.providers.hitpay.writes.*}: timeout, bulkhead and circuit of writes (never retried). */
    @WithName("writes")
    CallPolicy.Writes writes();

    /** {@code per_page} when the connector walks through every page of a list. */
    @WithName("list-page-size")
    @WithDefault("100")
    int listPageSize();

    /** Stop walking a list after this many pages per status (guards against a runaway pagination). */
    @WithName("max-list-pages")
    @WithDefault("20")
    int maxListPages();

    /** The connection pool to this provider ({@code .http.pool-size}, {@code .keep-alive}, {@code .idle-timeout}, {@code .http2}). */
    @WithName("http")
    ProviderHttp http();
}
