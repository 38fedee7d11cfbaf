package dev.billinggateway.service;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.billinggateway.connector.ConnectorRegistry;
import dev.billinggateway.connector.Digests;
import dev.billinggateway.connector.ProviderModule;
import dev.billinggateway.domain.ErrorCode;
import dev.billinggateway.domain.GatewayException;
import dev.billinggateway.live.LiveEvents;
import dev.billinggateway.observability.GatewayEvents;
import dev.billinggateway.persistence.AuditEntry;
import dev.billinggateway.persistence.AuditLog;
import dev.billinggateway.persistence.IdempotencyRecord;
import dev.billinggateway.persistence.IdempotencyRecord.State;
import dev.billinggateway.persistence.IdempotencyStore;
import dev.billinggateway.persistence.StorageOutage;
import io.smallrye.mutiny.Uni;

/**
 * Runs mutations: idempotency keys (replay returns the first result, reuse with another request is a
 * conflict), unknown outcomes recorded and reconciled by reading the provider instead of blind retries,
 * and an audit entry for every attempt.
 */
@ApplicationScoped
public class MutationRunner {

    private static final Logger LOG = Logger.getLogger(MutationRunner.class);
    static final int MAX_KEY_LENGTH = 200;
    /** Added to a provider's write timeout for the lease of an IN_PROGRESS key (recording the outcome, clock skew). */
    static final Duration LEASE_MARGIN = Duration.ofSeconds(15);

    @Inject
    IdempotencyStore store;

    @Inject
    AuditLog audit;

    @Inject
    SnapshotCodec codec;

    @Inject
    ConnectorRegistry registry;

    @Inject
    GatewayEvents events;

    @Inject
    LiveEvents live;

