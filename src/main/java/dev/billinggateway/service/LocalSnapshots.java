package dev.billinggateway.service;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.billinggateway.config.GatewayConfig;
import io.smallrye.mutiny.Uni;

/**
 * This instance's copy of fresh nodes, so that a read inside {@code gateway.cache.fresh-for} costs no database
 * statement. Only fresh entries are served; the PostgreSQL snapshot stays the shared copy (stale fallback,
 * other instances). Another instance's write shows here once the entry ages out, at most {@code fresh-for}
 * later — the same bound the snapshot cache already gives against the provider.
 */
@ApplicationScoped
public class LocalSnapshots {

    /** Bounded by size (Caffeine evicts the entries least worth keeping) and by age: an entry goes once it is not fresh. */
    static final int MAX_ENTRIES = 50_000;

    record Entry(Object node, OffsetDateTime fetchedAt) {
    }

    private Cache<String, Entry> entries;

    @Inject
    GatewayConfig config;

    @PostConstruct
    void init() {
        Duration freshFor = config.cache().freshFor();
        entries = Caffeine.newBuilder().maximumSize(MAX_ENTRIES)
                // fresh() still compares fetchedAt (an entry may be put some time after it was read); this only frees memory
                .expireAfterWrite(freshFor.isZero() ? Duration.ofMillis(1) : freshFor)
                .build();
    }

    boolean enabled() {
        return !config.cache().freshFor().isZero();
    }

    /** The node for this gateway ID when it was read from the provider within {@code fresh-for}. */
    <T> T fresh(String gatewayId, Class<T> type) {
        if (!enabled()) {
            return null;
        }
        Entry e = entries.getIfPresent(gatewayId);
        Duration freshFor = config.cache().freshFor();
        if (e == null || !type.isInstance(e.node()) || !e.fetchedAt().plus(freshFor).isAfter(ObjectRefresher.now())) {
            return null;
        }
        return type.cast(e.node());
    }

    /**
     * Serves the IDs this instance read within {@code fresh-for}, and reads the others with {@code readMissing},
     * remembering what that read got.
     */
    <T> Uni<Map<String, Refreshed<T>>> readThrough(List<String> ids, boolean allowFresh, Class<T> type,
            Function<T, OffsetDateTime> fetchedAtOf, Function<List<String>, Uni<Map<String, Refreshed<T>>>> readMissing) {
        Map<String, Refreshed<T>> result = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String id : ids) {
            T node = allowFresh ? fresh(id, type) : null;
            if (node != null) {
                result.put(id, Refreshed.of(node, false, fetchedAtOf.apply(node)));
            } else {
                missing.add(id);
            }
        }
        if (missing.isEmpty()) {
            return Uni.createFrom().item(result);
        }
        return readMissing.apply(missing).map(read -> {
            read.forEach((id, r) -> {
                if (r.error() == null) {
                    put(id, r.value(), r.fetchedAt(), r.stale());
                }
            });
            result.putAll(read);
            return result;
        });
    }

    void put(String gatewayId, Object node, OffsetDateTime fetchedAt, boolean stale) {
        if (!enabled()) {
            return;
        }
        if (stale) {
            entries.invalidate(gatewayId);
            return;
        }
        entries.put(gatewayId, new Entry(node, fetchedAt));
    }
}
