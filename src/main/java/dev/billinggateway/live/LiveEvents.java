package dev.billinggateway.live;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.billinggateway.api.CustomerNode;
import dev.billinggateway.api.SubscriptionNode;
import dev.billinggateway.domain.Customer;
import dev.billinggateway.domain.GatewayException;
import dev.billinggateway.domain.Provider;
import dev.billinggateway.domain.Subscription;
import dev.billinggateway.persistence.LinkStore;
import dev.billinggateway.persistence.SnapshotStore.Snapshot;
import dev.billinggateway.service.CustomerView;
import dev.billinggateway.service.SnapshotCodec;
import dev.billinggateway.service.SubscriptionView;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.BackPressureFailure;
import io.smallrye.mutiny.subscription.BackPressureStrategy;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Changes to subscriptions and customers, across every instance that shares the database. Whoever changes an
 * object (webhook processing, mutations, the reconciler, a read that refreshed a snapshot) calls one method
 * here after the new snapshot is stored; that sends a PostgreSQL {@code NOTIFY} carrying only the kind, the
 * gateway ID, the cause and the time. Every instance (this one too) {@code LISTEN}s through a
 * {@link PgSubscriber}, which reconnects by itself after the database restarts, and re-reads the object
 * (link and snapshot, no provider call) before handing it to the streams of its own WebSocket clients.
 * Those streams are not ended by a lost database connection: they miss what happened while it was down.
 */
@ApplicationScoped
public class LiveEvents {

    private static final Logger LOG = Logger.getLogger(LiveEvents.class);
    static final String SUBSCRIPTION = "SUBSCRIPTION";
    static final String CUSTOMER = "CUSTOMER";

    /** What travels through NOTIFY: never the object itself (payloads are limited to 8000 bytes and would go stale). */
    record Change(String kind, String id, ChangeCause cause, OffsetDateTime at) {
    }

    @Inject
    Pool pool;

    @Inject
    LinkStore links;

    @Inject
    SnapshotCodec codec;

    @Inject
    ObjectMapper mapper;

    @Inject
    LiveConfig config;

    @Inject
    Vertx vertx;

