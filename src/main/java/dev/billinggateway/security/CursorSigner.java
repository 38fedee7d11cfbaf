package dev.billinggateway.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

/**
 * Signs the opaque list cursors ({@code pageInfo.endCursor}) with HMAC-SHA256 under {@code gateway.cursor.signing-key},
 * so that a client can hand back only what the gateway gave it: a cursor holds provider positions and page sizes,
 * which would otherwise lift {@code gateway.limits.max-page-size} or reach a provider unchecked. Every instance
 * behind one load balancer must share the key. Without one (a production build not configured), a random key is
 * made at start, with a warning: cursors then stop working at a restart and on other instances.
 */
@ApplicationScoped
public class CursorSigner {

    private static final Logger LOG = Logger.getLogger(CursorSigner.class);
    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    @Inject
    SecurityConfig.Cursors config;

    private SecretKeySpec key;

    @PostConstruct
    void init() {
        key = config.signingKey().filter(k -> !k.isBlank()).map(k -> new SecretKeySpec(k.getBytes(StandardCharsets.UTF_8), ALGORITHM))
                .orElseGet(() -> {
                    LOG.warn("gateway.cursor.signing-key is not set: list cursors are signed with a key made at start, so they stop "
                            + "working at a restart and are refused by other instances; set the same key on every instance");
                    byte[] random = new byte[32];
                    new SecureRandom().nextBytes(random);
                    return new SecretKeySpec(random, ALGORITHM);
                });
    }

    /** A signer with the given key (tests). */
    public static CursorSigner withKey(String secret) {
        CursorSigner signer = new CursorSigner();
        signer.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        return signer;
    }

    /** {@code base64url(payload) "." base64url(hmac)}. */
    public String sign(byte[] payload) {
        String body = ENCODER.encodeToString(payload);
        return body + "." + ENCODER.encodeToString(mac(body));
    }

    /** The payload of a cursor this gateway signed, or null for anything else (forged, changed, truncated, not a cursor). */
    public byte[] verify(String cursor) {
        int dot = cursor == null ? -1 : cursor.indexOf('.');
        if (dot <= 0 || dot != cursor.lastIndexOf('.')) {
            return null;
        }
        String body = cursor.substring(0, dot);
        try {
            byte[] signature = DECODER.decode(cursor.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, mac(body))) {
                return null;
            }
            return DECODER.decode(body);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    private byte[] mac(String body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(body.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
