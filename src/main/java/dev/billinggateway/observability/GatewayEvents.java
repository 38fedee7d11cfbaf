package dev.billinggateway.observability;

import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.billinggateway.domain.ErrorCode;
import dev.billinggateway.domain.GatewayException;
import dev.billinggateway.domain.Provider;
import dev.billinggateway.persistence.AuditEntry;

/**
 * The events an operator follows, each counted and (where someone acts on it) logged as one line. The rest of
 * the code calls one method per event. Log lines carry identifiers, codes and timings only: never request or
 * response bodies, credentials or card data, and never a stack trace for an expected failure (a provider
 * refusal, an outage, a bad signature); the trace id comes from the log format ({@code %X{traceId}}).
 */
@ApplicationScoped
public class GatewayEvents {

    private static final Logger PROVIDER_LOG = Logger.getLogger("dev.billinggateway.provider-calls");
    private static final Logger MUTATION_LOG = Logger.getLogger("dev.billinggateway.mutations");
    private static final Logger WEBHOOK_LOG = Logger.getLogger("dev.billinggateway.webhooks");

    @Inject
    GatewayMetrics metrics;

    // --- provider calls

    void providerCall(Provider provider, String operation, Throwable failure, long nanos) {
        String outcome = GatewayMetrics.outcome(failure);
        metrics.providerCall(provider, operation, outcome, nanos);
        if (failure == null) {
            metrics.activity.success(provider);
            return;
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(nanos);
        if (failure instanceof GatewayException g) {
            if (g.code() == ErrorCode.NOT_FOUND || g.code() == ErrorCode.VALIDATION || g.code() == ErrorCode.UNSUPPORTED_BY_PROVIDER) {
                PROVIDER_LOG.debugf("%s %s answered %s after %d ms", provider, operation, g.code(), millis);
                return; // an answer about the request, not a provider failure
            }
            metrics.activity.failure(provider, outcome);
            Object providerCode = g.extensions().get("providerCode");
            PROVIDER_LOG.warnf("%s %s failed after %d ms: %s%s%s", provider, operation, millis, g.code(),
                    providerCode == null ? "" : " (provider code " + providerCode + ")",
                    Boolean.TRUE.equals(g.retryable()) ? ", retryable" : "");
        } else {
            // not mapped to a unified code: a gateway fault; the mapping code logs the cause with its trace
            metrics.activity.failure(provider, outcome);
            PROVIDER_LOG.warnf("%s %s failed after %d ms: %s (%s)", provider, operation, millis, ErrorCode.INTERNAL,
                    failure.getClass().getSimpleName());
        }
    }

    // --- mutations (every attempt is audited; the audit entry is the one line)

    /** One line per mutation outcome: SUCCEEDED, FAILED, REFUSED, OUTCOME_UNKNOWN or RECONCILED. */
    public void mutation(AuditEntry entry) {
        metrics.increment("gateway.mutations", "Mutations by operation and outcome (OUTCOME_UNKNOWN: reconciled later)",
                "operation", entry.operation, "outcome", entry.outcome, "provider", entry.provider == null ? "NONE" : entry.provider);
        String line = "Mutation %s on %s%s by %s: %s%s";
        String target = entry.targetId == null ? "" : " of " + entry.targetId; // a create that failed has none
        String provider = entry.provider == null ? "no provider" : entry.provider;
        String code = entry.errorCode == null ? "" : " " + entry.errorCode;
        if ("OUTCOME_UNKNOWN".equals(entry.outcome) || "FAILED".equals(entry.outcome)) {
            MUTATION_LOG.warnf(line, entry.operation, provider, target, entry.subject, entry.outcome, code);
        } else {
            MUTATION_LOG.infof(line, entry.operation, provider, target, entry.subject, entry.outcome, code);
        }
    }

    public void idempotentReplay(String operation) {
        metrics.increment("gateway.idempotency", "Mutations whose idempotency key was seen before", "operation", operation,
                "result", "replayed");
    }

    public void idempotencyConflict(String operation) {
        metrics.increment("gateway.idempotency", "Mutations whose idempotency key was seen before", "operation", operation,
                "result", "conflict");
    }

    /** A background reconciliation looked at a mutation whose outcome was unknown. */
    public void reconciliation(String operation, String idempotencyKey, boolean settled) {
        metrics.increment("gateway.reconciliations", "Unknown outcomes looked at by the reconciler", "operation", operation,
                "result", settled ? "settled" : "unsettled");
        if (settled) {
            MUTATION_LOG.infof("Reconciled %s with key %s: the provider shows it applied", operation, idempotencyKey);
        } else {
            MUTATION_LOG.debugf("Reconciliation of %s with key %s: not provable yet; the client's retry settles it", operation,
                    idempotencyKey);
        }
    }

    // --- reads

    public void staleSnapshotServed(Provider provider) {
        metrics.increment("gateway.snapshots.stale.served", "Last-known snapshots served because the provider could not be reached",
                "provider", provider.name());
    }

    // --- webhooks

    public void webhookReceived(Provider provider, String event, String dedupKey, String eventType, Long id) {
        metrics.increment("gateway.webhooks", "Webhooks by what became of them", "provider", provider.name(), "event", event);
        switch (event) {
            case "stored" -> WEBHOOK_LOG.infof("Stored %s webhook %s (%s) as event %d", provider, dedupKey, eventType, id);
            case "duplicate" -> WEBHOOK_LOG.infof("Duplicate %s webhook %s ignored", provider, dedupKey);
            default -> WEBHOOK_LOG.warnf("Refused %s webhook: %s", provider, event); // never the body or the signature
        }
    }

    public void webhookProcessed(Provider provider, long id) {
        metrics.increment("gateway.webhooks", "Webhooks by what became of them", "provider", provider.name(), "event", "processed");
        WEBHOOK_LOG.infof("Processed %s webhook event %d", provider, id);
    }

    public void webhookFailed(Provider provider, long id, Throwable failure) {
        metrics.increment("gateway.webhooks", "Webhooks by what became of them", "provider", provider.name(), "event", "failed");
        WEBHOOK_LOG.warnf("%s webhook event %d not processed yet (%s); retried later", provider, id, GatewayMetrics.outcome(failure));
    }

    // --- GraphQL

    void graphqlRequest(String operationType, String code) {
        metrics.increment("gateway.graphql.requests", "GraphQL requests by operation type and first error code (OK: none)",
                "type", operationType, "code", code);
    }
}
