package dev.billinggateway.provider.hitpay;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.billinggateway.config.GatewayConfig;
import dev.billinggateway.config.ProviderHttp;
import dev.billinggateway.connector.Digests;
import dev.billinggateway.connector.ProviderGuards;
import dev.billinggateway.connector.ProviderModule;
import dev.billinggateway.domain.ErrorCode;
import dev.billinggateway.domain.GatewayException;
import dev.billinggateway.domain.Provider;

/**
 * HitPay's switch and effective settings: where calls go ({@code api-url}, else production) and which credentials
 * they carry. In dev mode and tests the built-in sandbox supplies both through configuration.
 */
@ApplicationScoped
public class HitPayModule implements ProviderModule {

    public static final String PRODUCTION_URL = "https://api.hit-pay.com";

    @Inject
    HitPayConfig config;

    @Inject
    GatewayConfig gateway;

    @Inject
    HitPayClient client;

    @Override
    public Provider provider() {
        return Provider.HITPAY;
    }

    @Override
    public boolean enabled() {
        return config.enabled().orElseGet(() -> configured(config.apiKey()).isPresent());
    }

    @Override
    public boolean sandboxed() {
        return config.sandbox();
    }

    /**
     * A fingerprint of the API key (never the key), so links of different HitPay accounts never clash; the sandbox's
     * account keeps the name it always had, so links made in dev mode stay valid.
     */
    @Override
    public String account() {
        Optional<String> key = configured(config.apiKey());
        if (config.sandbox()) {
            return "sandbox";
        }
        if (key.isEmpty()) {
            return "unconfigured";
        }
        return "key-" + Digests.sha256Hex(key.get().getBytes(StandardCharsets.UTF_8)).substring(0, 12);
    }

    public String baseUrl() {
        return ProviderHttp.withoutTrailingSlashes(configured(config.apiUrl()).orElse(PRODUCTION_URL));
    }

    /** The key for {@code X-BUSINESS-API-KEY}; fails before sending when there is none. */
    public String apiKey() {
        return configured(config.apiKey())
                .orElseThrow(() -> GatewayException.of(ErrorCode.PROVIDER_UNAVAILABLE,
                        "HitPay is not configured: set gateway.providers.hitpay.api-key")
                        .provider(Provider.HITPAY).retryable(false).build());
    }

    /** Salt of the form (v1) webhook; empty when none is configured. */
    public Optional<String> formWebhookSalt() {
        return configured(config.webhookSalt());
    }

    /** Salt of the event (v2) webhook endpoint; falls back to the form webhook's salt. */
    public Optional<String> eventWebhookSalt() {
        return configured(config.eventWebhookSalt()).or(this::formWebhookSalt);
    }

    /** Sent as {@code webhook} on create, so that HitPay posts its form webhook to the gateway. */
    public String webhookUrl() {
        return configured(config.webhookUrl()).orElseGet(() -> gateway.webhookUrl(Provider.HITPAY));
    }

    private static Optional<String> configured(Optional<String> value) {
        return value.map(String::trim).filter(v -> !v.isEmpty());
    }

    @Override
    public ProviderGuards guards() {
        return client.guards();
    }
}
