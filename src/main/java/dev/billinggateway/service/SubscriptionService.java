package dev.billinggateway.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.billinggateway.config.GatewayConfig;
import dev.billinggateway.connector.CancelSubscription;
import dev.billinggateway.connector.ConnectorRegistry;
import dev.billinggateway.connector.CreateSubscription;
import dev.billinggateway.connector.FetchSubscription;
import dev.billinggateway.connector.ListCustomerSubscriptions;
import dev.billinggateway.connector.ListSubscriptions;
import dev.billinggateway.connector.PageRequest;
import dev.billinggateway.connector.ProviderPage;
import dev.billinggateway.connector.UpdateSubscription;
import dev.billinggateway.domain.CreateSubscriptionInput;
import dev.billinggateway.domain.Customer;
import dev.billinggateway.domain.CustomerField;
import dev.billinggateway.domain.ErrorCode;
import dev.billinggateway.domain.GatewayException;
import dev.billinggateway.domain.Provider;
import dev.billinggateway.domain.Subscription;
import dev.billinggateway.domain.SubscriptionStatus;
import dev.billinggateway.domain.UpdateSubscriptionInput;
import dev.billinggateway.persistence.LinkStore;
import dev.billinggateway.persistence.LinkStore.SubscriptionLinkRow;
import dev.billinggateway.persistence.SubscriptionLink;
import dev.billinggateway.service.ObjectRefresher.Target;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** Subscriptions across providers: reads, lists, create, update, cancel, and the nested fields. */
@ApplicationScoped
public class SubscriptionService {

    private static final Logger LOG = Logger.getLogger(SubscriptionService.class);
    static final String KIND = "SUBSCRIPTION";

    @Inject
    ConnectorRegistry registry;

    @Inject
    LinkStore links;

    @Inject
    ObjectRefresher refresher;

    @Inject
    FanOut fanOut;

    @Inject
    ReadDeadline deadline;

    @Inject
    MutationRunner runner;

    @Inject
    CustomerService customers;

    @Inject
    GatewayConfig config;

    @Inject
    LocalSnapshots local;

    public Uni<SubscriptionView> get(String id) {
        return byIds(List.of(id), true).map(found -> {
            Refreshed<SubscriptionView> r = found.get(id);
            if (r == null) {
                throw GatewayException.notFound("no subscription with id " + id);
            }
            return r.orThrow();
        });
    }

    Uni<Map<String, Refreshed<SubscriptionView>>> byIds(List<String> ids, boolean allowFresh) {
        return local.readThrough(ids, allowFresh, SubscriptionView.class, SubscriptionView::fetchedAt, missing -> links.subscriptionsWithSnapshots(missing)
                .chain(found -> resolve(new ArrayList<>(found.links().values()), allowFresh, found.snapshots())))
                .onFailure(LocalSnapshots::isStorageOutage).recoverWithItem(outage -> local.duringOutage(ids, SubscriptionView.class,
                        SubscriptionView::fetchedAt, n -> SubscriptionView.of(n.id(), n.customerId(), n.data(), true, n.fetchedAt()), outage));
    }

    private Uni<Map<String, Refreshed<SubscriptionView>>> resolve(List<SubscriptionLink> found, boolean allowFresh) {
        return resolve(found, allowFresh, null);
    }

    private Uni<Map<String, Refreshed<SubscriptionView>>> resolve(List<SubscriptionLink> found, boolean allowFresh,
            Map<String, dev.billinggateway.persistence.SnapshotStore.Snapshot> snapshots) {
        Map<String, String> customerOf = new HashMap<>();
        found.forEach(l -> customerOf.put(l.id, l.customerLinkId));
        List<Target> targets = found.stream()
                .map(l -> new Target(l.id, Provider.valueOf(l.provider), l.providerSubscriptionId)).toList();
        var resolved = snapshots == null ? refresher.resolve(KIND, Subscription.class, targets, this::fetch, allowFresh)
                : refresher.resolve(KIND, Subscription.class, targets, this::fetch, allowFresh, snapshots);
        return resolved.map(byId -> {
            Map<String, Refreshed<SubscriptionView>> nodes = new LinkedHashMap<>();
            byId.forEach((id, r) -> nodes.put(id, r.error() != null ? Refreshed.failed(r.error())
                    : Refreshed.of(SubscriptionView.of(id, customerOf.get(id), r.value(), r.stale(), r.fetchedAt()), r.stale(),
                            r.fetchedAt())));
            return nodes;
        });
    }

