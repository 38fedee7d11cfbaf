package dev.billinggateway.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.billinggateway.connector.ConnectorRegistry;
import dev.billinggateway.connector.FetchCustomer;
import dev.billinggateway.connector.ListCustomers;
import dev.billinggateway.connector.PageRequest;
import dev.billinggateway.connector.ProviderPage;
import dev.billinggateway.connector.ToggleCustomerStatus;
import dev.billinggateway.domain.Customer;
import dev.billinggateway.domain.ErrorCode;
import dev.billinggateway.domain.GatewayException;
import dev.billinggateway.domain.Provider;
import dev.billinggateway.persistence.CustomerLink;
import dev.billinggateway.persistence.LinkStore;
import dev.billinggateway.service.ObjectRefresher.Target;
import io.smallrye.mutiny.Uni;

/** Customers across providers: reads through the snapshot cache, lists, links, status changes. */
@ApplicationScoped
public class CustomerService {

    static final String KIND = "CUSTOMER";

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
    LocalSnapshots local;

    public Uni<CustomerView> get(String id) {
        return byIds(List.of(id), true).map(found -> {
            Refreshed<CustomerView> r = found.get(id);
            if (r == null) {
                throw GatewayException.notFound("no customer with id " + id);
            }
            return r.orThrow();
        });
    }

    /** Nodes for gateway IDs (unknown IDs are absent from the result), one provider read per distinct customer. */
    public Uni<Map<String, Refreshed<CustomerView>>> byIds(List<String> ids, boolean allowFresh) {
        return local.readThrough(ids, allowFresh, CustomerView.class, CustomerView::fetchedAt, missing -> links.customersWithSnapshots(missing)
                .chain(found -> resolve(new ArrayList<>(found.links().values()), allowFresh, found.snapshots())))
                .onFailure(LocalSnapshots::isStorageOutage).recoverWithItem(outage -> local.duringOutage(ids, CustomerView.class,
                        CustomerView::fetchedAt, n -> CustomerView.of(n.id(), n.data(), true, n.fetchedAt()), outage));
    }

    Uni<Map<String, Refreshed<CustomerView>>> resolve(List<CustomerLink> found, boolean allowFresh) {
        return resolve(found, allowFresh, null);
    }

    private Uni<Map<String, Refreshed<CustomerView>>> resolve(List<CustomerLink> found, boolean allowFresh,
            Map<String, dev.billinggateway.persistence.SnapshotStore.Snapshot> snapshots) {
        List<Target> targets = found.stream()
                .map(l -> new Target(l.id, Provider.valueOf(l.provider), l.providerCustomerId)).toList();
        var resolved = snapshots == null ? refresher.resolve(KIND, Customer.class, targets, this::fetch, allowFresh)
                : refresher.resolve(KIND, Customer.class, targets, this::fetch, allowFresh, snapshots);
        return resolved.map(byId -> {
            Map<String, Refreshed<CustomerView>> nodes = new LinkedHashMap<>();
            byId.forEach((id, r) -> nodes.put(id, r.error() != null ? Refreshed.failed(r.error())
                    : Refreshed.of(CustomerView.of(id, r.value(), r.stale(), r.fetchedAt()), r.stale(), r.fetchedAt())));
            return nodes;
        });
    }

    private Uni<Customer> fetch(Provider provider, String providerCustomerId) {
        return registry.require(provider, FetchCustomer.class, "reading a customer", null).fetchCustomer(providerCustomerId);
    }

    public Uni<FanOut.Page<CustomerView>> list(Provider provider, String email, int first, String after) {
        if (email != null && email.length() > InputRules.MAX_TEXT) {
            return Uni.createFrom().failure(InputRules.tooLong("filter.email"));
        }
        List<Provider> providers = provider != null ? List.of(provider) : registry.enabledProviders();
        if (provider != null && !registry.enabled(provider)) {
            return Uni.createFrom().failure(GatewayException.of(ErrorCode.PROVIDER_UNAVAILABLE, provider + " is not enabled on this gateway")
                    .provider(provider).retryable(false).build());
        }
        return fanOut.list(providers, first, after, (p, page) -> listPage(p, email, page));
    }

    private Uni<ProviderPage<CustomerView>> listPage(Provider provider, String email, PageRequest page) {
        var lister = registry.find(provider, ListCustomers.class);
        if (lister.isPresent()) {
            // within the read deadline; a late page is still linked and stored (without a list endpoint, each
            // object read below is bounded by the deadline instead, and served stale when late)
            return deadline.within(provider, lister.get().listCustomers(email, page)
                    .chain(p -> nodesFor(provider, p.items()).map(nodes -> new ProviderPage<>(nodes, p.nextCursor()))));
        }
        // no list endpoint: the customers this gateway created or linked, refreshed from the provider
        int offset = page.cursor() == null ? 0 : Integer.parseInt(page.cursor());
        return links.knownCustomers(provider, registry.account(provider), offset, page.limit())
                .chain(known -> resolve(new ArrayList<>(known.links().values()), true, known.snapshots()).map(byId -> {
                    Refreshed.requireAvailable(byId.values());
                    List<CustomerView> nodes = new ArrayList<>();
                    for (CustomerLink l : known.links().values()) {
                        Refreshed<CustomerView> r = byId.get(l.id);
                        if (r != null && r.error() == null && (email == null || email.equalsIgnoreCase(r.value().email()))) {
                            nodes.add(r.value());
                        }
                    }
                    int read = known.links().size();
                    return new ProviderPage<>(nodes, read < page.limit() ? null : String.valueOf(offset + read));
                }));
    }

