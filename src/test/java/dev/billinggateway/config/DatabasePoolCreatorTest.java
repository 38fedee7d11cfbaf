package dev.billinggateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgPool;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;

/**
 * vertx-sql-client#1706: a statement run on the pool while PostgreSQL cannot be reached fails at once, and the pool's
 * wait timer still fires later and throws {@code IllegalStateException: Result is already complete}. The pool the
 * gateway creates has no such timer. Deterministic: the statement and a marker timer run on one event loop, whose timers
 * fire in deadline order, so once the marker (set after the failure, 200 ms past the pool's wait timeout) has fired,
 * the pool's timer has fired too.
 */
class DatabasePoolCreatorTest {

    private static final long WAIT_TIMEOUT_MS = 500;

    private Vertx vertx;
    private final List<Throwable> uncaught = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        vertx.exceptionHandler(uncaught::add);
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Test
    void theUpstreamPoolThrowsAfterAFailedConnectWhenItsWaitTimerFires() throws Exception {
        Pool plain = PgPool.pool(vertx, List.of(unreachable()), configured());
        failOnceAndOutwaitTheWaitTimer(plain);
        // the bug this class works around; when this fails, a fixed vertx-sql-client is in use and the workaround can go
        assertThat(uncaught).anySatisfy(t -> assertThat(t).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Result is already complete"));
    }

    @Test
    void theGatewaysPoolDoesNot() throws Exception {
        Pool gateways = new DatabasePoolCreator().create(new PgPoolCreator.Input() {
            @Override
            public io.vertx.core.Vertx vertx() {
                return vertx;
            }

            @Override
            public PoolOptions poolOptions() {
                return configured();
            }

            @Override
            public List<PgConnectOptions> pgConnectOptionsList() {
                return List.of(unreachable());
            }
        });
        failOnceAndOutwaitTheWaitTimer(gateways);
        assertThat(uncaught).isEmpty();
    }

    @Test
    void keepsEveryOtherPoolSetting() {
        PoolOptions configured = configured().setMaxSize(7).setIdleTimeout(42).setIdleTimeoutUnit(TimeUnit.SECONDS)
                .setMaxLifetime(9).setMaxLifetimeUnit(TimeUnit.MINUTES).setEventLoopSize(3).setShared(true).setName("db");
        PoolOptions used = DatabasePoolCreator.withoutWaitTimer(configured);
        assertThat(used.getConnectionTimeout()).isZero();
        assertThat(used.toJson().put("connectionTimeout", 0)).isEqualTo(configured.toJson().put("connectionTimeout", 0));
    }

    /** A pool as Quarkus configures it, with a short wait timeout so the test needs not wait the default 30 s. */
    private static PoolOptions configured() {
        return new PoolOptions().setMaxSize(2).setConnectionTimeout((int) WAIT_TIMEOUT_MS)
                .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS);
    }

    private static PgConnectOptions unreachable() {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new PgConnectOptions().setHost("127.0.0.1").setPort(closedPort).setDatabase("postgres").setUser("postgres");
    }

    private void failOnceAndOutwaitTheWaitTimer(Pool pool) throws Exception {
        Context context = vertx.getOrCreateContext();
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        CompletableFuture<Void> marker = new CompletableFuture<>();
        context.runOnContext(v -> pool.query("SELECT 1").execute().onComplete(ar -> {
            failure.complete(ar.cause());
            vertx.setTimer(WAIT_TIMEOUT_MS + 200, id -> marker.complete(null));
        }));
        assertThat(failure.get(30, TimeUnit.SECONDS)).as("the statement fails: nothing listens on the port").isNotNull();
        marker.get(30, TimeUnit.SECONDS);
    }
}
