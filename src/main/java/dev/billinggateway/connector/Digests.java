package dev.billinggateway.connector;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The lower-case hex digests the providers' signatures and webhook de-duplication keys are made of, and a
 * constant-time comparison of received signatures. One place over the JDK's {@link MessageDigest}, {@link Mac}
 * and {@link HexFormat}, so that no provider package keeps its own copy.
 */
public final class Digests {

    private static final HexFormat HEX = HexFormat.of();

    private Digests() {
    }

    /** SHA-256 of the parts, one after another. */
    public static String sha256Hex(byte[]... parts) {
        return digestHex("SHA-256", parts);
    }

    /** SHA-512 of the parts, one after another. */
    public static String sha512Hex(byte[]... parts) {
        return digestHex("SHA-512", parts);
    }

    /** HMAC-SHA256 of the message keyed by the UTF-8 bytes of {@code key}. */
    public static String hmacSha256Hex(String key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HEX.formatHex(mac.doFinal(message));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** Compares two texts (digests, signatures) without leaking where they differ; false when either is null. */
    public static boolean sameText(String expected, String given) {
        if (expected == null || given == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    private static String digestHex(String algorithm, byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance(algorithm);
            for (byte[] part : parts) {
                digest.update(part);
            }
            return HEX.formatHex(digest.digest());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is part of every Java runtime", e);
        }
    }
}
