package dev.billinggateway.provider.monri;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * Monri's digests: plain SHA-512 (not HMAC), lower-case hex, over UTF-8 text.
 * <ul>
 * <li>requests (API v2, scheme {@code WP3-v2.1}): {@code sha512(merchant_key + timestamp + authenticity_token + fullpath + body)},
 * where {@code fullpath} is the request target as sent (path and query string) and {@code body} the exact body
 * bytes sent (empty for GET and DELETE);</li>
 * <li>callbacks ({@code WP3-callback}): {@code sha512(merchant_key + raw_body)} over the body bytes as received.</li>
 * </ul>
 * {@link RequestFilter} signs the REST client's requests; {@link MonriWebhooks} checks callbacks.
 */
public final class MonriAuth {

    public static final String REQUEST_SCHEME = "WP3-v2.1";
    public static final String CALLBACK_SCHEME = "WP3-callback";

    private MonriAuth() {
    }

    public static String requestDigest(String merchantKey, String timestamp, String authenticityToken, String fullPath, String body) {
        return sha512Hex(utf8(merchantKey + timestamp + authenticityToken + fullPath + (body == null ? "" : body)));
    }

    /** The same over the body bytes as received (the sandbox's check). */
    public static String requestDigest(String merchantKey, String timestamp, String authenticityToken, String fullPath, byte[] body) {
        return sha512Hex(utf8(merchantKey + timestamp + authenticityToken + fullPath), body == null ? new byte[0] : body);
    }

    /** The value of the {@code Authorization} header of an API v2 request. */
    public static String authorization(String merchantKey, String timestamp, String authenticityToken, String fullPath, String body) {
        return REQUEST_SCHEME + " " + authenticityToken + " " + timestamp + " "
                + requestDigest(merchantKey, timestamp, authenticityToken, fullPath, body);
    }

    /** Hashes the raw body bytes as received: never a decoded or re-serialised form. */
    public static String callbackDigest(String merchantKey, byte[] rawBody) {
        return sha512Hex(utf8(merchantKey), rawBody);
    }

    /** Compares two digests without leaking where they differ. */
    public static boolean sameDigest(String expected, String given) {
        if (expected == null || given == null) {
            return false;
        }
        return MessageDigest.isEqual(utf8(expected), utf8(given));
    }

    public static String sha512Hex(byte[]... parts) {
        try {
            MessageDigest sha512 = MessageDigest.getInstance("SHA-512");
            for (byte[] part : parts) {
                sha512.update(part);
            }
            return HexFormat.of().formatHex(sha512.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512 is part of every Java runtime", e);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Signs every request with {@code Authorization: WP3-v2.1 <token> <timestamp> <digest>}, computed from the
     * request as it leaves: the raw path and query string of the final URI and the JSON text of the body (the
     * client sends that text, UTF-8, unchanged).
     */
    static final class RequestFilter implements ClientRequestFilter {

        private final String authenticityToken;
        private final String merchantKey;
        private final Clock clock;

        RequestFilter(String authenticityToken, String merchantKey, Clock clock) {
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
                    authorization(merchantKey, timestamp, authenticityToken, fullPath, body));
        }

        @Override
        public String toString() {
            return "MonriAuth.RequestFilter[" + authenticityToken + "]"; // the merchant key stays out
        }
    }
}