    private Uni<Subscription> fetch(Provider provider, String providerSubscriptionId) {
        return registry.require(provider, FetchSubscription.class, "reading a subscription", null)
                .fetchSubscription(providerSubscriptionId);
    }

    public Uni<FanOut.Page<SubscriptionView>> list(Provider provider, String customerEmail, SubscriptionStatus status, int first,
            String after) {
        if (customerEmail != null && customerEmail.length() > InputRules.MAX_TEXT) {
            return Uni.createFrom().failure(InputRules.tooLong("filter.customerEmail"));
        }
        if (provider != null && !registry.enabled(provider)) {
            return Uni.createFrom().failure(GatewayException.of(ErrorCode.PROVIDER_UNAVAILABLE, provider + " is not enabled on this gateway")
                    .provider(provider).retryable(false).build());
        }
        List<Provider> providers = provider != null ? List.of(provider) : registry.enabledProviders();
        return fanOut.list(providers, first, after, (p, page) -> listPage(p, customerEmail, status, page));
    }

    private Uni<ProviderPage<SubscriptionView>> listPage(Provider provider, String email, SubscriptionStatus status, PageRequest page) {
        var lister = registry.find(provider, ListSubscriptions.class);
        if (lister.isPresent()) {
            // within the read deadline; a late page is still linked and stored (without a list endpoint, each
            // object read below is bounded by the deadline instead, and served stale when late)
            return deadline.within(provider, lister.get().listSubscriptions(email, status, page)
                    .chain(p -> nodesFor(provider, p.items()).map(nodes -> new ProviderPage<>(nodes, p.nextCursor()))));
        }
        // no list endpoint: the subscriptions this gateway created or linked, refreshed from the provider
        int offset = page.cursor() == null ? 0 : Integer.parseInt(page.cursor());
        return links.knownSubscriptions(provider, registry.account(provider), offset, page.limit())
                .chain(found -> resolve(new ArrayList<>(found.links().values()), true, found.snapshots()).chain(byId -> {
                    Refreshed.requireAvailable(byId.values());
                    List<SubscriptionView> nodes = new ArrayList<>();
                    for (SubscriptionLink l : found.links().values()) {
                        Refreshed<SubscriptionView> r = byId.get(l.id);
                        if (r != null && r.error() == null && (status == null || r.value().status() == status)) {
                            nodes.add(r.value());
                        }
                    }
                    int read = found.links().size();
                    String next = read < page.limit() ? null : String.valueOf(offset + read);
                    if (email == null) {
                        return Uni.createFrom().item(new ProviderPage<>(nodes, next));
                    }
                    return customerEmails(nodes).map(emails -> new ProviderPage<>(
                            nodes.stream().filter(n -> email.equalsIgnoreCase(emails.get(n.customerId()))).toList(), next));
                }));
    }

    private Uni<Map<String, String>> customerEmails(List<SubscriptionView> nodes) {
        List<String> ids = nodes.stream().map(SubscriptionView::customerId).filter(Objects::nonNull).distinct().toList();
        return customers.byIds(ids, true).map(byId -> {
            Map<String, String> emails = new HashMap<>();
            byId.forEach((id, r) -> {
                if (r.error() == null && r.value().email() != null) {
                    emails.put(id, r.value().email());
                }
            });
            return emails;
        });
    }

