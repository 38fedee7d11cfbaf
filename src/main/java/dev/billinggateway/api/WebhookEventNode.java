package dev.billinggateway.api;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import dev.billinggateway.domain.Provider;
import dev.billinggateway.persistence.WebhookEvent;

/** A verified webhook in the gateway's inbox, for operators: what came, and whether it was processed. The payload stays in the table. */
@Type("WebhookEvent")
@Description("a verified webhook in the inbox: stored before it was acknowledged, then processed by re-reading the objects it names")
public record WebhookEventNode(
        @Id @NonNull String id,
        @NonNull Provider provider,
        @Description("the provider's event name, when it sends one") String eventType,
        @NonNull @Description("what makes a redelivery of this event a duplicate") String dedupKey,
        @NonNull WebhookEventStatus status,
        @Description("processing attempts so far") int attempts,
        @Description("why the last attempt failed") String lastError,
        @NonNull OffsetDateTime receivedAt,
        OffsetDateTime processedAt) {

    static WebhookEventNode of(WebhookEvent e) {
        return new WebhookEventNode(String.valueOf(e.id), Provider.valueOf(e.provider), e.eventType, e.dedupKey,
                WebhookEventStatus.valueOf(e.status), e.attempts, e.lastError, e.receivedAt, e.processedAt);
    }
}