    @ConfigProperty(name = "quarkus.datasource.reactive.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> username;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    private final Set<Consumer<LiveEvent>> listeners = ConcurrentHashMap.newKeySet();
    private volatile PgSubscriber subscriber;
    private volatile boolean stopping;

    // ---- publishing: one call from each place that changes an object

    /** A mutation's result (a {@code SubscriptionView} or {@code CustomerView}; other results are ignored). */
    public void mutated(Object result) {
        publish(result, ChangeCause.MUTATION);
    }

    /** A mutation whose unknown outcome was settled: its result as now read from the provider. */
    public void reconciled(Object result) {
        publish(result, ChangeCause.RECONCILIATION);
    }

    /** A verified webhook was processed: the provider objects it named were re-read and stored. */
    public void webhookProcessed(Provider provider, List<String> providerSubscriptionIds, List<String> providerCustomerIds) {
        Uni<List<String>> subs = gatewayIds("subscription_link", "provider_subscription_id", provider, providerSubscriptionIds);
        Uni<List<String>> custs = gatewayIds("customer_link", "provider_customer_id", provider, providerCustomerIds);
        Uni.combine().all().unis(subs, custs).asTuple().subscribe().with(ids -> {
            OffsetDateTime at = now();
            ids.getItem1().forEach(id -> notify(new Change(SUBSCRIPTION, id, ChangeCause.WEBHOOK, at)));
            ids.getItem2().forEach(id -> notify(new Change(CUSTOMER, id, ChangeCause.WEBHOOK, at)));
        }, e -> LOG.warnf("No live update for a %s webhook: %s", provider, e.getMessage()));
    }

    /** Snapshots a read stored after asking the provider: those whose content differs from the last-known copy are changes. */
    public void refreshed(Map<String, Snapshot> before, List<Snapshot> after) {
        OffsetDateTime at = now();
        for (Snapshot s : after) {
            Snapshot old = before.get(s.gatewayId());
            if (old != null && !old.payload().equals(s.payload())) {
                notify(new Change(s.kind(), s.gatewayId(), ChangeCause.REFRESH, at));
            }
        }
    }

    private void publish(Object node, ChangeCause cause) {
        if (node instanceof SubscriptionView s) {
            notify(new Change(SUBSCRIPTION, s.id(), cause, now()));
        } else if (node instanceof CustomerView c) {
            notify(new Change(CUSTOMER, c.id(), cause, now()));
        }
    }

    private Uni<List<String>> gatewayIds(String table, String column, Provider provider, List<String> providerIds) {
        if (providerIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return pool.preparedQuery("SELECT id FROM " + table + " WHERE provider = $1 AND " + column + " = ANY($2::text[])")
                .execute(Tuple.of(provider.name(), providerIds.toArray(new String[0])))
                .map(rows -> {
                    List<String> ids = new ArrayList<>();
                    for (Row row : rows) {
                        ids.add(row.getString("id"));
                    }
                    return ids;
                });
    }

    void notify(Change change) {
        String payload;
        try {
            payload = mapper.writeValueAsString(change);
        } catch (Exception e) {
            LOG.warnf("Live update for %s not sent: %s", change.id(), e.getMessage());
            return;
        }
        // fire and forget: whoever changed the object does not wait for, or fail with, the notification
        pool.preparedQuery("SELECT pg_notify($1, $2)").execute(Tuple.of(config.channel(), payload)).subscribe().with(
                rows -> {
                }, e -> LOG.warnf("Live update for %s not sent: %s", change.id(), e.getMessage()));
    }

    // ---- listening

    void start(@Observes StartupEvent event) {
        PgConnectOptions options = PgConnectOptions.fromUri(url.startsWith("vertx-reactive:") ? url.substring("vertx-reactive:".length()) : url);
        username.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        PgSubscriber pg = PgSubscriber.subscriber(vertx, options)
                // after a lost connection (database restart, failover): try again, backing off to one attempt every 5 s, forever
                .reconnectPolicy(retries -> Math.min(5_000L, 100L << Math.min(retries, 6)));
        pg.channel(config.channel())
                .subscribeHandler(v -> {
                    LOG.debugf("Listening on %s", config.channel());
                    // without a handler the client prints the server's "terminating connection" to stderr when the
                    // database stops; the close handler below says what matters
                    pg.actualConnection().exceptionHandler(e -> LOG.debugf("Live updates: LISTEN connection failed: %s", e.getMessage()));
                })
                .handler(this::received);
        pg.closeHandler(v -> {
            if (!stopping) {
                LOG.warn("Live updates: the LISTEN connection to PostgreSQL is gone and could not be re-established yet; retrying");
                connect(pg);
            }
        });
        subscriber = pg;
        connect(pg);
    }

    private void connect(PgSubscriber pg) {
        pg.connect().onFailure(e -> {
            if (!stopping) {
                LOG.warnf("Live updates: cannot LISTEN on PostgreSQL (%s); retrying in 5 s", e.getMessage());
                vertx.setTimer(5_000, t -> connect(pg));
            }
        });
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        if (subscriber != null) {
            subscriber.close();
        }
    }

    /** Whether this instance currently LISTENs (for tests and health). */
    public boolean listening() {
        PgSubscriber pg = subscriber;
        return pg != null && !pg.closed() && pg.actualConnection() != null;
    }

    void received(String payload) {
        if (listeners.isEmpty()) {
            return; // nobody on this instance follows anything: no need to re-read
        }
        Change change;
        try {
            change = mapper.readValue(payload, Change.class);
        } catch (Exception e) {
            LOG.warnf("Ignored an unreadable notification on %s", config.channel());
            return;
        }
        reread(change).subscribe().with(e -> {
            if (e != null) {
                listeners.forEach(l -> l.accept(e));
            }
        }, e -> LOG.warnf("Live update for %s not delivered: %s", change.id(), e.getMessage()));
    }

    /** The object as the database has it now; null when it has no snapshot (nothing to show). */
    Uni<LiveEvent> reread(Change change) {
        if (SUBSCRIPTION.equals(change.kind())) {
            return links.subscriptionsWithSnapshots(List.of(change.id())).map(found -> {
                var link = found.links().get(change.id());
                Snapshot s = found.snapshots().get(change.id());
                return link == null || s == null ? null
                        : new LiveEvent(change.cause(), change.at(),
                                SubscriptionNode.of(SubscriptionView.of(link.id, link.customerLinkId,
                                        codec.read(s.payload(), Subscription.class), false, s.fetchedAt())),
                                null);
            });
        }
        if (CUSTOMER.equals(change.kind())) {
            return links.customersWithSnapshots(List.of(change.id())).map(found -> {
                Snapshot s = found.snapshots().get(change.id());
                return s == null ? null
                        : new LiveEvent(change.cause(), change.at(), null,
                                CustomerNode.of(CustomerView.of(change.id(), codec.read(s.payload(), Customer.class), false, s.fetchedAt())));
            });
        }
        return Uni.createFrom().nullItem();
    }

    // ---- following

    /**
     * The events of this instance that match, from now on. A client that does not keep up gets at most
     * {@code gateway.live.buffered-events} held for it; one more ends its stream with an error.
     */
    public Multi<LiveEvent> follow(Predicate<LiveEvent> filter) {
        int buffered = config.bufferedEvents();
        return Multi.createFrom().<LiveEvent> emitter(emitter -> {
            Consumer<LiveEvent> listener = e -> {
                if (filter.test(e)) {
                    emitter.emit(e);
                }
            };
            listeners.add(listener);
            emitter.onTermination(() -> listeners.remove(listener));
        }, BackPressureStrategy.ERROR)
                .onOverflow().buffer(buffered)
                .onFailure(BackPressureFailure.class)
                .transform(e -> GatewayException.validation(null, "buffered-events",
                        "more than " + buffered + " events waited for this client (gateway.live.buffered-events): the stream is ended"));
    }

    /** Hands an event to this instance's followers (tests feed the streams through it). */
    void deliver(LiveEvent event) {
        listeners.forEach(l -> l.accept(event));
    }

    int followers() {
        return listeners.size();
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
