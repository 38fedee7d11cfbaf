package dev.billinggateway.persistence;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.billinggateway.domain.Provider;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** The subscriptions the gateway knows for a provider account, for providers that cannot list them. */
@ApplicationScoped
public class KnownObjects {

    @Inject
    Pool pool;

    @Inject
    QueryCounter queries;

    public Uni<List<SubscriptionLink>> subscriptions(Provider provider, String account, int offset, int limit) {
        queries.count();
        return pool.preparedQuery("SELECT id, provider, provider_account, provider_subscription_id, customer_link_id"
                + " FROM subscription_link WHERE provider = $1 AND provider_account = $2 ORDER BY created_at, id OFFSET $3 LIMIT $4")
                .execute(Tuple.of(provider.name(), account, offset, limit))
                .map(rows -> {
                    List<SubscriptionLink> links = new ArrayList<>();
                    for (Row row : rows) {
                        SubscriptionLink link = new SubscriptionLink();
                        link.id = row.getString("id");
                        link.provider = row.getString("provider");
                        link.providerAccount = row.getString("provider_account");
                        link.providerSubscriptionId = row.getString("provider_subscription_id");
                        link.customerLinkId = row.getString("customer_link_id");
                        links.add(link);
                    }
                    return links;
                });
    }
}
