package dev.billinggateway.provider.hitpay;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.billinggateway.connector.VerifiedWebhook;
import dev.billinggateway.connector.VerifiedWebhook.Kind;
import dev.billinggateway.connector.VerifiedWebhook.ObjectRef;
import dev.billinggateway.connector.VerifyWebhook;
import dev.billinggateway.connector.WebhookRequest;
import dev.billinggateway.domain.ErrorCode;
import dev.billinggateway.domain.GatewayException;
import dev.billinggateway.domain.Provider;

/**
 * Verifies both kinds of HitPay webhook, failing closed:
 * <ul>
 * <li>the event (v2) webhook: JSON, header {@code Hitpay-Signature} = HMAC-SHA256 of the raw body;</li>
 * <li>the form (v1) webhook: {@code application/x-www-form-urlencoded} with an {@code hmac} field over the
 * key-sorted key+value pairs of the other fields.</li>
 * </ul>
 * A verified webhook names the recurring billing to re-read; its content is never trusted beyond that.
 */
@ApplicationScoped
public class HitPayWebhooks implements VerifyWebhook {

    static final String SIGNATURE_HEADER = "hitpay-signature";

    @Inject
    HitPayModule module;

    @Inject
    ObjectMapper mapper;

    @Override
    public Provider provider() {
        return Provider.HITPAY;
    }

    @Override
    public VerifiedWebhook verifyWebhook(WebhookRequest request) {
        byte[] body = request.body() == null ? new byte[0] : request.body();
        String signature = request.header(SIGNATURE_HEADER);
        if (signature != null) {
            return verifyEvent(request, body, signature);
        }
        return verifyForm(body);
    }

    private VerifiedWebhook verifyEvent(WebhookRequest request, byte[] body, String signature) {
        String salt = module.eventWebhookSalt().orElseThrow(HitPayWebhooks::noSalt);
        if (!HitPayAuth.matches(HitPayAuth.bodyHmac(salt, body), signature)) {
            throw refused("the Hitpay-Signature header does not match the body");
        }
        JsonNode event;
        try {
            event = mapper.readTree(body);
        } catch (Exception unreadable) {
            event = null;
        }
        if (event == null || !event.isObject()) {
            throw GatewayException.validation("body", "a JSON object", "the HitPay event body is not a JSON object");
        }
        String eventType = eventType(request, event);
        List<ObjectRef> affected = new ArrayList<>();
        billingId(event).ifPresent(id -> affected.add(new ObjectRef(Kind.SUBSCRIPTION, id)));
        // HitPay redelivers the same bytes, so the body digest identifies the event
        return new VerifiedWebhook("v2:" + HitPayAuth.sha256Hex(body), eventType, affected);
    }

    private VerifiedWebhook verifyForm(byte[] body) {
        Map<String, String> fields = formFields(new String(body, StandardCharsets.UTF_8));
        String hmac = fields.get(HitPayAuth.HMAC_FIELD);
        if (hmac == null || hmac.isBlank()) {
            throw refused("neither a Hitpay-Signature header nor an hmac field");
        }
        String salt = module.formWebhookSalt().orElseThrow(HitPayWebhooks::noSalt);
        if (!HitPayAuth.matches(HitPayAuth.formHmac(salt, fields), hmac)) {
            throw refused("the hmac field does not match the other fields");
        }
        String status = fields.getOrDefault("status", "");
        String eventType = fields.containsKey("payment_id")
                ? "recurring_billing.charge." + status
                : "recurring_billing.status." + status;
        List<ObjectRef> affected = new ArrayList<>();
        String billingId = fields.get("recurring_billing_id");
        if (billingId != null && !billingId.isBlank()) {
            affected.add(new ObjectRef(Kind.SUBSCRIPTION, billingId));
        }
        // the hmac covers every field: a redelivery carries the same one
        return new VerifiedWebhook("v1:" + hmac.toLowerCase(Locale.ROOT), eventType, affected);
    }

    /** {@code recurring_billing.subscription_updated} (from the body), else {@code charge.created} (from the headers). */
    private static String eventType(WebhookRequest request, JsonNode event) {
        if (event.path("event").isTextual()) {
            return event.path("event").asText();
        }
        String object = request.header("hitpay-event-object");
        String type = request.header("hitpay-event-type");
        if (object != null && type != null) {
            return object + "." + type;
        }
        return type != null ? type : "unknown";
    }

    /** The billing an event is about: its {@code recurring_billing} object, or a charge's {@code recurring_billing_id}. */
    private static Optional<String> billingId(JsonNode event) {
        JsonNode billing = event.path("recurring_billing");
        if (billing.path("id").isTextual()) {
            return Optional.of(billing.path("id").asText());
        }
        if (event.path("recurring_billing_id").isTextual()) {
            return Optional.of(event.path("recurring_billing_id").asText());
        }
        JsonNode data = event.path("data");
        if (data.path("recurring_billing_id").isTextual()) {
            return Optional.of(data.path("recurring_billing_id").asText());
        }
        return Optional.empty();
    }

    /** Form fields as received (URL-decoded, not re-formatted); a repeated key keeps its last value, as PHP does. */
    static Map<String, String> formFields(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (body.isEmpty()) {
            return fields;
        }
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                fields.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException malformed) {
                throw refused("the form body is malformed");
            }
        }
        return fields;
    }

    private static GatewayException refused(String why) {
        return GatewayException.of(ErrorCode.UNAUTHENTICATED, "HitPay webhook refused: " + why).provider(Provider.HITPAY).build();
    }

    private static GatewayException noSalt() {
        // without a salt nothing can be proven genuine: fail closed
        return refused("no webhook salt is configured (gateway.providers.hitpay.webhook-salt)");
    }
}
