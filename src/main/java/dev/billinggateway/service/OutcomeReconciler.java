package dev.billinggateway.service;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.billinggateway.live.LiveEvents;
import dev.billinggateway.observability.GatewayEvents;
import dev.billinggateway.persistence.AuditEntry;
import dev.billinggateway.persistence.AuditLog;
import dev.billinggateway.persistence.IdempotencyRecord;
import dev.billinggateway.persistence.IdempotencyRecord.State;
import dev.billinggateway.persistence.IdempotencyStore;
import dev.billinggateway.persistence.StorageOutage;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Settles mutations whose outcome is unknown by reading the provider, in the background (Kill Bill's
 * janitor). It only records what it can prove happened: a toggle whose flag did flip becomes COMPLETED,
 * so that the client's retry with the same key returns it. It never applies a change itself: a late
 * provider write could otherwise turn one flip into two. What it cannot prove stays OUTCOME_UNKNOWN and
 * is settled by the client's retry, which reads again before acting.
 */
@ApplicationScoped
public class OutcomeReconciler {

    private static final Logger LOG = Logger.getLogger(OutcomeReconciler.class);

    static final int BATCH = 50;
    /** How long a claimed record is this instance's to settle (reads of up to BATCH objects, one at a time). */
    static final Duration CLAIM_FOR = Duration.ofMinutes(1);

    @Inject
    IdempotencyStore store;

    @Inject
    CustomerService customers;

    @Inject
    SnapshotCodec codec;

    @Inject
    AuditLog audit;

    @Inject
    GatewayEvents events;

    @Inject
    LiveEvents live;

    @Scheduled(every = "${gateway.reconcile.every:30s}", delayed = "15s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> settleUnknownOutcomes() {
        return StorageOutage.skipWhileUnavailable(reconcileNow().replaceWithVoid());
    }

    /** @return how many records were settled */
    public Uni<Integer> reconcileNow() {
        return store.claimUnsettled(BATCH, CLAIM_FOR)
                .chain(records -> Multi.createFrom().iterable(records)
                        .onItem().transformToUniAndConcatenate(r -> settle(r).onFailure().recoverWithItem(false)
                                .invoke(settled -> events.reconciliation(r.operation, r.key, settled)))
                        .collect().asList()
                        .map(results -> (int) results.stream().filter(Boolean::booleanValue).count()));
    }

    private Uni<Boolean> settle(IdempotencyRecord record) {
        if (!"toggleCustomerStatus".equals(record.operation)) {
            return Uni.createFrom().item(false); // set-style mutations: the client's retry re-applies them safely
        }
        String customerId = ToggleContext.customerId(record.context);
        Boolean before = ToggleContext.before(record.context);
        if (customerId == null) {
            return Uni.createFrom().item(false); // never reached the provider call: the retry will do it
        }
        return customers.byIds(List.of(customerId), false).chain(found -> {
            var now = found.get(customerId);
            if (now == null || now.error() != null || now.stale() || now.value().data().active() == before) {
                return Uni.createFrom().item(false);
            }
            AuditEntry entry = new AuditEntry();
            entry.subject = "reconciler";
            entry.operation = record.operation;
            entry.targetId = customerId;
            entry.provider = now.value().provider().name();
            entry.providerRequest = record.operation;
            entry.providerReference = now.value().providerCustomerId();
            entry.outcome = "RECONCILED";
            entry.idempotencyKey = record.key;
            return store.update(MutationRunner.idOf(record), State.COMPLETED, null, codec.write(now.value()), null)
                    .chain(() -> audit.record(entry)).invoke(() -> live.reconciled(now.value())).replaceWith(true);
        });
    }
}
