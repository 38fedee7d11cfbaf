package dev.billinggateway.observability;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.billinggateway.persistence.IdempotencyRecord;
import dev.billinggateway.persistence.WebhookEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Refreshes the two gauges that live in the database (webhook backlog, unsettled mutations) with one statement
 * on a schedule, so that a scrape never touches the database. Both counts use the tables' status indexes.
 */
@ApplicationScoped
public class BacklogGauges {

    static final String COUNTS = """
            SELECT (SELECT count(*) FROM webhook_event WHERE status = $1),
                   (SELECT count(*) FROM idempotency_record WHERE state IN ($2, $3))""";

    @Inject
    Pool pool;

    @Inject
    GatewayMetrics metrics;

    @Scheduled(every = "${gateway.metrics.backlog-every:15s}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> refresh() {
        return pool.preparedQuery(COUNTS)
                .execute(Tuple.of(WebhookEvent.Status.RECEIVED.name(), IdempotencyRecord.State.OUTCOME_UNKNOWN.name(),
                        IdempotencyRecord.State.IN_PROGRESS.name()))
                .invoke(rows -> {
                    Row row = rows.iterator().next();
                    metrics.webhookBacklog.set(row.getLong(0));
                    metrics.unsettledMutations.set(row.getLong(1));
                })
                .replaceWithVoid()
                .onFailure().recoverWithNull(); // the database being down is reported by readiness, not here
    }
}
