package dev.billinggateway.provider.revenuemonster;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Revenue Monster's request signature (provider doc §2): the pairs {@code data} (Base64 of the canonical
 * JSON, left out without a body), {@code method} (lower case), {@code nonceStr}, {@code requestUrl} (full
 * URL with query; left out for callbacks), {@code signType}, {@code timestamp}, sorted by key, joined
 * {@code k=v&...}, signed SHA256withRSA, sent as {@code X-Signature: sha256 <base64>}.
 */
public final class RevenueMonsterAuth {

    public static final String SIGN_TYPE = "sha256";
    public static final String HEADER_SIGNATURE = "X-Signature";
    public static final String HEADER_NONCE = "X-Nonce-Str";
    public static final String HEADER_TIMESTAMP = "X-Timestamp";

    private static final String NONCE_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private RevenueMonsterAuth() {
    }

    /** Base64 (standard, padded) of the canonical JSON; null when there is no body ({@code {}} counts as none). */
    public static String base64Data(String canonicalJson) {
        if (canonicalJson == null || canonicalJson.isEmpty() || canonicalJson.equals("{}") || canonicalJson.equals("null")) {
            return null;
        }
        return Base64.getEncoder().encodeToString(canonicalJson.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The text that is signed.
     *
     * @param canonicalJson the body in canonical form, or null without a body
     * @param requestUrl    the full URL as called, or null for callbacks
     */
    public static String plainText(String canonicalJson, String method, String nonceStr, String requestUrl, long timestamp) {
        Map<String, String> pairs = new TreeMap<>();
        put(pairs, "data", base64Data(canonicalJson));
        put(pairs, "method", method.toLowerCase(Locale.ROOT));
        put(pairs, "nonceStr", nonceStr);
        put(pairs, "requestUrl", requestUrl);
        put(pairs, "signType", SIGN_TYPE);
        put(pairs, "timestamp", Long.toString(timestamp));
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, String> pair : pairs.entrySet()) {
            if (!text.isEmpty()) {
                text.append('&');
            }
            text.append(pair.getKey()).append('=').append(pair.getValue());
        }
        return text.toString();
    }

    private static void put(Map<String, String> pairs, String key, String value) {
        if (value != null && !value.isEmpty()) {
            pairs.put(key, value);
        }
    }

    /** Base64 of the SHA256withRSA signature over the plain text. */
    public static String sign(String plainText, PrivateKey key) {
        try {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(key);
            signer.update(plainText.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with the configured private key", e);
        }
    }

    /** The X-Signature header value. */
    public static String header(String plainText, PrivateKey key) {
        return SIGN_TYPE + " " + sign(plainText, key);
    }

    /** Checks an X-Signature header value ({@code sha256 <base64>}) against the plain text. */
    public static boolean verify(String plainText, String signatureHeader, PublicKey key) {
        if (signatureHeader == null) {
            return false;
        }
        String[] parts = signatureHeader.trim().split(" ", 2);
        if (parts.length != 2 || !parts[0].equalsIgnoreCase(SIGN_TYPE)) {
            return false;
        }
        try {
            byte[] signature = Base64.getDecoder().decode(parts[1].trim());
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(key);
            verifier.update(plainText.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(signature);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }

    /** 32 random alphanumerics, as RM's PHP and Kotlin SDKs send. */
    public static String nonce() {
        char[] chars = new char[32];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = NONCE_ALPHABET.charAt(RANDOM.nextInt(NONCE_ALPHABET.length()));
        }
        return new String(chars);
    }
}
