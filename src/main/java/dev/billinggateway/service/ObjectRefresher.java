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
import dev.billinggateway.domain.ErrorCode;
import dev.billinggateway.domain.GatewayException;
import dev.billinggateway.domain.Provider;
import dev.billinggateway.persistence.SnapshotStore;
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
    GatewayConfig config;

    @Inject
    dev.billinggateway.live.LiveEvents live;

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
            BiFunction<Provider, String, Uni<T>> fetch, boolean allowFresh, Map<String, Snapshot> known) {
        if (targets.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Uni.createFrom().deferred(() -> {
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
            return fetchAll(toFetch, fetch).chain(fetched -> {
                List<Snapshot> toSave = new ArrayList<>();
                for (Target t : toFetch) {
                    Object outcome = fetched.get(new Key(t.provider(), t.providerId()));
                    if (outcome instanceof GatewayException e) {
                        Snapshot s = known.get(t.gatewayId());
                        if (s != null && isUnreachable(e)) {
                            result.put(t.gatewayId(), Refreshed.of(codec.read(s.payload(), type), true, s.fetchedAt()));
                        } else {
                            result.put(t.gatewayId(), Refreshed.failed(e));
                        }
                    } else {
                        @SuppressWarnings("unchecked")
                        T value = (T) outcome;
                        OffsetDateTime fetchedAt = now();
                        result.put(t.gatewayId(), Refreshed.of(value, false, fetchedAt));
                        toSave.add(new Snapshot(t.gatewayId(), kind, codec.write(value), fetchedAt));
                    }
                }
                return snapshots.save(toSave).invoke(() -> live.refreshed(known, toSave)).replaceWith(result);
            });
        });
    }

    /** Stores what a provider just said (list pages, mutation results, webhooks). */
    public Uni<Void> store(String kind, Map<String, ?> valuesByGatewayId) {
        OffsetDateTime fetchedAt = now();
        List<Snapshot> toSave = new ArrayList<>();
        valuesByGatewayId.forEach((id, value) -> toSave.add(new Snapshot(id, kind, codec.write(value), fetchedAt)));
        return snapshots.save(toSave);
    }

    private record Key(Provider provider, String providerId) {
    }

    /** One provider call per distinct object, at most {@code fetch-concurrency} at a time. */
    private <T> Uni<Map<Key, Object>> fetchAll(List<Target> targets, BiFunction<Provider, String, Uni<T>> fetch) {
        List<Key> distinct = targets.stream().map(t -> new Key(t.provider(), t.providerId())).distinct().toList();
        Map<Key, Object> outcomes = new HashMap<>();
        return Multi.createFrom().iterable(distinct)
                .onItem().transformToUni(key -> fetch.apply(key.provider(), key.providerId())
                        .<Object>map(v -> v)
                        .onFailure().recoverWithItem(ObjectRefresher::asGatewayException)
                        .map(outcome -> Map.entry(key, outcome)))
                .merge(config.cache().fetchConcurrency())
                .collect().asList()
                .map(entries -> {
                    entries.forEach(e -> outcomes.put(e.getKey(), e.getValue()));
                    return outcomes;
                });
    }

    static boolean isUnreachable(GatewayException e) {
        return e.code() == ErrorCode.PROVIDER_UNAVAILABLE || e.code() == ErrorCode.OUTCOME_UNKNOWN;
    }

    static GatewayException asGatewayException(Throwable t) {
        if (t instanceof GatewayException g) {
            return g;
        }
        LOG.error("Unexpected failure while reading from a provider", t);
        return GatewayException.of(ErrorCode.INTERNAL, "internal error").cause(t).build();
    }

    static OffsetDateTime now() {
        // PostgreSQL keeps microseconds: a snapshot read back must equal what was first returned
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }
}
