package dev.billinggateway.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.billinggateway.domain.Provider;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Gateway IDs for provider objects. Linking is one statement per batch (insert what is new, read what
 * exists), safe when several gateway instances link the same object at once: SQL, as Panache has no multi-row
 * insert-if-absent. Links by ID are Panache queries; links with their snapshots are one joined SQL read.
 */
@ApplicationScoped
public class LinkStore {

    /** The existing links of these provider customer IDs. */
    private static final String EXISTING_CUSTOMERS = """
            SELECT id, provider_customer_id FROM customer_link
             WHERE provider = $1 AND provider_account = $2 AND provider_customer_id = ANY($3::text[])
            """;

    /** Inserts missing links and returns all of them; the inserted and the existing rows come from one statement. */
    private static final String LINK_CUSTOMERS = """
            WITH wanted AS (SELECT DISTINCT unnest($3::text[]) AS pid),
            inserted AS (
                INSERT INTO customer_link (id, provider, provider_account, provider_customer_id)
                SELECT 'cus_' || replace(gen_random_uuid()::text, '-', ''), $1, $2, pid FROM wanted
                ON CONFLICT (provider, provider_account, provider_customer_id) DO NOTHING
                RETURNING id, provider_customer_id)
            SELECT id, provider_customer_id FROM inserted
            UNION ALL
            """ + EXISTING_CUSTOMERS;

    /** As above; also records the customer of a subscription once it is known. */
    private static final String LINK_SUBSCRIPTIONS = """
            WITH wanted AS (SELECT * FROM unnest($3::text[], $4::text[]) AS w(pid, customer_link_id))
            INSERT INTO subscription_link (id, provider, provider_account, provider_subscription_id, customer_link_id)
            SELECT 'sub_' || replace(gen_random_uuid()::text, '-', ''), $1, $2, pid, customer_link_id FROM wanted
            ON CONFLICT (provider, provider_account, provider_subscription_id) DO UPDATE
               SET customer_link_id = COALESCE(subscription_link.customer_link_id, EXCLUDED.customer_link_id)
            RETURNING id, provider_subscription_id, customer_link_id
            """;

    @Inject
    Pool pool;

    @Inject
    QueryCounter queries;

    @Inject
    Db db;

