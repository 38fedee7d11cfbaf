package dev.billinggateway.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.billinggateway.observability.GatewayEvents;
import io.smallrye.mutiny.Uni;

/** Writes the audit log. A failure to audit is logged loudly but never undoes what the provider did. */
@ApplicationScoped
public class AuditLog {

    private static final Logger LOG = Logger.getLogger(AuditLog.class);

    @Inject
    Db db;

    @Inject
    QueryCounter queries;

    @Inject
    GatewayEvents events;

    public Uni<Void> record(AuditEntry entry) {
        events.mutation(entry); // the operator's line and counter for this outcome
        queries.count();
        return db.write(entry::persist)
                .onFailure().invoke(e -> LOG.errorf("Audit entry not written for %s on %s: %s", entry.operation, entry.targetId,
                        e.getClass().getSimpleName()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
