package dev.billinggateway.provider.revenuemonster;

import java.time.Duration;
import java.util.Optional;

import dev.billinggateway.connector.CallPolicy;
import dev.billinggateway.config.ProviderHttp;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * {@code gateway.providers.revenue-monster.*} (environment: {@code GATEWAY_PROVIDERS_REVENUE_MONSTER_*}).
 * Everything is optional: without credentials the provider is switched off.
 */
@ConfigMapping(prefix = "gateway.providers.revenue-monster")
public interface RevenueMonsterConfig {

    /** Default: on when credentials are configured. */
    Optional<Boolean> enabled();

    /** Open API base, e.g. {@code https://sb-open.revenuemonster.my}; absent: production. */
    Optional<String> apiUrl();

    /**
     * True when {@code api-url} is a simulator: set by the built-in sandbox (dev mode and tests) when it serves this
     * provider, reported as {@code ProviderInfo.sandbox}.
     */
    @WithName("sandbox")
    @WithDefault("false")
    boolean sandbox();

    /**
     * OAuth base, e.g. {@code https://sb-oauth.revenuemonster.my}. Default: derived from {@code api-url}
     * ({@code open.} becomes {@code oauth.} on RM hosts, any other host serves both), else production.
     */
    Optional<String> oauthUrl();

    Optional<String> clientId();

    Optional<String> clientSecret();

    /** Merchant RSA private key, PEM (PKCS#1 or PKCS#8). */
    Optional<String> privateKey();

    /** The same, read from a file. */
    Optional<String> privateKeyFile();

    /** RM server public key, PEM (or the portal's bare Base64), to verify notify callbacks. */
    Optional<String> serverPublicKey();

    Optional<String> serverPublicKeyFile();

    /** Store of new recurring customers when the request names none. */
    Optional<String> storeId();

    /**
     * Routes of the customer family. Sources disagree (provider doc §0.1): the defaults are the official
     * docs' and SDKs' {@code /v3/customer/...}; {@code {customer_id}} is replaced by the customer ID.
     * Known variants: {@code PUT /v3/recurring-payment/{customer_id}/status} (superseded 2022-11),
     * {@code POST /v3/recurring-payment/{customer_id}/toggle} (unverified).
     */
    @WithDefault("PUT")
    String toggleMethod();

    @WithDefault("/v3/customer/{customer_id}/status")
    String togglePath();

    @WithDefault("/v3/customer/{customer_id}")
    String customerPath();

    @WithDefault("/v3/customer/{customer_id}/orders")
    String customerOrdersPath();

    @WithDefault("/v3/recurring-payment")
    String recurringPaymentPath();

    /** Capped by the reads'/writes' timeout, which is also the HTTP read timeout ({@link CallPolicy}). */
    @WithDefault("3s")
    Duration connectTimeout();

    /** {@code gateway.providers.revenue-monster.reads.*}: timeout, retries, bulkhead and circuit of reads. */
    CallPolicy.Reads reads();

    /** {@code gateway.providers.revenue-monster.writes.*}: timeout, bulkhead and circuit of writes (never retried). */
    CallPolicy.Writes writes();

    /** The access token is renewed this long before RM says it expires. */
    @WithDefault("60s")
    Duration tokenRenewBefore();

    /** At most this many order pages are read to count a customer's charges. */
    @WithDefault("20")
    int maxOrderPages();

    /** The connection pool to this provider ({@code .http.pool-size}, {@code .keep-alive}, {@code .idle-timeout}, {@code .http2}). */
    @WithName("http")
    ProviderHttp http();
}
