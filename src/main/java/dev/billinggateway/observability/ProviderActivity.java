package dev.billinggateway.observability;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import dev.billinggateway.domain.Provider;

/** The last success and the last failure of each provider's calls, for its health check. */
final class ProviderActivity {

    record LastError(String code, Instant at) {
    }

    private final Map<Provider, Instant> lastSuccess = new EnumMap<>(Provider.class);
    private final Map<Provider, LastError> lastError = new EnumMap<>(Provider.class);

    synchronized void success(Provider provider) {
        lastSuccess.put(provider, Instant.now());
    }

    synchronized void failure(Provider provider, String code) {
        lastError.put(provider, new LastError(code, Instant.now()));
    }

    synchronized Instant lastSuccess(Provider provider) {
        return lastSuccess.get(provider);
    }

    synchronized LastError lastError(Provider provider) {
        return lastError.get(provider);
    }
}
