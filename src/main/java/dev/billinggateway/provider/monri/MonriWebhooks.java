package dev.billinggateway.provider.monri;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.billinggateway.connector.VerifiedWebhook.Kind;
import dev.billinggateway.connector.VerifiedWebhook.ObjectRef;
import dev.billinggateway.connector.VerifiedWebhook;
import dev.billinggateway.connector.VerifyWebhook;
import dev.billinggateway.connector.WebhookRequest;
import dev.billinggateway.domain.ErrorCode;
import dev.billinggateway.domain.GatewayException;
import dev.billinggateway.domain.Provider;

/**
 * Monri callbacks and webhooks at {@code /webhooks/monri}: {@code Authorization: WP3-callback <digest>} with
 * {@code digest = sha512(merchant_key + raw body)}, compared in constant time. Monri documents no subscription
 * events; the customer and customer subscription a callback names (if any) are re-read.
 */
@ApplicationScoped
public class MonriWebhooks implements VerifyWebhook {

    private static final String PREFIX = MonriAuth.CALLBACK_SCHEME + " ";

    @Inject
    MonriModule module;

    @Inject
    ObjectMapper json;

    @Override
    public Provider provider() {
        return Provider.MONRI;
    }

    @Override
    public VerifiedWebhook verifyWebhook(WebhookRequest request) {
        String merchantKey = module.merchantKey();
        if (merchantKey == null) {
            throw refused("no Monri merchant key is configured, so no callback can be verified");
        }
        String authorization = request.header("authorization");
        if (authorization == null || !authorization.startsWith(PREFIX)) {
            throw refused("missing WP3-callback authorization");
        }
        byte[] body = request.body() == null ? new byte[0] : request.body();
        String given = authorization.substring(PREFIX.length()).trim();
        if (!MonriAuth.sameDigest(MonriAuth.callbackDigest(merchantKey, body), given)) {
            throw refused("WP3-callback digest does not match");
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (IOException e) {
            root = null;
        }
        if (root == null || !root.isObject()) {
            throw GatewayException.validation("body", "a JSON object", "a Monri callback body is a JSON object");
        }
        // webhooks wrap the callback fields as {"event", "payload"}; plain callbacks are the fields themselves
        boolean webhook = root.hasNonNull("event") && root.path("payload").isObject();
        JsonNode payload = webhook ? root.get("payload") : root;
        String eventType = webhook ? root.get("event").asText()
                : "callback" + (payload.hasNonNull("status") ? ":" + payload.get("status").asText() : "");
        // a re-delivery repeats the same bytes
        String dedupKey = "sha512:" + MonriAuth.sha512Hex(body);
        return new VerifiedWebhook(dedupKey, eventType, affected(payload));
    }

    /** The objects a callback names: fields seen on Monri objects; charges name none that is documented. */
    private static List<ObjectRef> affected(JsonNode payload) {
        List<ObjectRef> refs = new ArrayList<>();
        text(payload, "customer_uuid").ifPresent(id -> refs.add(new ObjectRef(Kind.CUSTOMER, id)));
        text(payload, "customer_subscription_id").ifPresent(id -> refs.add(new ObjectRef(Kind.SUBSCRIPTION, id)));
        // a customer subscription object itself (create/update/get shape)
        if (payload.hasNonNull("next_charge_date") && payload.hasNonNull("id")) {
            refs.add(new ObjectRef(Kind.SUBSCRIPTION, payload.get("id").asText()));
            JsonNode customer = payload.get("customer_id");
            if (customer != null && customer.isTextual() && refs.stream().noneMatch(r -> r.kind() == Kind.CUSTOMER)) {
                refs.add(new ObjectRef(Kind.CUSTOMER, customer.asText()));
            }
        }
        return refs.stream().distinct().toList();
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? Optional.empty() : Optional.of(value.asText());
    }

    private static GatewayException refused(String message) {
        return GatewayException.of(ErrorCode.UNAUTHENTICATED, message).provider(Provider.MONRI).build();
    }
}
