package dev.billinggateway.observability;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;

/**
 * Readiness: the schema is at the version this build expects (no pending Flyway migration). Together with
 * Quarkus' datasource checks (the database answers) this is all readiness covers. Migrations never un-apply,
 * so once the schema is current the answer is remembered and later probes cost nothing.
 */
@Readiness
@ApplicationScoped
public class MigrationsHealthCheck implements HealthCheck {

    @Inject
    Flyway flyway;

    private volatile String currentVersion;

    @Override
    public HealthCheckResponse call() {
        if (currentVersion == null) {
            MigrationInfoService info;
            try {
                info = flyway.info(); // over JDBC, until the first success only
            } catch (FlywayException e) {
                // the database cannot be read (an outage is logged once by StorageOutage): DOWN, without a stack trace
                return HealthCheckResponse.named("database-migrations").down().withData("error", e.getClass().getSimpleName()).build();
            }
            if (info.pending().length > 0) {
                return HealthCheckResponse.named("database-migrations").down()
                        .withData("pending", info.pending().length).build();
            }
            MigrationInfo current = info.current();
            currentVersion = current == null || current.getVersion() == null ? "none" : current.getVersion().getVersion();
        }
        return HealthCheckResponse.named("database-migrations").up().withData("version", currentVersion).build();
    }
}
