package dev.billinggateway.sandbox;

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
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;

/** Links each sandbox's demo objects at start, as if an operator had run linkCustomer for them. */
@ApplicationScoped
public class SandboxDemoLinks {

    private static final Logger LOG = Logger.getLogger(SandboxDemoLinks.class);

    @Inject
    SandboxServer server;

    @Inject
    Instance<ProviderSandbox> sandboxes;

    @Inject
    SubscriptionService subscriptions;

    @Inject
    ConnectorRegistry registry;

    void onStart(@Observes StartupEvent event) {
        if (!server.enabled()) {
            return;
        }
        for (ProviderSandbox sandbox : sandboxes) {
            List<ObjectRef> refs = sandbox.demoObjectsToLink();
            boolean sandboxed = registry.module(sandbox.provider()).map(ProviderModule::sandboxed).orElse(false);
            if (refs.isEmpty() || !sandboxed || server.baseUrl(sandbox.provider()).isEmpty()) {
                continue;
            }
            List<String> subs = refs.stream().filter(r -> r.kind() == Kind.SUBSCRIPTION).map(ObjectRef::providerId).toList();
            List<String> custs = refs.stream().filter(r -> r.kind() == Kind.CUSTOMER).map(ObjectRef::providerId).toList();
            // off the start-up thread: the sandbox answers on the same event loops
            Uni.createFrom().voidItem().emitOn(io.smallrye.mutiny.infrastructure.Infrastructure.getDefaultExecutor())
                    .chain(() -> subscriptions.refreshFromProvider(sandbox.provider(), subs, custs))
                    .subscribe().with(
                            ok -> LOG.infof("Linked %d %s sandbox demo objects", refs.size(), sandbox.provider()),
                            e -> LOG.warnf("Could not link the %s sandbox demo objects: %s", sandbox.provider(), e.getMessage()));
        }
    }
}
