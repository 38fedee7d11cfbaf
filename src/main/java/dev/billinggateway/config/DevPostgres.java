package dev.billinggateway.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import org.jboss.logging.Logger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The dev-mode embedded PostgreSQL: one per JVM, so live reload keeps it. Loaded only in dev mode
 * (zonky is a 'provided' dependency), stopped when the JVM exits.
 */
final class DevPostgres {

    private static final Logger LOG = Logger.getLogger(DevPostgres.class);
    private static Map<String, String> coordinates;

    private DevPostgres() {
    }

    static synchronized Map<String, String> coordinates() {
        if (coordinates == null) {
            try {
                EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        pg.close();
                    } catch (IOException ignored) {
                        // the JVM is going away anyway
                    }
                }));
                String hostPort = "localhost:" + pg.getPort() + "/postgres";
                coordinates = Map.of(
                        "reactive.url", "postgresql://" + hostPort,
                        "jdbc.url", "jdbc:postgresql://" + hostPort,
                        "username", "postgres",
                        "password", "postgres");
                LOG.infof("Embedded PostgreSQL for dev mode at %s", hostPort);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
            }
        }
        return coordinates;
    }
}