    /** Links what a provider just returned and stores it as the fresh snapshot. */
    Uni<List<CustomerView>> nodesFor(Provider provider, List<Customer> customers) {
        if (customers.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return links.linkCustomers(provider, registry.account(provider), customers.stream().map(Customer::providerCustomerId).toList())
                .chain(ids -> {
                    Map<String, Customer> byGatewayId = new LinkedHashMap<>();
                    customers.forEach(c -> byGatewayId.put(ids.get(c.providerCustomerId()), c));
                    return refresher.store(KIND, byGatewayId).map(v -> {
                        var fetchedAt = ObjectRefresher.now();
                        return customers.stream().map(c -> {
                            CustomerView node = CustomerView.of(ids.get(c.providerCustomerId()), c, false, fetchedAt);
                            local.put(node.id(), node, fetchedAt, false);
                            return node;
                        }).toList();
                    });
                });
    }

    public Uni<CustomerView> link(String subject, Provider provider, String providerCustomerId) {
        if (providerCustomerId == null || providerCustomerId.isBlank() || providerCustomerId.length() > 200) {
            return Uni.createFrom().failure(GatewayException.validation("providerCustomerId", "1 to 200 characters",
                    "providerCustomerId must be 1 to 200 characters"));
        }
        if (!InputRules.pathSegment(providerCustomerId)) {
            return Uni.createFrom().failure(GatewayException.validation("providerCustomerId", "no path separators or dot segments",
                    "providerCustomerId must not be '.' or '..' nor hold '/', '\\' or '%': it becomes part of the provider's URL path"));
        }
        return runner.run(Mutation.simple("linkCustomer", subject, provider, providerCustomerId, null,
                Map.of("provider", provider, "providerCustomerId", providerCustomerId), CustomerView.class,
                () -> fetch(provider, providerCustomerId).chain(c -> nodesFor(provider, List.of(c))).map(l -> l.get(0)),
                CustomerView::providerCustomerId));
    }

    /** Flips the active flag; with a key it flips at most once, also across an unknown first outcome. */
    public Uni<CustomerView> toggle(String subject, String id, String key) {
        return linkOf(id).chain(link -> {
            Provider provider = Provider.valueOf(link.provider);
            ToggleCustomerStatus toggler = registry.require(provider, ToggleCustomerStatus.class, "toggleCustomerStatus",
                    "use cancelSubscription to stop a subscription");
            return runner.run(new Mutation<>("toggleCustomerStatus", subject, provider, id, key, Map.of("id", id),
                    CustomerView.class,
                    recorder -> fetch(provider, link.providerCustomerId)
                            // what the flag was before: a retry after an unknown outcome compares against it
                            .call(before -> recorder.record(ToggleContext.write(id, before.active())))
                            .chain(before -> toggler.toggleCustomerStatus(link.providerCustomerId))
                            .chain(after -> nodesFor(provider, List.of(after))).map(l -> l.get(0)),
                    context -> fetch(provider, link.providerCustomerId).chain(now -> {
                        Boolean before = ToggleContext.before(context);
                        if (before != null && now.active() != before) {
                            return Uni.createFrom().item(now); // the first attempt did flip it
                        }
                        return toggler.toggleCustomerStatus(link.providerCustomerId);
                    }).chain(after -> nodesFor(provider, List.of(after))).map(l -> l.get(0)),
                    CustomerView::providerCustomerId));
        });
    }

    /** Sets the active flag: reads first and flips only when needed, so it is safe to repeat. */
    public Uni<CustomerView> setStatus(String subject, String id, boolean active, String key) {
        return linkOf(id).chain(link -> {
            Provider provider = Provider.valueOf(link.provider);
            ToggleCustomerStatus toggler = registry.require(provider, ToggleCustomerStatus.class, "setCustomerStatus",
                    "use cancelSubscription to stop a subscription");
            return runner.run(Mutation.simple("setCustomerStatus", subject, provider, id, key, Map.of("id", id, "active", active),
                    CustomerView.class,
                    () -> fetch(provider, link.providerCustomerId)
                            .chain(now -> now.active() == active ? Uni.createFrom().item(now)
                                    : toggler.toggleCustomerStatus(link.providerCustomerId))
                            .chain(after -> nodesFor(provider, List.of(after))).map(l -> l.get(0)),
                    CustomerView::providerCustomerId));
        });
    }

    /** Re-reads customers named by a webhook and stores what the provider says now. */
    public Uni<Void> refreshFromProvider(Provider provider, List<String> providerCustomerIds) {
        if (providerCustomerIds.isEmpty() || registry.find(provider, FetchCustomer.class).isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return io.smallrye.mutiny.Multi.createFrom().iterable(providerCustomerIds)
                .onItem().transformToUniAndConcatenate(pid -> fetch(provider, pid).chain(c -> nodesFor(provider, List.of(c))))
                .collect().last().replaceWithVoid();
    }

    Uni<CustomerLink> linkOf(String id) {
        return links.customersById(List.of(id)).map(found -> {
            CustomerLink link = found.get(id);
            if (link == null) {
                throw GatewayException.notFound("no customer with id " + id);
            }
            return link;
        });
    }
}
