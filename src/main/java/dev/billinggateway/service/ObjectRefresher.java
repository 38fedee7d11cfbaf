package dev.billinggateway.service;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.billinggateway.config.GatewayConfig;
import dev.billinggateway.connector.NotYetReadable;
import dev.billinggateway.domain.ErrorCode;
import dev.billinggateway.domain.GatewayException;
import dev.billinggateway.domain.Provider;
import dev.billinggateway.live.LiveEvents;
import dev.billinggateway.observability.GatewayEvents;
import dev.billinggateway.persistence.SnapshotStore;
import dev.billinggateway.persistence.StorageOutage;
import dev.billinggateway.persistence.SnapshotStore.Snapshot;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The cache policy over the PostgreSQL snapshots, for any kind of linked provider object: a fresh
 * snapshot is served as is; otherwise the provider is asked (once per distinct object, a bounded number
 * at a time) and the answer stored; when the provider cannot be reached the last-known snapshot is
 * served as stale.
 */
@ApplicationScoped
public class ObjectRefresher {

    private static final Logger LOG = Logger.getLogger(ObjectRefresher.class);

    @Inject
    SnapshotStore snapshots;

    @Inject
    SnapshotCodec codec;

    @Inject
    SnapshotWriter writer;

    @Inject
    GatewayEvents events;

    @Inject
    GatewayConfig config;

    @Inject
    ReadDeadline deadline;

    @Inject
    LiveEvents live;

    /** A linked object to resolve: its gateway ID and where it lives. */
    public record Target(String gatewayId, Provider provider, String providerId) {
    }