    public <T> Uni<T> run(Mutation<T> m) {
        if (m.idempotencyKey() == null) {
            return execute(m, context -> Uni.createFrom().voidItem());
        }
        String key = m.idempotencyKey();
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            return Uni.createFrom().failure(GatewayException.validation("idempotencyKey", "1 to " + MAX_KEY_LENGTH + " characters",
                    "idempotencyKey must be 1 to " + MAX_KEY_LENGTH + " characters"));
        }
        String hash = requestHash(m);
        // a key belongs to the caller that sent it: the same key from another subject is another request
        IdempotencyRecord.Id scoped = new IdempotencyRecord.Id(m.subject() == null ? "" : m.subject(), key);
        return store.claim(scoped, m.operation(), hash, lease(m)).chain(existing -> {
            if (existing == null) {
                return executeClaimed(m, scoped);
            }
            if (!existing.requestHash.equals(hash)) {
                events.idempotencyConflict(m.operation());
                return Uni.createFrom().failure(GatewayException.of(ErrorCode.IDEMPOTENCY_CONFLICT,
                        "idempotencyKey was already used with a different request").retryable(false).build());
            }
            events.idempotentReplay(m.operation());
            return replay(m, existing);
        });
    }

    private <T> Uni<T> replay(Mutation<T> m, IdempotencyRecord existing) {
        State state = State.valueOf(existing.state);
        switch (state) {
            case COMPLETED:
                return Uni.createFrom().item(codec.read(existing.response, m.resultType()));
            case FAILED:
                return Uni.createFrom().failure(GatewayException.of(ErrorCode.valueOf(existing.errorCode),
                        "the first request with this idempotencyKey failed with " + existing.errorCode).retryable(false).build());
            case IN_PROGRESS:
                if (leaseHeld(existing)) {
                    events.idempotencyConflict(m.operation());
                    return Uni.createFrom().failure(GatewayException.of(ErrorCode.IDEMPOTENCY_CONFLICT,
                            "a request with this idempotencyKey is still in progress; retry later").retryable(true).build());
                }
                return settle(m, existing);
            case OUTCOME_UNKNOWN:
            default:
                return settle(m, existing);
        }
    }

    /**
     * How long the instance running a mutation owns its key: the provider's write timeout plus a margin. A key still
     * IN_PROGRESS after that belongs to an instance that died; a retry or the reconciler settles it by reading the provider.
     */
    Duration lease(Mutation<?> m) {
        Duration write = m.provider() == null ? Duration.ofSeconds(15)
                : registry.module(m.provider()).map(ProviderModule::writeTimeout).orElse(Duration.ofSeconds(15));
        return write.plus(LEASE_MARGIN);
    }

    private static boolean leaseHeld(IdempotencyRecord existing) {
        OffsetDateTime until = existing.leaseUntil != null ? existing.leaseUntil
                : existing.updatedAt == null ? null : existing.updatedAt.plusMinutes(2); // a record from before leases
        return until != null && until.isAfter(ObjectRefresher.now());
    }

    /** Settles an earlier attempt whose outcome is unknown, by reading the provider first. */
    public <T> Uni<T> settle(Mutation<T> m, IdempotencyRecord existing) {
        return m.reconcile().apply(existing.context)
                .call(result -> store.update(idOf(existing), State.COMPLETED, null, codec.write(result), null))
                .call(result -> audit.record(entry(m, "RECONCILED", null, result)))
                .invoke(result -> live.reconciled(result))
                .onFailure(GatewayException.class).call(e -> outcomeOf(m, idOf(existing), (GatewayException) e));
    }

    static IdempotencyRecord.Id idOf(IdempotencyRecord record) {
        return new IdempotencyRecord.Id(record.subject, record.key);
    }

    private <T> Uni<T> executeClaimed(Mutation<T> m, IdempotencyRecord.Id key) {
        return execute(m, context -> store.update(key, State.IN_PROGRESS, context, null, null))
                .call(result -> store.update(key, State.COMPLETED, null, codec.write(result), null))
                .onFailure().call(e -> outcomeOf(m, key, e instanceof GatewayException g ? g : null));
    }

    /** Writes down how an attempt ended, so that a replay answers the same. */
    private Uni<Void> outcomeOf(Mutation<?> m, IdempotencyRecord.Id key, GatewayException e) {
        if (e == null || e.code() == ErrorCode.OUTCOME_UNKNOWN || e.code() == ErrorCode.INTERNAL) {
            return store.update(key, State.OUTCOME_UNKNOWN, null, null, null);
        }
        if (e.code() == ErrorCode.PROVIDER_UNAVAILABLE || e.code() == ErrorCode.VALIDATION || e.code() == ErrorCode.NOT_FOUND
                || e.code() == ErrorCode.UNSUPPORTED_BY_PROVIDER) {
            return store.release(key); // nothing happened at the provider: the same key may try again
        }
        return store.update(key, State.FAILED, null, null, e.code().name());
    }

    private <T> Uni<T> execute(Mutation<T> m, Mutation.ContextRecorder recorder) {
        return Uni.createFrom().deferred(() -> m.execute().apply(recorder))
                .onFailure().transform(MutationRunner::normalise)
                .call(result -> audit.record(entry(m, "SUCCEEDED", null, result)))
                .invoke(result -> live.mutated(result))
                .onFailure().call(e -> audit.record(entry(m, outcome((GatewayException) e), ((GatewayException) e).code().name(), null)));
    }

    private static String outcome(GatewayException e) {
        return switch (e.code()) {
            case OUTCOME_UNKNOWN, INTERNAL -> "OUTCOME_UNKNOWN";
            case VALIDATION, UNSUPPORTED_BY_PROVIDER, NOT_FOUND, IDEMPOTENCY_CONFLICT, UNAUTHENTICATED, FORBIDDEN -> "REFUSED";
            default -> "FAILED";
        };
    }

    private static Throwable normalise(Throwable t) {
        if (t instanceof GatewayException) {
            return t;
        }
        if (StorageOutage.isStorageUnreachable(t)) {
            return StorageOutage.unavailable(t);
        }
        LOG.error("Unexpected failure in a mutation; its outcome at the provider is unknown", t);
        return GatewayException.of(ErrorCode.INTERNAL, "internal error; the outcome of the request is not known").cause(t).build();
    }

    private <T> AuditEntry entry(Mutation<T> m, String outcome, String errorCode, T result) {
        AuditEntry e = new AuditEntry();
        e.subject = m.subject();
        e.operation = m.operation();
        // a create has no target until it ran: the audit names what it created
        e.targetId = m.targetId() != null ? m.targetId() : createdId(result);
        e.provider = m.provider() == null ? null : m.provider().name();
        e.providerRequest = m.operation();
        e.providerReference = result == null ? null : m.providerReference().apply(result);
        e.outcome = outcome;
        e.errorCode = errorCode;
        e.idempotencyKey = m.idempotencyKey();
        return e;
    }

    private static String createdId(Object result) {
        if (result instanceof SubscriptionView s) {
            return s.id();
        }
        if (result instanceof CustomerView c) {
            return c.id();
        }
        return null;
    }

    private String requestHash(Mutation<?> m) {
        Map<String, Object> canonical = new LinkedHashMap<>();
        canonical.put("operation", m.operation());
        canonical.put("target", m.targetId());
        canonical.put("request", m.request());
        return Digests.sha256Hex(codec.write(canonical).getBytes(StandardCharsets.UTF_8));
    }

    static OffsetDateTime now() {
        return ObjectRefresher.now();
    }
}
