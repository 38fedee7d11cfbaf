package dev.billinggateway.provider.monri;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.billinggateway.config.GatewayConfig;
import dev.billinggateway.domain.Provider;
import dev.billinggateway.provider.monri.sandbox.MonriSandboxData;
import dev.billinggateway.sandbox.SandboxServer;

/**
 * Where Monri calls go and with which credentials. Base URL: an explicit {@code api-url} wins; else the
 * built-in sandbox when {@code gateway.sandbox.enabled}; else Monri production. Credentials: the configured
 * ones; when sandboxed and none are configured, the sandbox's demo account.
 */
@ApplicationScoped
public class MonriAccount {

    static final String PRODUCTION_URL = "https://ipg.monri.com";

    @Inject
    MonriConfig config;

    @Inject
    GatewayConfig gateway;

    @Inject
    SandboxServer sandboxServer;

    /** Resolved on first use: the sandbox port is only known once the sandbox runs. */
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
        Optional<String> explicitUrl = nonBlank(config.apiUrl());
        Optional<String> sandboxUrl = explicitUrl.isPresent() || !gateway.sandbox().enabled()
                ? Optional.empty()
                : sandboxServer.baseUrl(Provider.MONRI);
        String baseUrl = explicitUrl.or(() -> sandboxUrl).orElse(PRODUCTION_URL).replaceAll("/+$", "");
        boolean sandboxed = sandboxUrl.isPresent();
        String token = nonBlank(config.authenticityToken()).orElse(null);
        String key = nonBlank(config.merchantKey()).orElse(null);
        if (sandboxed && token == null && key == null) {
            token = MonriSandboxData.AUTHENTICITY_TOKEN;
            key = MonriSandboxData.MERCHANT_KEY;
        }
        return new Resolved(baseUrl, sandboxed, token, key);
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
