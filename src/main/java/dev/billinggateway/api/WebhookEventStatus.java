package dev.billinggateway.api;

import org.eclipse.microprofile.graphql.Description;

/** Where a webhook stands in the inbox (the {@code webhook_event.status} column). */
@Description("where a webhook stands in the inbox")
public enum WebhookEventStatus {
    @Description("stored and acknowledged; being processed, or retried after a failed attempt")
    RECEIVED,
    @Description("the objects it names were re-read from the provider")
    PROCESSED,
    @Description("given up after the last retry; lastError says why")
    FAILED
}
