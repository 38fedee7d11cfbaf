package dev.billinggateway.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL of its own (embedded, zonky) that a test may stop and start again on the same port and data directory,
 * under the running gateway. Only for the test profile that names it: the shared {@link PostgresTestResource} is never
 * stopped. Ordered after it, so its datasource keys win.
 */
public class RestartablePostgres implements QuarkusTestResourceLifecycleManager {

    private static Path dataDirectory;
    private static int port;
    private static EmbeddedPostgres running;

    @Override
    public Map<String, String> start() {
        try {
            dataDirectory = Files.createTempDirectory("billing-gateway-restartable-pg");
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        startAgain();
        String url = "postgresql://localhost:" + port + "/postgres";
        return Map.of(
                "quarkus.datasource.reactive.url", url,
                "quarkus.datasource.jdbc.url", "jdbc:" + url,
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }

    @Override
    public int order() {
        return 100; // after PostgresTestResource (0): this server's coordinates replace the shared one's
    }

    public static int port() {
        return port;
    }

    /** Stops the server (fast shutdown: open connections are terminated), keeping its data directory. */
    public static synchronized void stopServer() {
        if (running != null) {
            try {
                running.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            running = null;
        }
    }

    /** Starts the server on its port and data directory (initialised the first time only). */
    public static synchronized void startAgain() {
        if (running == null) {
            try {
                running = EmbeddedPostgres.builder().setPort(port).setDataDirectory(dataDirectory).setCleanDataDirectory(false)
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public void stop() {
        stopServer();
    }
}
