package dev.billinggateway.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One real PostgreSQL for the whole test run: embedded (zonky), or the server given with
 * {@code -Dtest.pg.url=postgresql://host:5432/db} (+ {@code test.pg.username}, {@code test.pg.password}).
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedPostgres embedded;

    @Override
    public Map<String, String> start() {
        String url = System.getProperty("test.pg.url");
        String user = System.getProperty("test.pg.username", "postgres");
        String password = System.getProperty("test.pg.password", "postgres");
        if (url == null) {
            url = "postgresql://localhost:" + embedded().getPort() + "/postgres";
        }
        return Map.of(
                "quarkus.datasource.reactive.url", url,
                "quarkus.datasource.jdbc.url", "jdbc:" + url,
                "quarkus.datasource.username", user,
                "quarkus.datasource.password", password);
    }

    private static synchronized EmbeddedPostgres embedded() {
        if (embedded == null) {
            try {
                embedded = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        embedded.close();
                    } catch (IOException ignored) {
                        // test JVM exiting
                    }
                }));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return embedded;
    }

    @Override
    public void stop() {
        // kept for the whole run: Quarkus restarts (test profiles) reuse the same server
    }
}
