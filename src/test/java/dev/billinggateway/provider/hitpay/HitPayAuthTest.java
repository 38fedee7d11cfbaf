package dev.billinggateway.provider.hitpay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.billinggateway.connector.VerifiedWebhook;
import dev.billinggateway.connector.WebhookRequest;
import dev.billinggateway.domain.ErrorCode;
import dev.billinggateway.domain.GatewayException;

/** Reproduces {@code shared/providers/testvectors/hitpay-hmac.json} (copied to test resources) byte for byte. */
class HitPayAuthTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonNode vectors;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = HitPayAuthTest.class.getResourceAsStream("/hitpay/hitpay-hmac.json")) {
            vectors = JSON.readTree(in).path("vectors");
        }
        assertThat(vectors.size()).isEqualTo(3);
    }

    private static JsonNode vector(String id) {
        for (JsonNode v : vectors) {
            if (v.path("id").asText().equals(id)) {
                return v;
            }
        }
        throw new AssertionError("no vector " + id);
    }

    private static Map<String, String> fields(JsonNode vector) {
        Map<String, String> fields = new LinkedHashMap<>();
        vector.path("fields").fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue().asText()));
        return fields;
    }

    @Test
    void formSigningStringAndHmacMatchTheRecurringChargeVector() {
        JsonNode v = vector("v1-recurring-charge");
        String salt = v.path("salt").asText();
        assertThat(HitPayAuth.formSigningString(fields(v))).isEqualTo(v.path("expectedSigningString").asText());
        assertThat(HitPayAuth.formHmac(salt, fields(v))).isEqualTo(v.path("expectedHmac").asText());
    }

    @Test
    void anEmptyFieldStillContributesItsKey() {
        JsonNode v = vector("v1-empty-field");
        assertThat(HitPayAuth.formSigningString(fields(v))).isEqualTo(v.path("expectedSigningString").asText())
                .contains("referencestatus");
        assertThat(HitPayAuth.formHmac(v.path("salt").asText(), fields(v))).isEqualTo(v.path("expectedHmac").asText());
    }

    @Test
    void theFormBodyParsesToTheSameFieldsAndItsHmacVerifies() {
        for (String id : List.of("v1-recurring-charge", "v1-empty-field")) {
            JsonNode v = vector(id);
            Map<String, String> parsed = HitPayWebhooks.formFields(v.path("formBody").asText());
            assertThat(parsed.get("hmac")).isEqualTo(v.path("expectedHmac").asText());
            parsed.remove("hmac");
            assertThat(parsed).isEqualTo(fields(v));
            assertThat(HitPayAuth.formHmac(v.path("salt").asText(), parsed)).isEqualTo(v.path("expectedHmac").asText());
        }
    }

    @Test
    void eventSignatureIsOverTheRawBodyBytes() {
        JsonNode v = vector("v2-event-raw-body");
        String salt = v.path("salt").asText();
        assertThat(HitPayAuth.bodyHmac(salt, v.path("rawBody").asText().getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(v.path("expectedHmac").asText());
        assertThat(HitPayAuth.bodyHmac(salt, v.path("rawBodyWithTrailingSpace").asText().getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(v.path("expectedHmacWithTrailingSpace").asText());
    }

    @Test
    void comparisonAcceptsOnlyTheSameDigest() {
        String hmac = vector("v1-recurring-charge").path("expectedHmac").asText();
        assertThat(HitPayAuth.matches(hmac, hmac)).isTrue();
        assertThat(HitPayAuth.matches(hmac, hmac.toUpperCase())).isTrue();
        assertThat(HitPayAuth.matches(hmac, hmac.substring(1) + "0")).isFalse();
        assertThat(HitPayAuth.matches(hmac, "")).isFalse();
        assertThat(HitPayAuth.matches(hmac, null)).isFalse();
    }

    // ---- the verifier on the vectors (salt my_salt)

    private static HitPayWebhooks verifier(String salt) {
        HitPayWebhooks webhooks = new HitPayWebhooks();
        webhooks.mapper = JSON;
        webhooks.module = new HitPayModule() {
            @Override
            public Optional<String> formWebhookSalt() {
                return Optional.ofNullable(salt);
            }

            @Override
            public Optional<String> eventWebhookSalt() {
                return Optional.ofNullable(salt);
            }
        };
        return webhooks;
    }

    private static WebhookRequest form(String body) {
        return new WebhookRequest("POST", "/webhooks/hitpay",
                Map.of("content-type", List.of("application/x-www-form-urlencoded")), body.getBytes(StandardCharsets.UTF_8));
    }

    private static WebhookRequest event(String body, String signature) {
        return new WebhookRequest("POST", "/webhooks/hitpay",
                Map.of("content-type", List.of("application/json"), "hitpay-signature", List.of(signature),
                        "hitpay-event-type", List.of("created"), "hitpay-event-object", List.of("charge")),
                body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void verifiesTheFormWebhookVectorAndNamesTheBilling() {
        JsonNode v = vector("v1-recurring-charge");
        VerifiedWebhook verified = verifier("my_salt").verifyWebhook(form(v.path("formBody").asText()));
        assertThat(verified.dedupKey()).isEqualTo("v1:" + v.path("expectedHmac").asText());
        assertThat(verified.eventType()).isEqualTo("recurring_billing.charge.succeeded");
        assertThat(verified.affected()).containsExactly(new VerifiedWebhook.ObjectRef(VerifiedWebhook.Kind.SUBSCRIPTION,
                "9746f8c2-2b7c-4c78-8832-012f203ae687"));
    }

    @Test
    void refusesATamperedMissingOrWronglySaltedFormWebhook() {
        String body = vector("v1-recurring-charge").path("formBody").asText();
        assertUnauthenticated(() -> verifier("my_salt").verifyWebhook(form(body.replace("amount=100.00", "amount=1000.00"))));
        assertUnauthenticated(() -> verifier("my_salt").verifyWebhook(form(body.substring(0, body.indexOf("&hmac=")))));
        assertUnauthenticated(() -> verifier("other_salt").verifyWebhook(form(body)));
        assertUnauthenticated(() -> verifier(null).verifyWebhook(form(body)));
        assertUnauthenticated(() -> verifier("my_salt").verifyWebhook(form("")));
    }

    @Test
    void verifiesTheEventWebhookVectorAndRefusesAnyChangedByte() {
        JsonNode v = vector("v2-event-raw-body");
        String raw = v.path("rawBody").asText();
        VerifiedWebhook verified = verifier("my_salt").verifyWebhook(event(raw, v.path("expectedHmac").asText()));
        assertThat(verified.eventType()).isEqualTo("charge.created");
        assertThat(verified.dedupKey()).startsWith("v2:");
        assertThat(verified.affected()).extracting(VerifiedWebhook.ObjectRef::providerId)
                .containsExactly("9746f8c2-2b7c-4c78-8832-012f203ae687");
        assertUnauthenticated(() -> verifier("my_salt").verifyWebhook(event(raw + " ", v.path("expectedHmac").asText())));
        assertUnauthenticated(() -> verifier("my_salt").verifyWebhook(event(raw, "")));
        assertUnauthenticated(() -> verifier("other_salt").verifyWebhook(event(raw, v.path("expectedHmac").asText())));
    }

    private static void assertUnauthenticated(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(GatewayException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHENTICATED));
    }
}
