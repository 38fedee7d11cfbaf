package dev.billinggateway.provider.revenuemonster;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

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
 * Revenue Monster notify callbacks (provider doc §2.8, §5): {@code X-Signature} over the canonical JSON of
 * the received body, with {@code X-Nonce-Str} and {@code X-Timestamp}, without {@code requestUrl},
 * verified with the RM server public key. Fails closed: no key, no headers or a wrong signature is
 * UNAUTHENTICATED. A verified notify is only a hint: the gateway re-reads the customer from RM.
 */
@ApplicationScoped
public class RevenueMonsterWebhooks implements VerifyWebhook {

    private static final Logger LOG = Logger.getLogger(RevenueMonsterWebhooks.class);

    @Inject
    RevenueMonsterSettings settings;

    @Inject
    ObjectMapper mapper;

    @Override
    public Provider provider() {
        return Provider.REVENUE_MONSTER;
    }

    @Override
    public VerifiedWebhook verifyWebhook(WebhookRequest request) {
        String signature = request.header(RevenueMonsterAuth.HEADER_SIGNATURE);
        String nonce = request.header(RevenueMonsterAuth.HEADER_NONCE);
        String timestamp = request.header(RevenueMonsterAuth.HEADER_TIMESTAMP);
        if (signature == null || nonce == null || timestamp == null || !timestamp.trim().matches("\\d{1,13}")) {
            throw unauthenticated("Revenue Monster notify without X-Signature, X-Nonce-Str and X-Timestamp");
        }
        Optional<PublicKey> serverKey = settings.serverPublicKey();
        if (serverKey.isEmpty()) {
            throw unauthenticated("no Revenue Monster server public key is configured; notify refused");
        }
        JsonNode body;
        try {
            body = request.body() == null || request.body().length == 0 ? null : mapper.readTree(request.body());
        } catch (Exception e) {
            throw unauthenticated("Revenue Monster notify body is not JSON");
        }
        String canonical = body == null ? null : RevenueMonsterAuthCanonicalJson.of(body);
        String method = request.method() == null ? "post" : request.method();
        String plainText = RevenueMonsterAuth.plainText(canonical, method, nonce.trim(), null, Long.parseLong(timestamp.trim()));
        if (!RevenueMonsterAuth.verify(plainText, signature, serverKey.get())) {
            LOG.debug("Revenue Monster notify with a signature that does not verify: refused");
            throw unauthenticated("Revenue Monster notify signature does not verify");
        }
        if (body == null) {
            throw GatewayException.validation("body", "JSON notify", "Revenue Monster notify without a body");
        }
        String eventType = body.path("eventType").asText("UNKNOWN");
        JsonNode data = body.path("data");
        List<ObjectRef> affected = new ArrayList<>();
        String customerId = text(data, "customerId", text(data, "recurringCustomerId", null));
        if (customerId != null) {
            affected.add(new ObjectRef(Kind.CUSTOMER, customerId));
            affected.add(new ObjectRef(Kind.SUBSCRIPTION, customerId));
        }
        return new VerifiedWebhook(dedupKey(eventType, data, canonical), eventType, affected);
    }

    /** The charge's order or transaction ID when there is one; otherwise a hash of the canonical body. */
    private static String dedupKey(String eventType, JsonNode data, String canonical) {
        String orderId = text(data, "orderId", text(data.path("order"), "id", null));
        String transactionId = text(data, "transactionId", null);
        if (orderId != null) {
            return eventType + ":order:" + orderId;
        }
        if (transactionId != null) {
            return eventType + ":transaction:" + transactionId;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return eventType + ":sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(JsonNode node, String field, String fallback) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.asText().isBlank() ? value.asText() : fallback;
    }

    private static GatewayException unauthenticated(String message) {
        return GatewayException.of(ErrorCode.UNAUTHENTICATED, message).provider(Provider.REVENUE_MONSTER).build();
    }
}
