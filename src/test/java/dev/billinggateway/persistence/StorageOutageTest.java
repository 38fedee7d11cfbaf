package dev.billinggateway.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.billinggateway.domain.ErrorCode;
import dev.billinggateway.domain.GatewayException;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;

/**
 * What the reactive PostgreSQL client really throws when the database is not there is named STORAGE_UNAVAILABLE
 * (retryable); a failure of the gateway's own making is not.
 */
class StorageOutageTest {

    @Test
    void aRefusedConnectionToPostgresIsStorageUnavailable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Vertx vertx = Vertx.vertx();
        try {
            Pool pool = io.vertx.mutiny.pgclient.PgPool.pool(vertx,
                    new PgConnectOptions().setHost("127.0.0.1").setPort(closedPort).setDatabase("postgres").setUser("postgres"),
                    new PoolOptions().setMaxSize(1));
            Throwable failure = null;
            try {
                pool.query("SELECT 1").execute().await().atMost(Duration.ofSeconds(30));
            } catch (Throwable t) {
                failure = t;
            }
            assertThat(failure).isNotNull();
            assertThat(StorageOutage.isStorageUnreachable(failure)).as("%s", failure).isTrue();
            GatewayException named = StorageOutage.unavailable(failure);
            assertThat(named.code()).isEqualTo(ErrorCode.STORAGE_UNAVAILABLE);
            assertThat(named.retryable()).isTrue();
            assertThat(named.getMessage()).doesNotContain(String.valueOf(closedPort));
            assertThat(StorageOutage.isDown()).isTrue();
        } finally {
            vertx.closeAndAwait();
        }
    }

    @Test
    void aBugIsNotAStorageOutage() {
        assertThat(StorageOutage.isStorageUnreachable(new IllegalStateException("boom"))).isFalse();
        assertThat(StorageOutage.isStorageUnreachable(new RuntimeException(new NullPointerException()))).isFalse();
    }
}