    /** Links what a provider just returned (and the customers it names) and stores it as the fresh snapshot. */
    Uni<List<SubscriptionView>> nodesFor(Provider provider, List<Subscription> subscriptions) {
        if (subscriptions.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        String account = registry.account(provider);
        List<String> customerIds = subscriptions.stream().map(Subscription::providerCustomerId).filter(Objects::nonNull).toList();
        return links.linkCustomers(provider, account, customerIds).chain(customerLinks -> {
            List<String> subIds = new ArrayList<>();
            List<String> custIds = new ArrayList<>();
            for (Subscription s : subscriptions) {
                subIds.add(s.providerSubscriptionId());
                custIds.add(s.providerCustomerId() == null ? null : customerLinks.get(s.providerCustomerId()));
            }
            return links.linkSubscriptions(provider, account, subIds, custIds);
        }).chain(subLinks -> {
            Map<String, Subscription> byGatewayId = new LinkedHashMap<>();
            subscriptions.forEach(s -> byGatewayId.put(subLinks.get(s.providerSubscriptionId()).id(), s));
            var fetchedAt = ObjectRefresher.now();
            return refresher.store(KIND, byGatewayId).map(v -> subscriptions.stream().map(s -> {
                SubscriptionLinkRow link = subLinks.get(s.providerSubscriptionId());
                SubscriptionView node = SubscriptionView.of(link.id(), link.customerLinkId(), s, false, fetchedAt);
                local.put(node.id(), node, fetchedAt, false);
                return node;
            }).toList());
        });
    }

    // ---- nested fields, batched per request

    /**
     * {@code Subscription.customer} for a batch. A subscription whose provider carries the {@code needed} customer
     * fields in the subscription itself gets its customer from there, at no cost; for the others one link lookup
     * and one provider read per distinct customer.
     *
     * @param needed the customer fields the query selects that only the provider knows; null: all of them
     */
    public Uni<List<CustomerView>> customersOf(List<SubscriptionView> subscriptions, Set<CustomerField> needed) {
        Map<String, CustomerView> carried = new HashMap<>();
        Set<String> toRead = new LinkedHashSet<>();
        for (SubscriptionView s : subscriptions) {
            if (s.customerId() == null) {
                continue;
            }
            CustomerView fromSubscription = customerCarriedBy(s, needed);
            if (fromSubscription != null) {
                carried.put(s.id(), fromSubscription);
            } else {
                toRead.add(s.customerId());
            }
        }
        Uni<Map<String, Refreshed<CustomerView>>> read = toRead.isEmpty() ? Uni.createFrom().item(Map.of())
                : customers.byIds(List.copyOf(toRead), true);
        return read.map(byId -> subscriptions.stream().map(s -> {
            CustomerView fromSubscription = carried.get(s.id());
            if (fromSubscription != null) {
                return fromSubscription;
            }
            Refreshed<CustomerView> r = s.customerId() == null ? null : byId.get(s.customerId());
            if (r != null && r.error() != null) {
                LOG.debugf("customer %s of subscription %s unavailable: %s", s.customerId(), s.id(), r.error().code());
            }
            return r == null || r.error() != null ? null : r.value();
        }).toList());
    }

    /**
     * The customer as the subscription carries it, with the subscription's freshness (it was read with it), when
     * that holds every needed field; else null. Fields not carried stay unset: the query did not select them.
     *
     * @param needed as for {@link #customersOf}; null: all of them, which no subscription carries
     */
    public CustomerView customerCarriedBy(SubscriptionView s, Set<CustomerField> needed) {
        if (needed == null || s.customerId() == null) {
            return null;
        }
        Customer customer = s.data().customer();
        if (!needed.isEmpty()) {
            Set<CustomerField> carries = registry.find(s.provider(), FetchSubscription.class)
                    .map(FetchSubscription::carriedCustomerFields).orElse(Set.of());
            if (customer == null || !carries.containsAll(needed)) {
                return null;
            }
        } else if (customer == null) {
            if (s.data().providerCustomerId() == null) {
                return null;
            }
            customer = new Customer(s.provider(), s.data().providerCustomerId(), null, null, null, false, null, null, null);
        }
        return CustomerView.of(s.customerId(), customer, s.stale(), s.fetchedAt());
    }

    /** {@code Customer.subscriptions} for a batch of customers. */
    public Uni<List<List<SubscriptionView>>> subscriptionsOf(List<CustomerView> owners) {
        Map<String, List<SubscriptionView>> result = new HashMap<>();
        List<CustomerView> viaProvider = new ArrayList<>();
        List<CustomerView> viaLinks = new ArrayList<>();
        for (CustomerView c : owners) {
            (registry.find(c.provider(), ListCustomerSubscriptions.class).isPresent() ? viaProvider : viaLinks).add(c);
        }
        Uni<Void> fromProviders = Multi.createFrom().iterable(new LinkedHashSet<>(viaProvider))
                .onItem().transformToUni(c -> deadline.within(c.provider(), registry.find(c.provider(), ListCustomerSubscriptions.class).get()
                        .subscriptionsOf(c.providerCustomerId())
                        .chain(subs -> nodesFor(c.provider(), subs)))
                        .invoke(nodes -> result.put(c.id(), nodes))
                        .onFailure().invoke(e -> LOG.debugf("subscriptions of %s unavailable: %s", c.id(), e.getMessage()))
                        .onFailure().recoverWithNull())
                .merge(config.cache().fetchConcurrency())
                .collect().last().replaceWithVoid();
        Uni<Void> fromLinks = links.subscriptionsOfCustomers(viaLinks.stream().map(CustomerView::id).toList())
                .chain(byCustomer -> resolve(byCustomer.values().stream().flatMap(List::stream).toList(), true)
                        .invoke(byId -> byCustomer.forEach((customerId, subs) -> result.put(customerId, subs.stream()
                                .map(l -> byId.get(l.id)).filter(r -> r != null && r.error() == null)
                                .map(Refreshed::value).toList()))))
                .replaceWithVoid();
        return Uni.join().all(fromProviders, fromLinks).andFailFast()
                .map(v -> owners.stream().map(c -> result.getOrDefault(c.id(), List.of())).toList());
    }

    // ---- mutations

    public Uni<SubscriptionView> create(String subject, CreateSubscriptionInput input, String key) {
        InputRules.create(input);
        CreateSubscription creator = registry.require(input.provider, CreateSubscription.class, "createSubscription", null);
        creator.validateCreate(input);
        return runner.run(new Mutation<>("createSubscription", subject, input.provider, null, key, input, SubscriptionView.class,
                recorder -> creator.createSubscription(input).chain(s -> nodesFor(input.provider, List.of(s))).map(l -> l.get(0)),
                // a create whose outcome is unknown cannot be told apart from one never made without a
                // provider-side reference: report it again rather than risk a second subscription
                context -> Uni.createFrom().failure(GatewayException.outcomeUnknown(input.provider,
                        "the first createSubscription with this idempotencyKey has an unknown outcome; check the provider before"
                                + " creating again", null)),
                SubscriptionView::providerSubscriptionId));
    }

    public Uni<SubscriptionView> update(String subject, String id, UpdateSubscriptionInput input, String key) {
        return linkOf(id).chain(link -> {
            Provider provider = Provider.valueOf(link.provider);
            UpdateSubscription updater = registry.require(provider, UpdateSubscription.class, "updateSubscription", null);
            InputRules.update(input, provider, updater.updatableFields());
            return runner.run(Mutation.simple("updateSubscription", subject, provider, id, key, input, SubscriptionView.class,
                    // read first: the provider's rules depend on the current state (status, unchanged dates)
                    () -> fetch(provider, link.providerSubscriptionId)
                            .invoke(current -> updater.validateUpdate(current, input))
                            .chain(current -> updater.updateSubscription(current, input))
                            .chain(s -> nodesFor(provider, List.of(s))).map(l -> l.get(0)),
                    SubscriptionView::providerSubscriptionId));
        });
    }

    public Uni<SubscriptionView> cancel(String subject, String id, String key) {
        return linkOf(id).chain(link -> {
            Provider provider = Provider.valueOf(link.provider);
            CancelSubscription canceller = registry.require(provider, CancelSubscription.class, "cancelSubscription", null);
            return runner.run(Mutation.simple("cancelSubscription", subject, provider, id, key, Map.of("id", id), SubscriptionView.class,
                    () -> fetch(provider, link.providerSubscriptionId)
                            .chain(canceller::cancelSubscription)
                            .chain(s -> nodesFor(provider, List.of(s))).map(l -> l.get(0)),
                    SubscriptionView::providerSubscriptionId));
        });
    }

    private Uni<SubscriptionLink> linkOf(String id) {
        return links.subscriptionsById(List.of(id)).map(found -> {
            SubscriptionLink link = found.get(id);
            if (link == null) {
                throw GatewayException.notFound("no subscription with id " + id);
            }
            return link;
        });
    }

    /** Re-reads provider objects named by a webhook and stores what the provider says now. */
    public Uni<Void> refreshFromProvider(Provider provider, List<String> subscriptionIds, List<String> customerIds) {
        Uni<Void> subs = Multi.createFrom().iterable(subscriptionIds)
                .onItem().transformToUni(pid -> fetch(provider, pid).chain(s -> nodesFor(provider, List.of(s))))
                .merge(config.cache().fetchConcurrency()).collect().last().replaceWithVoid();
        Uni<Void> custs = customers.refreshFromProvider(provider, customerIds);
        return subs.chain(() -> custs);
    }
}
