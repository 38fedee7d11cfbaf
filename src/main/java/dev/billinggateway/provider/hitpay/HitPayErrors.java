package dev.billinggateway.provider.hitpay;

import java.net.ConnectException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.billinggateway.domain.ErrorCode;
import dev.billinggateway.domain.GatewayException;
import dev.billinggateway.domain.Provider;

/**
 * Turns what went wrong on a HitPay call into the gateway's one exception. HitPay's errors are
 * Laravel's: 422 {@code {"message","errors":{field:[...]}}}, 404 {@code {"message":"No query results for
 * model ..."}}, and an invalid API key as 401, 403 or 404 "Invalid business api key" (sources disagree).
 */
final class HitPayErrors {

    private static final Provider HITPAY = Provider.HITPAY;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_MESSAGE = 500;

    private HitPayErrors() {
    }

    /** A read failed: anything but a refusal is PROVIDER_UNAVAILABLE (safe to retry). */
    static GatewayException onRead(Throwable failure) {
        GatewayException known = known(failure);
        if (known != null) {
            return known;
        }
        if (failure instanceof TimeoutException) {
            return GatewayException.unavailable(HITPAY, "HitPay did not answer in time", failure);
        }
        if (failure instanceof HitPayFailure.Unreadable) {
            return GatewayException.unavailable(HITPAY, "HitPay answered with a body the gateway cannot read", failure);
        }
        return GatewayException.unavailable(HITPAY, "HitPay could not be reached", failure);
    }

    /**
     * A mutation failed. When it may have reached HitPay (timeout, connection lost, unreadable success)
     * the outcome is unknown: the gateway reconciles by reading, never by sending again.
     */
    static GatewayException onWrite(Throwable failure) {
        GatewayException known = known(failure);
        if (known != null) {
            return known;
        }
        if (causedBy(failure, ConnectException.class)) {
            return GatewayException.unavailable(HITPAY, "HitPay could not be reached; nothing was sent", failure);
        }
        if (failure instanceof TimeoutException) {
            return GatewayException.outcomeUnknown(HITPAY, "HitPay did not answer in time; the change may or may not have been made", failure);
        }
        if (failure instanceof HitPayFailure.Unreadable) {
            return GatewayException.outcomeUnknown(HITPAY, "HitPay accepted the request but its answer cannot be read", failure);
        }
        return GatewayException.outcomeUnknown(HITPAY, "the connection to HitPay failed after sending; the change may or may not have been made", failure);
    }

    /** Failures whose meaning does not depend on whether the call was a read or a write. */
    private static GatewayException known(Throwable failure) {
        if (failure instanceof GatewayException gateway) {
            return gateway;
        }
        if (failure instanceof HitPayFailure http && !(failure instanceof HitPayFailure.Unreadable)) {
            return fromResponse(http.status, http.body);
        }
        if (failure instanceof CircuitBreakerOpenException) {
            return GatewayException.unavailable(HITPAY, "HitPay calls are failing; the gateway pauses them for a moment (circuit open)", failure);
        }
        if (failure instanceof BulkheadException) {
            return GatewayException.unavailable(HITPAY, "too many HitPay calls in flight; try again", failure);
        }
        return null;
    }

    /** Maps a non-2xx answer by status and HitPay's error envelope. */
    static GatewayException fromResponse(int status, String body) {
        String code = String.valueOf(status);
        if (status >= 500 || status == 408 || status == 429) {
            // the body of a 5xx may carry debug output: it stays out of the message
            return GatewayException.of(ErrorCode.PROVIDER_UNAVAILABLE, "HitPay answered HTTP " + status)
                    .provider(HITPAY).providerCode(code).retryable(true).build();
        }
        Envelope envelope = Envelope.parse(body);
        String message = envelope.message() == null ? "HTTP " + status : envelope.message();
        if (isInvalidApiKey(status, message)) {
            // credentials, not a missing object: never NOT_FOUND
            return GatewayException.rejected(HITPAY, code, clip(message));
        }
        if (!envelope.fieldErrors().isEmpty()) {
            return GatewayException.rejected(HITPAY, code, clip(String.join("; ", envelope.fieldErrors())));
        }
        if (status == 404 || message.startsWith("No query results")) {
            return GatewayException.of(ErrorCode.NOT_FOUND, "HitPay has no such recurring billing")
                    .provider(HITPAY).providerCode(code).providerMessage(clip(message)).retryable(false).build();
        }
        return GatewayException.rejected(HITPAY, code, clip(message));
    }

    private static boolean isInvalidApiKey(int status, String message) {
        return status == 401 || status == 403
                || (status == 404 && message.toLowerCase(Locale.ROOT).contains("invalid business api key"));
    }

    private static String clip(String text) {
        return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE) + "…";
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** {@code {"message": "...", "errors": {"field": ["msg", ...]}}}; field errors as "field: msg". */
    record Envelope(String message, List<String> fieldErrors) {

        static Envelope parse(String body) {
            List<String> fieldErrors = new ArrayList<>();
            if (body == null || body.isBlank()) {
                return new Envelope(null, fieldErrors);
            }
            try {
                JsonNode root = JSON.readTree(body);
                String message = root.path("message").isTextual() ? root.path("message").asText() : null;
                for (Iterator<Map.Entry<String, JsonNode>> it = root.path("errors").fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> field = it.next();
                    if (field.getValue().isArray()) {
                        field.getValue().forEach(m -> fieldErrors.add(field.getKey() + ": " + m.asText()));
                    } else {
                        fieldErrors.add(field.getKey() + ": " + field.getValue().asText());
                    }
                }
                return new Envelope(message, fieldErrors);
            } catch (Exception notJson) {
                // an HTML or text error page: its content is not shown to clients
                return new Envelope(null, fieldErrors);
            }
        }
    }
}
