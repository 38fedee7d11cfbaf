package dev.billinggateway.domain;

/** The one list of codes a client sees in {@code errors[].extensions.code}. */
public enum ErrorCode {
    /** No such customer or subscription (gateway ID unknown, or the provider no longer has it). */
    NOT_FOUND,
    /** The input breaks a rule; {@code field} and {@code rule} say which. Nothing was written or sent. */
    VALIDATION,
    /** The provider does not offer this operation; nothing was sent. */
    UNSUPPORTED_BY_PROVIDER,
    /** The provider could not be reached, timed out before sending, or its circuit is open. Safe to retry. */
    PROVIDER_UNAVAILABLE,
    /** The provider answered and refused; {@code providerCode} and {@code providerMessage} say why. */
    PROVIDER_REJECTED,
    /** The request may or may not have been applied (timeout after sending); the gateway reconciles it. */
    OUTCOME_UNKNOWN,
    /** The idempotency key was used before with a different request. */
    IDEMPOTENCY_CONFLICT,
    /** No valid credentials. */
    UNAUTHENTICATED,
    /** Valid credentials without the needed role. */
    FORBIDDEN,
    /**
     * The gateway's own storage (PostgreSQL) cannot be reached; nothing was decided or sent on its behalf. Safe to
     * retry once it is back (readiness is DOWN meanwhile).
     */
    STORAGE_UNAVAILABLE,
    /** A fault in the gateway itself; details are in the server log, never in the response. */
    INTERNAL
}
