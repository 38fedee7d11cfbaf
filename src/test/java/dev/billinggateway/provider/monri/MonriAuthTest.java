package dev.billinggateway.provider.monri;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reproduces {@code shared/providers/testvectors/monri-digest.json} (copied to test resources) byte for byte. */
class MonriAuthTest {

    private static JsonNode vectors() throws IOException {
        try (InputStream in = MonriAuthTest.class.getResourceAsStream("/monri/monri-digest.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static List<JsonNode> vectors(String scheme) throws IOException {
        List<JsonNode> found = new ArrayList<>();
        vectors().get("vectors").forEach(v -> {
            if (scheme.equals(v.path("scheme").asText())) {
                found.add(v);
            }
        });
        return found;
    }

    @Test
    void requestDigestsReproduceEveryWp3v21Vector() throws IOException {
        List<JsonNode> vectors = vectors("WP3-v2.1");
        assertThat(vectors).hasSize(3); // POST with body, GET by id, GET with query string
        for (JsonNode v : vectors) {
            String key = v.get("merchantKey").asText();
            String ts = v.get("timestamp").asText();
            String token = v.get("authenticityToken").asText();
            String path = v.get("fullpath").asText();
            String body = v.get("body").asText();
            assertThat(key + ts + token + path + body).as(v.get("id").asText()).isEqualTo(v.get("stringToHash").asText());
            assertThat(MonriAuth.requestDigest(key, ts, token, path, body)).as(v.get("id").asText())
                    .isEqualTo(v.get("expectedDigest").asText());
            assertThat(MonriAuth.requestDigest(key, ts, token, path, body.getBytes(StandardCharsets.UTF_8)))
                    .isEqualTo(v.get("expectedDigest").asText());
            assertThat(MonriAuth.authorization(key, ts, token, path, body)).as(v.get("id").asText())
                    .isEqualTo(v.get("expectedAuthorizationHeader").asText());
        }
    }

    @Test
    void callbackDigestReproducesTheVectorOverRawBytes() throws IOException {
        JsonNode v = vectors("WP3-callback").get(0);
        byte[] raw = v.get("rawBody").asText().getBytes(StandardCharsets.UTF_8);
        String digest = MonriAuth.callbackDigest(v.get("merchantKey").asText(), raw);
        assertThat(digest).isEqualTo(v.get("expectedDigest").asText());
        assertThat(MonriAuth.CALLBACK_SCHEME + " " + digest).isEqualTo(v.get("expectedAuthorizationHeader").asText());
    }

    @Test
    void digestIsPlainSha512NotHmac() throws IOException {
        // the docs' form digest example pins the primitive: SHA-512 of the concatenation, lower-case hex
        JsonNode v = vectors().get("vectors").get(5);
        assertThat(v.get("id").asText()).isEqualTo("form-redirect-digest-doc-example");
        assertThat(MonriAuth.sha512Hex(v.get("stringToHash").asText().getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(v.get("expectedDigest").asText());
    }

    @Test
    void sameDigestComparesWholeValues() {
        String d = MonriAuth.callbackDigest("k", "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(MonriAuth.sameDigest(d, d)).isTrue();
        assertThat(MonriAuth.sameDigest(d, d.substring(0, 127) + (d.endsWith("0") ? "1" : "0"))).isFalse();
        assertThat(MonriAuth.sameDigest(d, d.substring(0, 64))).isFalse();
        assertThat(MonriAuth.sameDigest(d, null)).isFalse();
    }
}
