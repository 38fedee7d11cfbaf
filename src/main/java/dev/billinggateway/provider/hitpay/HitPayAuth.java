package dev.billinggateway.provider.hitpay;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HitPay's webhook HMACs (DOC H-WHV1, H-EVT): lowercase hex HMAC-SHA256 keyed by the salt. Shared by the
 * connector (verifying) and the sandbox (signing), so both always agree with the test vectors.
 */
public final class HitPayAuth {

    public static final String HMAC_FIELD = "hmac";

    private HitPayAuth() {
    }

    /**
     * The form webhook's signing string: every field except {@code hmac} as key+value, sorted by key
     * (byte order, like PHP's ksort on ASCII keys), joined with no separator. Empty values still add their key.
     */
    public static String formSigningString(Map<String, String> fields) {
        TreeMap<String, String> sorted = new TreeMap<>(fields);
        sorted.remove(HMAC_FIELD);
        StringBuilder source = new StringBuilder();
        sorted.forEach((key, value) -> source.append(key).append(value == null ? "" : value));
        return source.toString();
    }

    /** The {@code hmac} field of a form webhook. */
    public static String formHmac(String salt, Map<String, String> fields) {
        return hmacHex(salt, formSigningString(fields).getBytes(StandardCharsets.UTF_8));
    }

    /** The {@code Hitpay-Signature} header of an event webhook: over the raw body bytes, never a re-serialised form. */
    public static String bodyHmac(String salt, byte[] rawBody) {
        return hmacHex(salt, rawBody);
    }

    /** Constant-time comparison of an expected lowercase hex digest with a received one (case-insensitive hex). */
    public static boolean matches(String expectedHex, String receivedHex) {
        if (expectedHex == null || receivedHex == null) {
            return false;
        }
        byte[] expected = expectedHex.getBytes(StandardCharsets.US_ASCII);
        byte[] received = receivedHex.trim().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, received);
    }

    static String hmacHex(String salt, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(salt.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Lowercase hex SHA-256, for non-secret fingerprints and de-duplication keys. */
    static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
