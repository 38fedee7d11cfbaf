package dev.billinggateway.provider.revenuemonster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.security.PrivateKey;
import java.security.PublicKey;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Test vector 1 of the provider doc (§2.6), reproduced byte for byte. */
class RevenueMonsterAuthTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static JsonNode vector;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = RevenueMonsterAuthTest.class.getResourceAsStream("/revenuemonster/revenue-monster-signature-v1.json")) {
            vector = MAPPER.readTree(in);
        }
    }

    private static String v(String field) {
        return vector.get(field).asText();
    }

    @Test
    void canonicalJsonSortsKeysCompactsAndEscapesHtmlCharacters() throws IOException {
        String canonical = RevenueMonsterAuthCanonicalJson.of(MAPPER.readTree(v("bodyJson")));
        assertThat(canonical).isEqualTo(v("canonicalJson"));
        assertThat(RevenueMonsterAuth.base64Data(canonical)).isEqualTo(v("expectedBase64Data"));
    }

    @Test
    void plainTextAndSignatureMatchTheVectorWithThePkcs1Key() throws IOException {
        String canonical = RevenueMonsterAuthCanonicalJson.of(MAPPER.readTree(v("bodyJson")));
        String plainText = RevenueMonsterAuth.plainText(canonical, v("method"), v("nonceStr"), v("requestUrl"), Long.parseLong(v("timestamp")));
        assertThat(plainText).isEqualTo(v("expectedPlainText"));
        PrivateKey key = RevenueMonsterAuthKeys.privateKey(v("privateKeyPem"));
        assertThat(RevenueMonsterAuth.header(plainText, key)).isEqualTo(v("expectedSignatureHeader"));
        assertThat(RevenueMonsterAuth.sign(plainText, key)).isEqualTo(v("expectedSignatureBase64"));
    }

    @Test
    void pkcs8KeyGivesTheSameSignatureAndThePublicKeyVerifiesIt() {
        PrivateKey pkcs8 = RevenueMonsterAuthKeys.privateKey(v("privateKeyPemPkcs8"));
        assertThat(RevenueMonsterAuth.header(v("expectedPlainText"), pkcs8)).isEqualTo(v("expectedSignatureHeader"));
        PublicKey publicKey = RevenueMonsterAuthKeys.publicKey(v("publicKeyPem"));
        assertThat(RevenueMonsterAuth.verify(v("expectedPlainText"), v("expectedSignatureHeader"), publicKey)).isTrue();
        assertThat(RevenueMonsterAuth.verify(v("expectedPlainText") + "x", v("expectedSignatureHeader"), publicKey)).isFalse();
        assertThat(RevenueMonsterAuth.verify(v("expectedPlainText"), "sha1 " + v("expectedSignatureBase64"), publicKey)).isFalse();
        assertThat(RevenueMonsterAuth.verify(v("expectedPlainText"), null, publicKey)).isFalse();
    }

    @Test
    void publicKeyAsBareBase64FromThePortalIsAccepted() {
        String bare = v("publicKeyPem").replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PublicKey key = RevenueMonsterAuthKeys.publicKey(bare);
        assertThat(RevenueMonsterAuth.verify(v("expectedPlainText"), v("expectedSignatureHeader"), key)).isTrue();
    }

    @Test
    void withoutBodyThereIsNoDataPairAndCallbacksHaveNoRequestUrl() {
        assertThat(RevenueMonsterAuth.plainText(null, "PUT", "N", "https://x/v3/customer/1/status", 5))
                .isEqualTo("method=put&nonceStr=N&requestUrl=https://x/v3/customer/1/status&signType=sha256&timestamp=5");
        assertThat(RevenueMonsterAuth.plainText("{}", "post", "N", null, 5)).isEqualTo("method=post&nonceStr=N&signType=sha256&timestamp=5");
    }

    @Test
    void canonicalJsonSortsObjectsInsideArraysAndKeepsUnicodeSlashesAndEmptyValues() throws IOException {
        String json = "{\"b\":[{\"z\":1,\"a\":\"x/y\"}],\"a\":\"caf\u00e9 \u2028 <a href='q'>&\",\"c\":null,\"d\":\"\",\"e\":[],\"f\":1.50,\"g\":true}";
        assertThat(RevenueMonsterAuthCanonicalJson.of(MAPPER.readTree(json))).isEqualTo(
                "{\"a\":\"caf\u00e9 \\u2028 \\u003ca href='q'\\u003e\\u0026\",\"b\":[{\"a\":\"x/y\",\"z\":1}],\"c\":null,\"d\":\"\",\"e\":[],\"f\":1.5,\"g\":true}");
    }

    @Test
    void nonceIs32FreshAlphanumerics() {
        String a = RevenueMonsterAuth.nonce();
        assertThat(a).matches("[A-Za-z0-9]{32}");
        assertThat(RevenueMonsterAuth.nonce()).isNotEqualTo(a);
    }
}
