package dev.billinggateway.provider.monri;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.billinggateway.connector.ProviderModule;
import dev.billinggateway.domain.Provider;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/** Monri as a whole: switched on, where it points, and whether its calls currently fail fast. */
@ApplicationScoped
public class MonriModule implements ProviderModule {

    @Inject
    MonriAccount account;

    @Inject
    CircuitBreakerMaintenance circuits;

    @Inject
    MonriClient client;

    @Override
    public Provider provider() {
        return Provider.MONRI;
    }

    @Override
    public boolean enabled() {
        return account.enabled();
    }

    @Override
    public boolean sandboxed() {
        return account.sandboxed();
    }

    @Override
    public String account() {
        return account.accountName();
    }

    @Override
    public boolean healthy() {
        return client.guards().healthy(circuits);
    }

    @Override
    public java.time.Duration writeTimeout() {
        return account.config().writes().timeout();
    }

    @Override
    public List<String> circuitBreakers() {
        return client.guards().circuits();
    }

}
