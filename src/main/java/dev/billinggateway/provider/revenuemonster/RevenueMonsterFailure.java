package dev.billinggateway.provider.revenuemonster;

/**
 * A call that did not get a usable answer. Kept apart from {@link dev.billinggateway.domain.GatewayException}
 * (a provider's considered "no") so that retries and the circuit breaker count only these, and so that
 * the connector can tell "nothing was sent" from "sent, answer lost" when it maps them for a mutation.
 */
public class RevenueMonsterFailure extends RuntimeException {

    public enum Stage {
        /** Refused before the request left (connect failure, pool full, no token): nothing was applied. */
        NOT_SENT,
        /** Sent, but the connection broke or timed out before the answer: it may have been applied. */
        NO_ANSWER,
        /** RM answered 5xx or INTERNAL_ERROR/SYSTEM_ERROR: whether a mutation was applied is unknown. */
        SERVER_ERROR,
        /** RM refused for load (rate limit, 503): nothing was applied, try later. */
        THROTTLED
    }

    private final Stage stage;
    private final String providerCode;

    public RevenueMonsterFailure(Stage stage, String message, String providerCode, Throwable cause) {
        super(message, cause, false, false);
        this.stage = stage;
        this.providerCode = providerCode;
    }

    public Stage stage() {
        return stage;
    }

    public String providerCode() {
        return providerCode;
    }
}
