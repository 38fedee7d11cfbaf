package dev.billinggateway.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.billinggateway.config.GatewayConfig;
import dev.billinggateway.persistence.StorageOutage;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Prunes what would otherwise grow without bound: settled idempotency keys, finished webhook events, snapshots of
 * objects nobody reads, and (only when configured) audit entries, each after its {@code gateway.retention.*} period.
 * Small batches, each claimed with FOR UPDATE SKIP LOCKED so that several instances pruning at once never wait on or
 * delete the same rows, and a long backlog never holds one long transaction.
 */
@ApplicationScoped
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class);
    static final int MAX_BATCHES = 100;

    @Inject
    Pool pool;

    @Inject
    GatewayConfig config;

    /** A table, the rows of it that may go, and how long they are kept. */
    record Rule(String table, String condition, Duration keep) {
    }

    List<Rule> rules() {
        GatewayConfig.Retention r = config.retention();
        List<Rule> rules = new ArrayList<>(List.of(
                new Rule("idempotency_record", "state IN ('COMPLETED', 'FAILED') AND updated_at", r.idempotencyKeys()),
                new Rule("webhook_event", "status IN ('PROCESSED', 'FAILED') AND received_at", r.webhookEvents()),
                new Rule("provider_snapshot", "fetched_at", r.snapshots())));
        r.auditEntries().ifPresent(keep -> rules.add(new Rule("audit_log", "at", keep)));
        return rules;
    }

    @Scheduled(every = "${gateway.retention.every:10m}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> prune() {
        return StorageOutage.skipWhileUnavailable(pruneNow().invoke(deleted -> deleted.forEach((table, count) -> {
            if (count > 0) {
                LOG.infof("Retention: pruned %d rows of %s", count, table);
            }
        })).replaceWithVoid());
    }

    /** @return rows deleted per table */
    public Uni<Map<String, Long>> pruneNow() {
        Map<String, Long> deleted = new LinkedHashMap<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Rule rule : rules()) {
            chain = chain.chain(() -> pruneTable(rule, 0, 0).invoke(count -> deleted.put(rule.table(), count)).replaceWithVoid());
        }
        return chain.replaceWith(deleted);
    }

    private Uni<Long> pruneTable(Rule rule, int batches, long soFar) {
        int batch = config.retention().batchSize();
        String sql = "DELETE FROM " + rule.table() + " WHERE ctid IN (SELECT ctid FROM " + rule.table() + " WHERE " + rule.condition()
                + " < now() - make_interval(secs => $1) LIMIT $2 FOR UPDATE SKIP LOCKED)";
        return pool.preparedQuery(sql).execute(Tuple.of(rule.keep().toMillis() / 1000.0, batch)).chain(result -> {
            long total = soFar + result.rowCount();
            if (result.rowCount() < batch || batches + 1 >= MAX_BATCHES) {
                return Uni.createFrom().item(total);
            }
            return pruneTable(rule, batches + 1, total);
        });
    }
}
