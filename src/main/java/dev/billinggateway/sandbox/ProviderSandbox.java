package dev.billinggateway.sandbox;

import java.util.List;

import dev.billinggateway.connector.VerifiedWebhook;
import dev.billinggateway.domain.Provider;
import io.vertx.ext.web.Router;

/**
 * A provider's simulator: its documented API (paths, auth and signature checks, validation, error
 * envelope) over in-memory demo data. Each provider package contributes one as a CDI bean; the
 * {@link SandboxServer} serves each on a port of its own, so paths are exactly the provider's.
 */
public interface ProviderSandbox {

    Provider provider();

    /**
     * Adds the provider's routes to a router whose root is the provider's base URL.
     *
     * @param baseUrl the URL this sandbox is reachable at (for links it returns, e.g. a checkout page)
     */
    void install(Router router, String baseUrl);

    /**
     * Demo objects the gateway links at start, for providers that cannot list them (Revenue Monster has no
     * customer list, Monri no list of customer subscriptions), so GraphiQL shows them from the first query.
     */
    default List<VerifiedWebhook.ObjectRef> demoObjectsToLink() {
        return List.of();
    }
}
