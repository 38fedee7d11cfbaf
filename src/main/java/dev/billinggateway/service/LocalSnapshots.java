package dev.billinggateway.service;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.billinggateway.config.GatewayConfig;
import dev.billinggateway.domain.ErrorCode;
import dev.billinggateway.domain.GatewayException;
import dev.billinggateway.persistence.StorageOutage;
import io.smallrye.mutiny.Uni;

/**
 * This instance's copy of fresh nodes, so that a read inside {@code gateway.cache.fresh-for} costs no database
 * statement. Only fresh entries are served (older ones only while PostgreSQL is down, as stale); the PostgreSQL
 * snapshot stays the shared copy (stale fallback,
 * other instances). Another instance's write shows here once the entry ages out, at most {@code fresh-for}
 * later — the same bound the snapshot cache already gives against the provider.
 */
@ApplicationScoped
public class LocalSnapshots {

    /** Bounded by size (Caffeine evicts the entries least worth keeping) and by age. */
    static final int MAX_ENTRIES = 50_000;

    /**
     * How long an entry is kept after its read: far past fresh-for, because during a database outage it is the only
     * copy left to serve (stale); fresh() still compares fetchedAt with fresh-for.
     */
    static final Duration KEPT_FOR = Duration.ofHours(1);

    record Entry(Object node, OffsetDateTime fetchedAt) {
    }

    private Cache<String, Entry> entries;

    @Inject
    GatewayConfig config;

    @PostConstruct
    void init() {
        Duration freshFor = config.cache().freshFor();
        entries = Caffeine.newBuilder().maximumSize(MAX_ENTRIES)
                .expireAfterWrite(freshFor.compareTo(KEPT_FOR) > 0 ? freshFor : KEPT_FOR)
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

    /** Whether a read failed because PostgreSQL cannot be reached (raw, or already named STORAGE_UNAVAILABLE). */
    static boolean isStorageOutage(Throwable t) {
        return t instanceof GatewayException g ? g.code() == ErrorCode.STORAGE_UNAVAILABLE : StorageOutage.isStorageUnreachable(t);
    }

    /**
     * While PostgreSQL cannot be reached: what this instance last read of each ID, at any age, as it was ({@code stale}
     * once older than {@code fresh-for}); IDs it never read (or a gateway without the copy, fresh-for 0s) fail as
     * STORAGE_UNAVAILABLE. Entries must therefore outlive fresh-for: they go only when the map is full.
     */
    <T> Map<String, Refreshed<T>> duringOutage(List<String> ids, Class<T> type, Function<T, OffsetDateTime> fetchedAtOf,
            UnaryOperator<T> asStale, Throwable outage) {
        Map<String, Refreshed<T>> result = new LinkedHashMap<>();
        for (String id : ids) {
            Entry e = enabled() ? entries.getIfPresent(id) : null;
            if (e == null || !type.isInstance(e.node())) {
                result.put(id, Refreshed.failed(outage instanceof GatewayException g ? g : StorageOutage.unavailable(outage)));
                continue;
            }
            T node = type.cast(e.node());
            OffsetDateTime fetchedAt = fetchedAtOf.apply(node);
            boolean stale = !fetchedAt.plus(config.cache().freshFor()).isAfter(ObjectRefresher.now());
            result.put(id, Refreshed.of(stale ? asStale.apply(node) : node, stale, fetchedAt));
        }
        return result;
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