    /** @return provider customer ID → gateway customer ID */
    public Uni<Map<String, String>> linkCustomers(Provider provider, String account, Collection<String> providerCustomerIds) {
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(providerCustomerIds));
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        queries.countWrite();
        return pool.preparedQuery(LINK_CUSTOMERS)
                .execute(Tuple.of(provider.name(), account, ids.toArray(new String[0])))
                .chain(rows -> {
                    Map<String, String> byProviderId = customerIds(rows, new HashMap<>());
                    List<String> missing = ids.stream().filter(id -> !byProviderId.containsKey(id)).toList();
                    if (missing.isEmpty()) {
                        return Uni.createFrom().item(byProviderId);
                    }
                    // linked meanwhile by a concurrent statement: its insert made ours do nothing, and our statement's
                    // snapshot predates its commit, so read those links again in a statement of their own
                    queries.count();
                    return pool.preparedQuery(EXISTING_CUSTOMERS)
                            .execute(Tuple.of(provider.name(), account, missing.toArray(new String[0])))
                            .map(again -> customerIds(again, byProviderId));
                });
    }

    private static Map<String, String> customerIds(Iterable<Row> rows, Map<String, String> into) {
        for (Row row : rows) {
            into.put(row.getString("provider_customer_id"), row.getString("id"));
        }
        return into;
    }

    /**
     * @param customerLinkIds gateway customer ID per subscription (same order), null where unknown
     * @return provider subscription ID → link
     */
    public Uni<Map<String, SubscriptionLinkRow>> linkSubscriptions(Provider provider, String account,
            List<String> providerSubscriptionIds, List<String> customerLinkIds) {
        if (providerSubscriptionIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        queries.countWrite();
        return pool.preparedQuery(LINK_SUBSCRIPTIONS)
                .execute(Tuple.of(provider.name(), account, providerSubscriptionIds.toArray(new String[0]),
                        customerLinkIds.toArray(new String[0])))
                .map(rows -> {
                    Map<String, SubscriptionLinkRow> byProviderId = new HashMap<>();
                    for (Row row : rows) {
                        byProviderId.put(row.getString("provider_subscription_id"), new SubscriptionLinkRow(
                                row.getString("id"), row.getString("provider_subscription_id"), row.getString("customer_link_id")));
                    }
                    return byProviderId;
                });
    }

    /** Links and their last snapshots, read in one statement. */
    public record Found<L>(Map<String, L> links, Map<String, SnapshotStore.Snapshot> snapshots) {
    }

    /** One kind of link: its table, the columns read, and how a row becomes the entity. */
    private record LinkTable<L>(String table, String columns, Function<Row, L> toLink, Function<L, String> idOf) {
    }

    private static final LinkTable<CustomerLink> CUSTOMERS = new LinkTable<>("customer_link",
            "l.id, l.provider, l.provider_account, l.provider_customer_id", LinkStore::toCustomerLink, link -> link.id);

    private static final LinkTable<SubscriptionLink> SUBSCRIPTIONS = new LinkTable<>("subscription_link",
            "l.id, l.provider, l.provider_account, l.provider_subscription_id, l.customer_link_id", LinkStore::toSubscriptionLink,
            link -> link.id);

    private static final String BY_IDS = "l.id = ANY($1::text[])";

    /** A provider account's links in link order, a page of them ($3 offset, $4 limit). */
    private static final String KNOWN = "l.provider = $1 AND l.provider_account = $2 ORDER BY l.created_at, l.id OFFSET $3 LIMIT $4";

    public Uni<Found<CustomerLink>> customersWithSnapshots(Collection<String> ids) {
        return ids.isEmpty() ? Uni.createFrom().item(new Found<>(Map.of(), Map.of()))
                : withSnapshots(CUSTOMERS, BY_IDS, Tuple.of(ids.toArray(new String[0])));
    }

    public Uni<Found<SubscriptionLink>> subscriptionsWithSnapshots(Collection<String> ids) {
        return ids.isEmpty() ? Uni.createFrom().item(new Found<>(Map.of(), Map.of()))
                : withSnapshots(SUBSCRIPTIONS, BY_IDS, Tuple.of(ids.toArray(new String[0])));
    }

    /** Customers the gateway knows for a provider account, in link order, with their snapshots, for providers without a list endpoint. */
    public Uni<Found<CustomerLink>> knownCustomers(Provider provider, String account, int offset, int limit) {
        return withSnapshots(CUSTOMERS, KNOWN, Tuple.of(provider.name(), account, offset, limit));
    }

    /** Subscriptions the gateway knows for a provider account, in link order, with their snapshots, for providers without a list endpoint. */
    public Uni<Found<SubscriptionLink>> knownSubscriptions(Provider provider, String account, int offset, int limit) {
        return withSnapshots(SUBSCRIPTIONS, KNOWN, Tuple.of(provider.name(), account, offset, limit));
    }

    /**
     * Links joined to their snapshots, in row order. SQL rather than Panache: a Panache query maps one entity, and a
     * second query for the snapshots would add a statement to every read that misses this instance's fresh copy.
     */
    private <L> Uni<Found<L>> withSnapshots(LinkTable<L> kind, String where, Tuple args) {
        queries.count();
        return pool.preparedQuery("SELECT " + kind.columns() + ", s.kind, s.payload, s.fetched_at FROM " + kind.table()
                + " l LEFT JOIN provider_snapshot s ON s.gateway_id = l.id WHERE " + where)
                .execute(args)
                .map(rows -> {
                    Map<String, L> links = new LinkedHashMap<>();
                    Map<String, SnapshotStore.Snapshot> snapshots = new HashMap<>();
                    for (Row row : rows) {
                        L link = kind.toLink().apply(row);
                        String id = kind.idOf().apply(link);
                        links.put(id, link);
                        String payload = row.getString("payload");
                        if (payload != null) {
                            snapshots.put(id, new SnapshotStore.Snapshot(id, row.getString("kind"), payload, row.getOffsetDateTime("fetched_at")));
                        }
                    }
                    return new Found<>(links, snapshots);
                });
    }

    public Uni<Map<String, CustomerLink>> customersById(Collection<String> ids) {
        return byId(ids, wanted -> CustomerLink.list("id in ?1", wanted), link -> link.id);
    }

    public Uni<Map<String, SubscriptionLink>> subscriptionsById(Collection<String> ids) {
        return byId(ids, wanted -> SubscriptionLink.list("id in ?1", wanted), link -> link.id);
    }

    private <L> Uni<Map<String, L>> byId(Collection<String> ids, Function<List<String>, Uni<List<L>>> panacheQuery,
            Function<L, String> idOf) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        queries.count();
        return db.read(() -> panacheQuery.apply(List.copyOf(ids)))
                .map(found -> found.stream().collect(Collectors.toMap(idOf, link -> link)));
    }

    /** Subscriptions linked to each of these customers, oldest link first. */
    public Uni<Map<String, List<SubscriptionLink>>> subscriptionsOfCustomers(Collection<String> customerIds) {
        if (customerIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        queries.count();
        return db.read(() -> SubscriptionLink.<SubscriptionLink> list("customerLinkId in ?1 order by createdAt, id", List.copyOf(customerIds)))
                .map(found -> found.stream().collect(Collectors.groupingBy(link -> link.customerLinkId)));
    }

    private static CustomerLink toCustomerLink(Row row) {
        CustomerLink link = new CustomerLink();
        link.id = row.getString("id");
        link.provider = row.getString("provider");
        link.providerAccount = row.getString("provider_account");
        link.providerCustomerId = row.getString("provider_customer_id");
        return link;
    }

    private static SubscriptionLink toSubscriptionLink(Row row) {
        SubscriptionLink link = new SubscriptionLink();
        link.id = row.getString("id");
        link.provider = row.getString("provider");
        link.providerAccount = row.getString("provider_account");
        link.providerSubscriptionId = row.getString("provider_subscription_id");
        link.customerLinkId = row.getString("customer_link_id");
        return link;
    }

    public record SubscriptionLinkRow(String id, String providerSubscriptionId, String customerLinkId) {
    }
}
