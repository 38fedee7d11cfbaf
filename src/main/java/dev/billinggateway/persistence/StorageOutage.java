package dev.billinggateway.persistence;

import java.net.ConnectException;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.billinggateway.domain.ErrorCode;
import dev.billinggateway.domain.GatewayException;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Names a database outage: failures that mean "PostgreSQL cannot be reached" become {@link ErrorCode#STORAGE_UNAVAILABLE}
 * (retryable) instead of INTERNAL, and the log says so once when the database goes away and once when it is back,
 * without stack traces. Readiness follows the database through Quarkus' own datasource health check; liveness does
 * not (a restart does not bring PostgreSQL back). Hand-written: the classification is specific to this gateway's
 * error codes; the connection-level exceptions are the reactive PostgreSQL client's.
 */
@ApplicationScoped
public class StorageOutage {

    private static final Logger LOG = Logger.getLogger(StorageOutage.class);

    /** One state per process: the log says each change once, whoever noticed it. */
    private static final AtomicBoolean down = new AtomicBoolean();

    @Inject
    Pool pool;

    /** True when {@code t} (or a cause) says the database could not be reached or dropped the connection. */
    public static boolean isStorageUnreachable(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof ConnectException || c instanceof io.vertx.sqlclient.ClosedConnectionException
                    || c instanceof io.netty.channel.ConnectTimeoutException) {
                return true;
            }
            if (c instanceof io.vertx.pgclient.PgException pg && pg.getSqlState() != null
                    && (pg.getSqlState().startsWith("08") || pg.getSqlState().startsWith("57P"))) {
                return true; // connection exception; admin shutdown, crash shutdown, cannot connect now
            }
            String message = c.getMessage();
            if (message != null && (message.contains("Connection refused") || message.contains("Pending requests failed")
                    || message.contains("Connection is not active") || message.contains("Failed to read any response from the server"))) {
                return true;
            }
        }
        return false;
    }

    /** The client-facing error for a storage failure; logs the outage once per state change. */
    public static GatewayException unavailable(Throwable cause) {
        if (down.compareAndSet(false, true)) {
            LOG.errorf("PostgreSQL (the gateway's storage) is unavailable: %s; requests needing it answer STORAGE_UNAVAILABLE",
                    rootMessage(cause));
        }
        return GatewayException.of(ErrorCode.STORAGE_UNAVAILABLE, "the gateway's database (PostgreSQL) is unavailable; retry later")
                .retryable(true).build();
    }

    /**
     * For background work (webhook retries, reconciliation, retention): a run that finds the database unreachable ends
     * quietly, the outage logged once like a request's; the next run tries again. Other failures fail the run as before.
     */
    public static Uni<Void> skipWhileUnavailable(Uni<Void> run) {
        return run.onFailure(StorageOutage::isStorageUnreachable).recoverWithUni(t -> {
            unavailable(t);
            return Uni.createFrom().voidItem();
        });
    }

    /** Whether the last state seen was "down". */
    public static boolean isDown() {
        return down.get();
    }

    /** While the database is known to be down, checks every few seconds whether it is back, to log the recovery once. */
    @Scheduled(every = "${gateway.storage.recheck-every:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> recheck() {
        if (!down.get()) {
            return Uni.createFrom().voidItem();
        }
        return pool.query("SELECT 1").execute()
                .invoke(rows -> {
                    if (down.compareAndSet(true, false)) {
                        LOG.info("PostgreSQL (the gateway's storage) is reachable again");
                    }
                })
                .replaceWithVoid()
                .onFailure().recoverWithNull();
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
