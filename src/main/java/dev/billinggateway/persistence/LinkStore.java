package dev.billinggateway.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.billinggateway.domain.Provider;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Gateway IDs for provider objects. Linking is one statement per batch (insert what is new, read what
 * exists), safe when several gateway instances link the same object at once.
 */
@ApplicationScoped
public class LinkStore {

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
            SELECT id, provider_customer_id FROM customer_link
             WHERE provider = $1 AND provider_account = $2 AND provider_customer_id = ANY($3::text[])
            """;

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

    /** @return provider customer ID → gateway customer ID */
    public Uni<Map<String, String>> linkCustomers(Provider provider, String account, Collection<String> providerCustomerIds) {
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(providerCustomerIds));
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        queries.countWrite();
        return pool.preparedQuery(LINK_CUSTOMERS)
                .execute(Tuple.of(provider.name(), account, ids.toArray(new String[0])))
                .map(rows -> {
                    Map<String, String> byProviderId = new HashMap<>();
                    for (Row row : rows) {
                        byProviderId.put(row.getString("provider_customer_id"), row.getString("id"));
                    }
                    return byProviderId;
                });
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

    public Uni<Found<CustomerLink>> customersWithSnapshots(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(new Found<>(Map.of(), Map.of()));
        }
        queries.count();
        return pool.preparedQuery("SELECT l.id, l.provider, l.provider_account, l.provider_customer_id, s.kind, s.payload, s.fetched_at"
                + " FROM customer_link l LEFT JOIN provider_snapshot s ON s.gateway_id = l.id WHERE l.id = ANY($1::text[])")
                .execute(Tuple.of(ids.toArray(new String[0])))
                .map(rows -> found(rows, LinkStore::toCustomerLink, link -> link.id));
    }

    public Uni<Found<SubscriptionLink>> subscriptionsWithSnapshots(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(new Found<>(Map.of(), Map.of()));
        }
        queries.count();
        return pool.preparedQuery("SELECT l.id, l.provider, l.provider_account, l.provider_subscription_id, l.customer_link_id,"
                + " s.kind, s.payload, s.fetched_at"
                + " FROM subscription_link l LEFT JOIN provider_snapshot s ON s.gateway_id = l.id WHERE l.id = ANY($1::text[])")
                .execute(Tuple.of(ids.toArray(new String[0])))
                .map(rows -> found(rows, LinkStore::toSubscriptionLink, link -> link.id));
    }

    /** The links in row order, and the snapshots joined to them. */
    private static <L> Found<L> found(RowSet<Row> rows, Function<Row, L> toLink, Function<L, String> idOf) {
        Map<String, L> links = new LinkedHashMap<>();
        Map<String, SnapshotStore.Snapshot> snapshots = new HashMap<>();
        for (Row row : rows) {
            L link = toLink.apply(row);
            links.put(idOf.apply(link), link);
            snapshot(row, idOf.apply(link), snapshots);
        }
        return new Found<>(links, snapshots);
    }

    private static void snapshot(Row row, String id, Map<String, SnapshotStore.Snapshot> into) {
        String payload = row.getString("payload");
        if (payload != null) {
            into.put(id, new SnapshotStore.Snapshot(id, row.getString("kind"), payload, row.getOffsetDateTime("fetched_at")));
        }
    }

    public Uni<Map<String, CustomerLink>> customersById(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        queries.count();
        return pool.preparedQuery("SELECT id, provider, provider_account, provider_customer_id FROM customer_link WHERE id = ANY($1::text[])")
                .execute(Tuple.of(ids.toArray(new String[0])))
                .map(rows -> {
                    Map<String, CustomerLink> byId = new HashMap<>();
                    for (Row row : rows) {
                        CustomerLink link = toCustomerLink(row);
                        byId.put(link.id, link);
                    }
                    return byId;
                });
    }

    public Uni<Map<String, SubscriptionLink>> subscriptionsById(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        queries.count();
        return pool.preparedQuery("SELECT id, provider, provider_account, provider_subscription_id, customer_link_id"
                + " FROM subscription_link WHERE id = ANY($1::text[])")
                .execute(Tuple.of(ids.toArray(new String[0])))
                .map(rows -> {
                    Map<String, SubscriptionLink> byId = new HashMap<>();
                    for (Row row : rows) {
                        SubscriptionLink link = toSubscriptionLink(row);
                        byId.put(link.id, link);
                    }
                    return byId;
                });
    }

    /** Subscriptions linked to each of these customers, oldest link first. */
    public Uni<Map<String, List<SubscriptionLink>>> subscriptionsOfCustomers(Collection<String> customerIds) {
        if (customerIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        queries.count();
        return pool.preparedQuery("SELECT id, provider, provider_account, provider_subscription_id, customer_link_id"
                + " FROM subscription_link WHERE customer_link_id = ANY($1::text[]) ORDER BY created_at, id")
                .execute(Tuple.of(customerIds.toArray(new String[0])))
                .map(rows -> {
                    Map<String, List<SubscriptionLink>> byCustomer = new HashMap<>();
                    for (Row row : rows) {
                        SubscriptionLink link = toSubscriptionLink(row);
                        byCustomer.computeIfAbsent(link.customerLinkId, k -> new ArrayList<>()).add(link);
                    }
                    return byCustomer;
                });
    }

    /**
     * Customers the gateway knows for a provider account, in link order, with their snapshots (one statement),
     * for providers without a list endpoint.
     */
    public Uni<Found<CustomerLink>> knownCustomers(Provider provider, String account, int offset, int limit) {
        queries.count();
        return pool.preparedQuery("SELECT l.id, l.provider, l.provider_account, l.provider_customer_id, s.kind, s.payload, s.fetched_at"
                + " FROM customer_link l LEFT JOIN provider_snapshot s ON s.gateway_id = l.id"
                + " WHERE l.provider = $1 AND l.provider_account = $2 ORDER BY l.created_at, l.id OFFSET $3 LIMIT $4")
                .execute(Tuple.of(provider.name(), account, offset, limit))
                .map(rows -> found(rows, LinkStore::toCustomerLink, link -> link.id));
    }

    private static CustomerLink toCustomerLink(Row row) {
        CustomerLink link = new CustomerLink();
        link.id = row.getString("id");
        link.provider = row.getString("provider");
        link.providerAccount = row.getString("provider_account");
        link.providerCustomerId = row.getString("provider_customer_id");
        return link;
    }

    /**
     * Subscriptions the gateway knows for a provider account, in link order, with their snapshots (one
     * statement), for providers without a list endpoint.
     */
    public Uni<Found<SubscriptionLink>> knownSubscriptions(Provider provider, String account, int offset, int limit) {
        queries.count();
        return pool.preparedQuery("SELECT l.id, l.provider, l.provider_account, l.provider_subscription_id, l.customer_link_id,"
                + " s.kind, s.payload, s.fetched_at"
                + " FROM subscription_link l LEFT JOIN provider_snapshot s ON s.gateway_id = l.id"
                + " WHERE l.provider = $1 AND l.provider_account = $2 ORDER BY l.created_at, l.id OFFSET $3 LIMIT $4")
                .execute(Tuple.of(provider.name(), account, offset, limit))
                .map(rows -> found(rows, LinkStore::toSubscriptionLink, link -> link.id));
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
