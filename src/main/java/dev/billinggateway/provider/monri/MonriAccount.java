package dev.billinggateway.provider.monri;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;


/**
 * Where Monri calls go and with which credentials: {@code api-url} (else Monri production) and the configured
 * credentials. In dev mode and tests the built-in sandbox supplies both through configuration.
 */
@ApplicationScoped
public class MonriAccount {

    static final String PRODUCTION_URL = "https://ipg.monri.com";

    @Inject
    MonriConfig config;

    /** Resolved once, on first use. */
    private volatile Resolved resolved;

    /** The effective settings; {@code merchantKey} stays inside this package. */
    record Resolved(String baseUrl, boolean sandboxed, String authenticityToken, String merchantKey) {
        boolean hasCredentials() {
            return authenticityToken != null && merchantKey != null;
        }

        @Override
        public String toString() {
            return "MonriAccount[" + baseUrl + ", sandboxed=" + sandboxed + ", token=" + authenticityToken + "]";
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
        String baseUrl = nonBlank(config.apiUrl()).orElse(PRODUCTION_URL).replaceAll("/+$", "");
        String token = nonBlank(config.authenticityToken()).orElse(null);
        String key = nonBlank(config.merchantKey()).orElse(null);
        return new Resolved(baseUrl, config.sandbox(), token, key);
    }

    public boolean enabled() {
        return config.enabled().orElseGet(() -> resolved().hasCredentials());
    }

    public boolean sandboxed() {
        return resolved().sandboxed();
    }

    public String baseUrl() {
        return resolved().baseUrl();
    }

    /** Non-secret: the authenticity token is public (Monri's docs call the merchant key the secret). */
    public String accountName() {
        String token = resolved().authenticityToken();
        return token == null ? "unconfigured" : token;
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
}
