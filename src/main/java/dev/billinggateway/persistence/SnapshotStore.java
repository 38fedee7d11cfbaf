package dev.billinggateway.persistence;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** The last-known provider copies, keyed by gateway ID, written and read in batches. */
@ApplicationScoped
public class SnapshotStore {

    /** SQL: a batched multi-row upsert that leaves unchanged rows alone (no new row version), which Panache cannot express. */
    private static final String UPSERT = """
            INSERT INTO provider_snapshot (gateway_id, kind, payload, fetched_at)
            SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[])
            ON CONFLICT (gateway_id) DO UPDATE
               SET payload = EXCLUDED.payload, fetched_at = EXCLUDED.fetched_at
             WHERE provider_snapshot.fetched_at <= EXCLUDED.fetched_at
               AND (provider_snapshot.payload <> EXCLUDED.payload OR provider_snapshot.fetched_at < $5)
            """;

    @Inject
    Pool pool;

    @Inject
    QueryCounter queries;

    @Inject
    Db db;

    public record Snapshot(String gatewayId, String kind, String payload, OffsetDateTime fetchedAt) {
    }

    /**
     * Writes the snapshots that are newer than the stored ones and either differ from them or replace one stored
     * before {@code rewriteUnchangedBefore} (an unchanged row is otherwise left alone: no new row version).
     */
    public Uni<Void> save(List<Snapshot> snapshots, OffsetDateTime rewriteUnchangedBefore) {
        if (snapshots.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<String> ids = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        List<String> payloads = new ArrayList<>();
        List<OffsetDateTime> times = new ArrayList<>();
        for (Snapshot s : snapshots) {
            ids.add(s.gatewayId());
            kinds.add(s.kind());
            payloads.add(s.payload());
            times.add(s.fetchedAt());
        }
        queries.countWrite();
        return pool.preparedQuery(UPSERT)
                .execute(Tuple.of(ids.toArray(new String[0]), kinds.toArray(new String[0]), payloads.toArray(new String[0]),
                        times.toArray(new OffsetDateTime[0]), rewriteUnchangedBefore))
                .replaceWithVoid();
    }

    public Uni<Map<String, Snapshot>> load(Collection<String> gatewayIds) {
        if (gatewayIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        queries.count();
        return db.read(() -> ProviderSnapshot.<ProviderSnapshot> list("gatewayId in ?1", List.copyOf(gatewayIds)))
                .map(rows -> {
                    Map<String, Snapshot> byId = new HashMap<>();
                    for (ProviderSnapshot row : rows) {
                        byId.put(row.gatewayId, new Snapshot(row.gatewayId, row.kind, row.payload, row.fetchedAt));
                    }
                    return byId;
                });
    }
}
