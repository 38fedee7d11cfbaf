package dev.billinggateway.provider.monri;

import java.net.URI;
import java.time.Clock;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * Signs every request with {@code Authorization: WP3-v2.1 <token> <timestamp> <digest>}, computed from the
 * request as it leaves: the raw path and query string of the final URI and the JSON text of the body (the
 * client sends that text, UTF-8, unchanged).
 */
final class MonriAuthFilter implements ClientRequestFilter {

    private final String authenticityToken;
    private final String merchantKey;
    private final Clock clock;

    MonriAuthFilter(String authenticityToken, String merchantKey, Clock clock) {
        this.authenticityToken = authenticityToken;
        this.merchantKey = merchantKey;
        this.clock = clock;
    }

    @Override
    public void filter(ClientRequestContext request) {
        URI uri = request.getUri();
        String fullPath = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        String body = request.hasEntity() ? (String) request.getEntity() : "";
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        // Monri requires both on every API v2 call, GET included
        request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        request.getHeaders().putSingle(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON);
        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION,
                MonriAuth.authorization(merchantKey, timestamp, authenticityToken, fullPath, body));
    }

    @Override
    public String toString() {
        return "MonriAuthFilter[" + authenticityToken + "]"; // the merchant key stays out
    }
}
