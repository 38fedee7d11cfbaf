package dev.billinggateway.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.billinggateway.connector.ConnectorRegistry;
import dev.billinggateway.connector.ProviderModule;
import dev.billinggateway.connector.VerifiedWebhook.Kind;
import dev.billinggateway.connector.VerifiedWebhook.ObjectRef;
import dev.billinggateway.service.SubscriptionService;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/** Links each sandbox's demo objects at start, as if an operator had run linkCustomer for them. */
@ApplicationScoped
@IfBuildProfile(anyOf = { "dev", "test" }) // not in the production build
public class SandboxDemoLinks {

    private static final Logger LOG = Logger.getLogger(SandboxDemoLinks.class);

    static final Duration LINK_WAIT = Duration.ofSeconds(30);

    @Inject
    SandboxServer server;

    @Inject
    Instance<ProviderSandbox> sandboxes;

    @Inject
    SubscriptionService subscriptions;

    @Inject
    ConnectorRegistry registry;

    /**
     * Waits (bounded) for the links, so that the first query after start, from GraphiQL or a test, already sees
     * every demo object. The start-up thread is not an event loop, so the sandboxes can answer meanwhile.
     */
    void onStart(@Observes StartupEvent event) {
        if (!server.enabled()) {
            return;
        }
        List<Uni<Void>> linking = new ArrayList<>();
        for (ProviderSandbox sandbox : sandboxes) {
            List<ObjectRef> refs = sandbox.demoObjectsToLink();
            boolean sandboxed = registry.module(sandbox.provider()).map(ProviderModule::sandboxed).orElse(false);
            if (refs.isEmpty() || !sandboxed || server.baseUrl(sandbox.provider()).isEmpty()) {
                continue;
            }
            List<String> subs = refs.stream().filter(r -> r.kind() == Kind.SUBSCRIPTION).map(ObjectRef::providerId).toList();
            List<String> custs = refs.stream().filter(r -> r.kind() == Kind.CUSTOMER).map(ObjectRef::providerId).toList();
            linking.add(Uni.createFrom().voidItem().emitOn(Infrastructure.getDefaultExecutor())
                    .chain(() -> subscriptions.refreshFromProvider(sandbox.provider(), subs, custs))
                    .invoke(() -> LOG.infof("Linked %d %s sandbox demo objects", refs.size(), sandbox.provider()))
                    .onFailure().recoverWithItem(e -> {
                        LOG.warnf("Could not link the %s sandbox demo objects: %s", sandbox.provider(), e.getMessage());
                        return null;
                    })
                    .replaceWithVoid());
        }
        if (linking.isEmpty()) {
            return;
        }
        try {
            Uni.join().all(linking).andCollectFailures().await().atMost(LINK_WAIT);
        } catch (RuntimeException e) {
            LOG.warnf("Sandbox demo objects not all linked within %s; they appear once linked", LINK_WAIT);
        }
    }
}