    /**
     * @param fetch reads one object from its provider
     * @return gateway ID → what could be had, for every target
     */
    public <T> Uni<Map<String, Refreshed<T>>> resolve(String kind, Class<T> type, List<Target> targets,
            BiFunction<Provider, String, Uni<T>> fetch, boolean allowFresh) {
        if (targets.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return snapshots.load(targets.stream().map(Target::gatewayId).toList())
                .chain(known -> resolve(kind, type, targets, fetch, allowFresh, known));
    }

    /** As above, with the snapshots already read (together with the links, in one statement). */
    public <T> Uni<Map<String, Refreshed<T>>> resolve(String kind, Class<T> type, List<Target> targets,
            BiFunction<Provider, String, Uni<T>> fetch, boolean allowFresh, Map<String, Snapshot> stored) {
        if (targets.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Uni.createFrom().deferred(() -> {
            Map<String, Snapshot> known = writer.withPending(targets.stream().map(Target::gatewayId).toList(), stored);
            OffsetDateTime now = now();
            Duration freshFor = config.cache().freshFor();
            Map<String, Refreshed<T>> result = new LinkedHashMap<>();
            List<Target> toFetch = new ArrayList<>();
            for (Target t : targets) {
                Snapshot s = known.get(t.gatewayId());
                if (allowFresh && s != null && !freshFor.isZero() && s.fetchedAt().plus(freshFor).isAfter(now)) {
                    result.put(t.gatewayId(), Refreshed.of(codec.read(s.payload(), type), false, s.fetchedAt()));
                } else {
                    toFetch.add(t);
                }
            }
            if (toFetch.isEmpty()) {
                return Uni.createFrom().item(result);
            }
            return fetchAll(kind, toFetch, fetch).chain(fetched -> {
                List<Snapshot> toSave = new ArrayList<>();
                for (Target t : toFetch) {
                    Object outcome = fetched.get(new Key(t.provider(), t.providerId()));
                    if (outcome instanceof NotYetReadable notYet) {
                        // the provider has it but will not show it yet: what the gateway knows of it still holds
                        Snapshot s = known.get(t.gatewayId());
                        result.put(t.gatewayId(), s != null ? Refreshed.of(codec.read(s.payload(), type), false, s.fetchedAt())
                                : Refreshed.failed(notYet.error()));
                    } else if (outcome instanceof GatewayException e) {
                        Snapshot s = known.get(t.gatewayId());
                        s = s == null ? null : writer.lastConfirmed(s);
                        if (s != null && isUnreachable(e)) {
                            events.staleSnapshotServed(t.provider());
                            result.put(t.gatewayId(), Refreshed.of(codec.read(s.payload(), type), true, s.fetchedAt()));
                        } else {
                            result.put(t.gatewayId(), Refreshed.failed(e));
                        }
                    } else {
                        @SuppressWarnings("unchecked")
                        T value = (T) outcome;
                        OffsetDateTime fetchedAt = now();
                        result.put(t.gatewayId(), Refreshed.of(value, false, fetchedAt));
                        String payload = codec.write(value);
                        Snapshot fresh = new Snapshot(t.gatewayId(), kind, payload, fetchedAt);
                        if (worthWriting(known.get(t.gatewayId()), payload, fetchedAt)) {
                            toSave.add(fresh);
                        } else {
                            writer.confirmed(fresh);
                        }
                    }
                }
                return writer.writeBehind(toSave).invoke(() -> {
                    if (!toSave.isEmpty()) {
                        // listeners re-read the stored snapshot when told: tell them once it is written, not before
                        writer.flushed().subscribe().with(written -> live.refreshed(known, toSave), e -> { });
                    }
                }).replaceWith(result);
            });
        });
    }

    /** Stores what a provider just said (list pages, mutation results, webhooks). */
    public Uni<Void> store(String kind, Map<String, ?> valuesByGatewayId) {
        OffsetDateTime fetchedAt = now();
        List<Snapshot> toSave = new ArrayList<>();
        valuesByGatewayId.forEach((id, value) -> toSave.add(new Snapshot(id, kind, codec.write(value), fetchedAt)));
        return snapshots.save(toSave, writer.rewriteUnchangedBefore(fetchedAt));
    }

    /**
     * Whether a provider's answer is worth a write: it differs from the stored copy, or the stored copy is old
     * enough that its {@code fetchedAt} should be renewed. Renewed at the latest after
     * {@code touch-unchanged-after}, so that a stale answer's {@code fetchedAt} is never much older than the last
     * read; and after {@code fresh-for} when that is shorter, so that other instances keep serving the shared
     * copy as fresh. Pass-through reads ({@code fresh-for=0}) of unchanged objects thus write nothing.
     */
    boolean worthWriting(Snapshot stored, String payload, OffsetDateTime now) {
        return stored == null || !stored.payload().equals(payload)
                || stored.fetchedAt().isBefore(writer.rewriteUnchangedBefore(now));
    }

    private record Key(Provider provider, String providerId) {
    }

    /**
     * One provider call per distinct object, at most {@code fetch-concurrency} at a time, each within the read
     * deadline; an answer that comes after it is still stored as the snapshot of its objects.
     */
    private <T> Uni<Map<Key, Object>> fetchAll(String kind, List<Target> targets, BiFunction<Provider, String, Uni<T>> fetch) {
        List<Key> distinct = targets.stream().map(t -> new Key(t.provider(), t.providerId())).distinct().toList();
        Map<Key, Object> outcomes = new HashMap<>();
        return Multi.createFrom().iterable(distinct)
                .onItem().transformToUni(key -> deadline.within(key.provider(), fetch.apply(key.provider(), key.providerId()),
                        late -> lateAnswer(kind, key, targets, late))
                        .<Object>map(v -> v)
                        .onFailure(NotYetReadable.class).recoverWithItem(e -> e)
                        .onFailure().recoverWithItem(ObjectRefresher::asGatewayException)
                        .map(outcome -> Map.entry(key, outcome)))
                .merge(config.cache().fetchConcurrency())
                .collect().asList()
                .map(entries -> {
                    entries.forEach(e -> outcomes.put(e.getKey(), e.getValue()));
                    return outcomes;
                });
    }

    private Uni<Void> lateAnswer(String kind, Key key, List<Target> targets, Object value) {
        OffsetDateTime fetchedAt = now();
        String payload = codec.write(value);
        List<Snapshot> answers = targets.stream().filter(t -> key.equals(new Key(t.provider(), t.providerId())))
                .map(t -> new Snapshot(t.gatewayId(), kind, payload, fetchedAt)).toList();
        // as for an answer in time: written where it changed the object (the store leaves unchanged rows alone),
        // and this instance's stale answers are dated by it
        answers.forEach(writer::confirmed);
        return writer.writeBehind(answers);
    }

    static boolean isUnreachable(GatewayException e) {
        return e.code() == ErrorCode.PROVIDER_UNAVAILABLE || e.code() == ErrorCode.OUTCOME_UNKNOWN;
    }

    static GatewayException asGatewayException(Throwable t) {
        if (t instanceof GatewayException g) {
            return g;
        }
        if (t instanceof NotYetReadable notYet) {
            return notYet.error();
        }
        if (t instanceof io.smallrye.mutiny.CompositeException composite) {
            return asGatewayException(composite.getCauses().get(0)); // the failure itself; the rest failed handling it
        }
        if (StorageOutage.isStorageUnreachable(t)) {
            return StorageOutage.unavailable(t); // the database, not the provider: logged once per outage
        }
        LOG.error("Unexpected failure while reading from a provider", t);
        return GatewayException.of(ErrorCode.INTERNAL, "internal error").cause(t).build();
    }

    static OffsetDateTime now() {
        // PostgreSQL keeps microseconds: a snapshot read back must equal what was first returned
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }
}
