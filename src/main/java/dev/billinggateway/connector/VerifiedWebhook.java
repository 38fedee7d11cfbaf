package dev.billinggateway.connector;

import java.util.List;

/**
 * A webhook whose signature checked out.
 *
 * @param dedupKey  the same for every delivery of the same event (provider event ID, or a hash of the body)
 * @param eventType the provider's event name, for operators
 * @param affected  the provider objects to re-read: a webhook is a hint, the provider stays the source of truth
 */
public record VerifiedWebhook(String dedupKey, String eventType, List<ObjectRef> affected) {

    public enum Kind {
        CUSTOMER,
        SUBSCRIPTION
    }

    public record ObjectRef(Kind kind, String providerId) {
    }
}
