package dev.billinggateway.provider.revenuemonster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.billinggateway.config.ProviderHttp;
import dev.billinggateway.connector.ProviderGuards;
import dev.billinggateway.connector.ProviderModule;
import dev.billinggateway.domain.ErrorCode;
import dev.billinggateway.domain.GatewayException;
import dev.billinggateway.domain.Provider;

/**
 * Revenue Monster's switch, target and health, and the effective settings: where calls go and with which
 * credentials ({@code api-url}, else production). In dev mode and tests the built-in sandbox supplies both through
 * configuration.
 */
@ApplicationScoped
public class RevenueMonsterModule implements ProviderModule {

    public static final String PRODUCTION_API_URL = "https://open.revenuemonster.my";
    public static final String PRODUCTION_OAUTH_URL = "https://oauth.revenuemonster.my";

    @Inject
    RevenueMonsterConfig config;

    @Inject
    RevenueMonsterClient client;

    private volatile PrivateKey privateKey;
    private volatile PublicKey serverPublicKey;

    public RevenueMonsterConfig config() {
        return config;
    }

    @Override
    public Provider provider() {
        return Provider.REVENUE_MONSTER;
    }

    /** True when calls go to the built-in sandbox. */
    @Override
    public boolean sandboxed() {
        return config.sandbox();
    }

    public boolean credentialsConfigured() {
        return config.clientId().isPresent() && config.clientSecret().isPresent()
                && (config.privateKey().isPresent() || config.privateKeyFile().isPresent());
    }

    @Override
    public boolean enabled() {
        return config.enabled().orElse(credentialsConfigured());
    }

    public String apiUrl() {
        return config.apiUrl().map(ProviderHttp::withoutTrailingSlashes).orElse(PRODUCTION_API_URL);
    }

    public String oauthUrl() {
        if (config.oauthUrl().isPresent()) {
            return ProviderHttp.withoutTrailingSlashes(config.oauthUrl().get());
        }
        if (config.apiUrl().isPresent()) {
            String api = ProviderHttp.withoutTrailingSlashes(config.apiUrl().get());
            // sb-open.revenuemonster.my pairs with sb-oauth.revenuemonster.my; a mock serves both on one base
            return api.toLowerCase(Locale.ROOT).contains("open.revenuemonster.my")
                    ? api.replaceFirst("(?i)open\\.revenuemonster\\.my", "oauth.revenuemonster.my")
                    : api;
        }
        return PRODUCTION_OAUTH_URL;
    }

    /** Non-secret name of the account in use: the OAuth client ID. */
    @Override
    public String account() {
        return config.clientId().orElse("unconfigured");
    }

    public String clientId() {
        return config.clientId()
                .orElseThrow(() -> notConfigured("gateway.providers.revenue-monster.client-id is not set"));
    }

    public String clientSecret() {
        return config.clientSecret()
                .orElseThrow(() -> notConfigured("gateway.providers.revenue-monster.client-secret is not set"));
    }

    public Optional<String> storeId() {
        return config.storeId();
    }

    public PrivateKey privateKey() {
        PrivateKey key = privateKey;
        if (key == null) {
            String pem = config.privateKey().or(() -> config.privateKeyFile().map(RevenueMonsterModule::read))
                    .orElseThrow(() -> notConfigured("gateway.providers.revenue-monster.private-key is not set"));
            key = RevenueMonsterAuthKeys.privateKey(pem);
            privateKey = key;
        }
        return key;
    }

    /** The RM server public key, or empty when none is configured (notify callbacks are then refused). */
    public Optional<PublicKey> serverPublicKey() {
        PublicKey key = serverPublicKey;
        if (key == null) {
            Optional<String> pem = config.serverPublicKey()
                    .or(() -> config.serverPublicKeyFile().map(RevenueMonsterModule::read));
            if (pem.isEmpty()) {
                return Optional.empty();
            }
            key = RevenueMonsterAuthKeys.publicKey(pem.get());
            serverPublicKey = key;
        }
        return Optional.of(key);
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }


    private static GatewayException notConfigured(String message) {
        return GatewayException.of(ErrorCode.PROVIDER_UNAVAILABLE, "Revenue Monster is not configured: " + message)
                .provider(Provider.REVENUE_MONSTER).retryable(false).build();
    }

    @Override
    public ProviderGuards guards() {
        return client.guards();
    }
}
