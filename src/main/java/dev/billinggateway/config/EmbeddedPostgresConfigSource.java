package dev.billinggateway.config;

import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.quarkus.runtime.LaunchMode;

/**
 * Dev mode on a fresh machine: when the {@code %dev} datasource is asked for and none is configured,
 * start an embedded PostgreSQL (zonky) and answer with its coordinates. Never active outside dev mode,
 * and the embedded server's classes are not part of the production artifact.
 */
public class EmbeddedPostgresConfigSource implements ConfigSource {

    private static final String PREFIX = "%dev.quarkus.datasource.";
    private static final Set<String> KEYS = Set.of(
            PREFIX + "reactive.url", PREFIX + "jdbc.url", PREFIX + "username", PREFIX + "password");

    @Override
    public Set<String> getPropertyNames() {
        // names only: the server starts when a value is first read, and only in dev mode
        return LaunchMode.current() == LaunchMode.DEVELOPMENT && !datasourceConfigured() ? KEYS : Set.of();
    }

    @Override
    public String getValue(String propertyName) {
        if (!KEYS.contains(propertyName) || LaunchMode.current() != LaunchMode.DEVELOPMENT || datasourceConfigured()) {
            return null;
        }
        Map<String, String> coordinates = DevPostgres.coordinates();
        return coordinates.get(propertyName.substring(PREFIX.length()));
    }

    private static boolean datasourceConfigured() {
        return System.getProperty("quarkus.datasource.reactive.url") != null
                || System.getenv("QUARKUS_DATASOURCE_REACTIVE_URL") != null;
    }

    @Override
    public int getOrdinal() {
        return 150; // below application.properties (250), so an explicit %dev datasource there wins
    }

    @Override
    public String getName() {
        return "embedded-postgres-dev";
    }
}
