package dev.billinggateway.provider.revenuemonster;

import java.io.IOException;
import java.io.StringReader;
import java.security.PrivateKey;
import java.security.PublicKey;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * Reads RSA keys from PEM text with BouncyCastle: private keys as PKCS#1 ({@code BEGIN RSA PRIVATE KEY},
 * what RM's portal and examples use) or PKCS#8 ({@code BEGIN PRIVATE KEY}); public keys as X.509
 * SubjectPublicKeyInfo ({@code BEGIN PUBLIC KEY}). The portal shows the server key as bare Base64, so
 * PEM armour is added when it is missing.
 */
public final class RevenueMonsterAuthKeys {

    private static final JcaPEMKeyConverter CONVERTER = new JcaPEMKeyConverter();

    private RevenueMonsterAuthKeys() {
    }

    public static PrivateKey privateKey(String pem) {
        Object parsed = parse(pem, "RSA PRIVATE KEY");
        try {
            if (parsed instanceof PEMKeyPair pair) {
                return CONVERTER.getPrivateKey(pair.getPrivateKeyInfo());
            }
            if (parsed instanceof PrivateKeyInfo info) {
                return CONVERTER.getPrivateKey(info);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable RSA private key", e);
        }
        throw new IllegalArgumentException("not an RSA private key in PEM (PKCS#1 or PKCS#8)");
    }

    public static PublicKey publicKey(String pem) {
        Object parsed = parse(pem, "PUBLIC KEY");
        try {
            if (parsed instanceof SubjectPublicKeyInfo info) {
                return CONVERTER.getPublicKey(info);
            }
            if (parsed instanceof PEMKeyPair pair) {
                return CONVERTER.getPublicKey(pair.getPublicKeyInfo());
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable RSA public key", e);
        }
        throw new IllegalArgumentException("not an RSA public key in PEM");
    }

    private static Object parse(String pem, String armourWhenBare) {
        if (pem == null || pem.isBlank()) {
            throw new IllegalArgumentException("empty key");
        }
        String text = pem.strip().replace("\\n", "\n"); // env vars often carry the PEM on one line with literal \n
        if (!text.startsWith("-----BEGIN")) {
            text = "-----BEGIN " + armourWhenBare + "-----\n" + text.replaceAll("\\s+", "") + "\n-----END " + armourWhenBare + "-----\n";
        }
        try (PEMParser parser = new PEMParser(new StringReader(text))) {
            Object object = parser.readObject();
            if (object == null) {
                throw new IllegalArgumentException("no PEM object found");
            }
            return object;
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable PEM", e);
        }
    }
}
