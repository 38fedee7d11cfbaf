package dev.billinggateway.config;

import jakarta.inject.Singleton;

import io.quarkus.arc.Unremovable;
import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgPool;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;

/**
 * The reactive PostgreSQL pool as Quarkus configures it (size, idle timeout, max lifetime, event loops, name, every
 * {@code quarkus.datasource.*} connection setting), with one change: the pool's own wait timer is off.
 */
@Singleton
@Unremovable // looked up by the datasource's synthetic bean, never injected
public class DatabasePoolCreator implements PgPoolCreator {

    @Override
    public Pool create(Input input) {
        return PgPool.pool(input.vertx(), input.pgConnectOptionsList(), withoutWaitTimer(input.poolOptions()));
    }

    /**
     * vertx-sql-client 4.5.x (no fixed release yet) does not cancel that timer when connecting fails, so every statement
     * run while PostgreSQL is down logs {@code IllegalStateException: Result is already complete} 30 s later
     * (eclipse-vertx/vertx-sql-client#1706); without the timer a request waits for a busy pool's next free connection.
     */
    static PoolOptions withoutWaitTimer(PoolOptions configured) {
        return new PoolOptions(configured).setConnectionTimeout(0);
    }
}
