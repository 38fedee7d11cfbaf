package dev.billinggateway.provider.monri;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.billinggateway.config.ProviderHttp;
import dev.billinggateway.connector.ProviderGuards;
import dev.billinggateway.connector.ProviderModule;
import dev.billinggateway.domain.Provider;

/**
 * Monri as a whole: switched on, where it points, and whether its calls currently fail fast. Calls go to
 * {@code api-url} (else Monri production) with the configured credentials; in dev mode and tests the built-in
 * sandbox supplies both through configuration.
 */
@ApplicationScoped
public class MonriModule implements ProviderModule {

    static final String PRODUCTION_URL = "https://ipg.monri.com";

    @Inject
    MonriConfig config;

    @Inject
    MonriClient client;

    /** Resolved once, on first use. */
    private volatile Resolved resolved;

    /** The effective settings; {@code merchantKey} stays inside this package. */
    record Resolved(String baseUrl, boolean sandboxed, String authenticityToken, String merchantKey) {
        boolean hasCredentials() {
            return authenticityToken != null && merchantKey != null;
        }

        @Override
        public String toString() {
            return "MonriModule[" + baseUrl + ", sandboxed=" + sandboxed + ", token=" + authenticityToken + "]";
        }
    }

    Resolved resolved() {
        Resolved r = resolved;
        if (r == null) {
            synchronized (this) {
                if (resolved == null) {
                    resolved = resolve();
                }
                r = resolved;
            }
        }
        return r;
    }

    private Resolved resolve() {
        String baseUrl = ProviderHttp.withoutTrailingSlashes(nonBlank(config.apiUrl()).orElse(PRODUCTION_URL));
        String token = nonBlank(config.authenticityToken()).orElse(null);
        String key = nonBlank(config.merchantKey()).orElse(null);
        return new Resolved(baseUrl, config.sandbox(), token, key);
    }

    @Override
    public Provider provider() {
        return Provider.MONRI;
    }

    @Override
    public boolean enabled() {
        return config.enabled().orElseGet(() -> resolved().hasCredentials());
    }

    @Override
    public boolean sandboxed() {
        return resolved().sandboxed();
    }

    /** Non-secret: the authenticity token is public (Monri's docs call the merchant key the secret). */
    @Override
    public String account() {
        String token = resolved().authenticityToken();
        return token == null ? "unconfigured" : token;
    }

    public String baseUrl() {
        return resolved().baseUrl();
    }

    String merchantKey() {
        return resolved().merchantKey();
    }

    String authenticityToken() {
        return resolved().authenticityToken();
    }

    /** Today in Monri's calendar. */
    public LocalDate today() {
        return LocalDate.now(ZoneId.of(config.timeZone()));
    }

    MonriConfig config() {
        return config;
    }

    private static Optional<String> nonBlank(Optional<String> value) {
        return value.map(String::trim).filter(v -> !v.isEmpty());
    }

    @Override
    public ProviderGuards guards() {
        return client.guards();
    }
}
