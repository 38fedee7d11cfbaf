package dev.billinggateway.webhook;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.billinggateway.connector.ConnectorRegistry;
import dev.billinggateway.connector.VerifiedWebhook;
import dev.billinggateway.connector.VerifiedWebhook.Kind;
import dev.billinggateway.connector.VerifiedWebhook.ObjectRef;
import dev.billinggateway.connector.VerifyWebhook;
import dev.billinggateway.connector.WebhookRequest;
import dev.billinggateway.domain.ErrorCode;
import dev.billinggateway.domain.GatewayException;
import dev.billinggateway.domain.Provider;
import dev.billinggateway.live.LiveEvents;
import dev.billinggateway.observability.GatewayEvents;
import dev.billinggateway.persistence.StorageOutage;
import dev.billinggateway.persistence.WebhookEvent;
import dev.billinggateway.persistence.WebhookInboxStore;
import dev.billinggateway.service.SubscriptionService;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * Verified webhooks of every provider: stored before they are acknowledged (so none is lost),
 * de-duplicated, then processed asynchronously with retries. Processing treats a webhook as a hint:
 * it re-reads the named objects from the provider and stores what the provider says.
 */
@ApplicationScoped
public class WebhookInbox {

    private static final Logger LOG = Logger.getLogger(WebhookInbox.class);
    static final int MAX_ATTEMPTS = 5;

    public enum Outcome {
        STORED,
        DUPLICATE,
        REFUSED,
        MALFORMED,
        NOT_ACCEPTED
    }

    @Inject
    ConnectorRegistry registry;

    @Inject
    WebhookInboxStore store;

    @Inject
    SubscriptionService subscriptions;

    @Inject
    ObjectMapper mapper;

    @Inject
    Vertx vertx;

    @Inject
    GatewayEvents events;

    @Inject
    LiveEvents live;

    public Uni<Outcome> receive(Provider provider, WebhookRequest request) {
        var verifier = registry.find(provider, VerifyWebhook.class);
        if (verifier.isEmpty() || !registry.enabled(provider)) {
            return Uni.createFrom().item(Outcome.NOT_ACCEPTED);
        }
        VerifiedWebhook verified;
        try {
            verified = verifier.get().verifyWebhook(request);
        } catch (GatewayException e) {
            // never log the body or the signature: only that it was refused
            events.webhookReceived(provider, e.code() == ErrorCode.UNAUTHENTICATED ? "refused" : "malformed", null, null, null);
            return Uni.createFrom().item(e.code() == ErrorCode.UNAUTHENTICATED ? Outcome.REFUSED : Outcome.MALFORMED);
        }
        String affected;
        try {
            affected = mapper.writeValueAsString(verified.affected());
        } catch (Exception e) {
            return Uni.createFrom().failure(e);
        }
        return store.insertOnce(provider.name(), verified.dedupKey(), verified.eventType(), request.bodyText(), affected)
                .map(id -> {
                    if (id == null) {
                        events.webhookReceived(provider, "duplicate", verified.dedupKey(), verified.eventType(), null);
                        return Outcome.DUPLICATE;
                    }
                    events.webhookReceived(provider, "stored", verified.dedupKey(), verified.eventType(), id);
                    // process after acknowledging: the provider waits for nothing but the stored event
                    vertx.runOnContext(v -> process(id).subscribe().with(ok -> {
                    }, e -> LOG.debugf("Webhook event %d: %s", id, e.getClass().getSimpleName()))); // logged by process
                    return Outcome.STORED;
                });
    }

    /** Re-reads the objects the event names; marks it processed, or failed for a later retry. */
    public Uni<Void> process(long id) {
        return store.find(id).chain(event -> {
            if (event == null || !WebhookEvent.Status.RECEIVED.name().equals(event.status)) {
                return Uni.createFrom().voidItem();
            }
            Provider provider = Provider.valueOf(event.provider);
            List<ObjectRef> refs;
            try {
                refs = mapper.readValue(event.affected, new TypeReference<List<ObjectRef>>() {
                });
            } catch (Exception e) {
                return store.markFailed(id, "unreadable affected list", 1);
            }
            List<String> subs = refs.stream().filter(r -> r.kind() == Kind.SUBSCRIPTION).map(ObjectRef::providerId).toList();
            List<String> custs = refs.stream().filter(r -> r.kind() == Kind.CUSTOMER).map(ObjectRef::providerId).toList();
            return subscriptions.refreshFromProvider(provider, subs, custs)
                    .chain(() -> store.markProcessed(id)).invoke(() -> events.webhookProcessed(provider, id))
                    .invoke(() -> live.webhookProcessed(provider, subs, custs))
                    .onFailure().invoke(e -> events.webhookFailed(provider, id, e)).onFailure().call(e -> store.markFailed(id, e.getClass().getSimpleName() + ": " + e.getMessage(), MAX_ATTEMPTS));
        });
    }

    /** Retries what is still pending (provider was down, or the instance stopped before processing). */
    @Scheduled(every = "${gateway.webhooks.retry-every:30s}", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> retryPending() {
        return StorageOutage.skipWhileUnavailable(store.claimPending(50).chain(ids -> io.smallrye.mutiny.Multi.createFrom().iterable(ids)
                .onItem().transformToUniAndConcatenate(id -> process(id).onFailure().recoverWithNull())
                .collect().last().replaceWithVoid()));
    }
}
