package dev.billinggateway.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.billinggateway.domain.ErrorCode;
import dev.billinggateway.domain.GatewayException;
import dev.billinggateway.persistence.AuditEntry;
import dev.billinggateway.persistence.AuditLog;
import dev.billinggateway.persistence.IdempotencyRecord;
import dev.billinggateway.persistence.IdempotencyRecord.State;
import dev.billinggateway.persistence.IdempotencyStore;
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
    /** A request still IN_PROGRESS after this long belongs to an instance that died: treat its outcome as unknown. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);

    @Inject
    IdempotencyStore store;

    @Inject
    AuditLog audit;

    @Inject
    SnapshotCodec codec;

    @Inject
    dev.billinggateway.live.LiveEvents live;

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
        return store.claim(key, m.operation(), hash).chain(existing -> {
            if (existing == null) {
                return executeClaimed(m, key);
            }
            if (!existing.requestHash.equals(hash)) {
                return Uni.createFrom().failure(GatewayException.of(ErrorCode.IDEMPOTENCY_CONFLICT,
                        "idempotencyKey was already used with a different request").retryable(false).build());
            }
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
                if (existing.updatedAt != null && existing.updatedAt.plus(ABANDONED_AFTER).isAfter(ObjectRefresher.now())) {
                    return Uni.createFrom().failure(GatewayException.of(ErrorCode.IDEMPOTENCY_CONFLICT,
                            "a request with this idempotencyKey is still in progress; retry later").retryable(true).build());
                }
                return settle(m, existing);
            case OUTCOME_UNKNOWN:
            default:
                return settle(m, existing);
        }
    }

    /** Settles an earlier attempt whose outcome is unknown, by reading the provider first. */
    public <T> Uni<T> settle(Mutation<T> m, IdempotencyRecord existing) {
        return m.reconcile().apply(existing.context)
                .call(result -> store.update(existing.key, State.COMPLETED, null, codec.write(result), null))
                .call(result -> audit.record(entry(m, "RECONCILED", null, result)))
                .invoke(result -> live.reconciled(result))
                .onFailure(GatewayException.class).call(e -> outcomeOf(m, existing.key, (GatewayException) e));
    }

    private <T> Uni<T> executeClaimed(Mutation<T> m, String key) {
        return execute(m, context -> store.update(key, State.IN_PROGRESS, context, null, null))
                .call(result -> store.update(key, State.COMPLETED, null, codec.write(result), null))
                .onFailure().call(e -> outcomeOf(m, key, e instanceof GatewayException g ? g : null));
    }

    /** Writes down how an attempt ended, so that a replay answers the same. */
    private Uni<Void> outcomeOf(Mutation<?> m, String key, GatewayException e) {
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
        if (result instanceof dev.billinggateway.api.SubscriptionNode s) {
            return s.id();
        }
        if (result instanceof dev.billinggateway.api.CustomerNode c) {
            return c.id();
        }
        return null;
    }

    private String requestHash(Mutation<?> m) {
        Map<String, Object> canonical = new LinkedHashMap<>();
        canonical.put("operation", m.operation());
        canonical.put("target", m.targetId());
        canonical.put("request", m.request());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(codec.write(canonical).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static OffsetDateTime now() {
        return ObjectRefresher.now();
    }
}
