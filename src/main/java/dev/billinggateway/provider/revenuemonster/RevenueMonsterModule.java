package dev.billinggateway.provider.revenuemonster;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.billinggateway.connector.ProviderModule;
import dev.billinggateway.domain.Provider;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/** Revenue Monster's switch, target and health. */
@ApplicationScoped
public class RevenueMonsterModule implements ProviderModule {

    @Inject
    RevenueMonsterSettings settings;

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    @Inject
    RevenueMonsterClient client;

    @Override
    public Provider provider() {
        return Provider.REVENUE_MONSTER;
    }

    @Override
    public boolean enabled() {
        return settings.enabled();
    }

    @Override
    public boolean sandboxed() {
        return settings.sandboxed();
    }

    @Override
    public String account() {
        return settings.account();
    }

    /** Unhealthy while the reads' or writes' circuit is open (calls fail fast). */
    @Override
    public boolean healthy() {
        return client.guards().healthy(circuitBreakers);
    }

    @Override
    public java.time.Duration writeTimeout() {
        return settings.config().writes().timeout();
    }

    @Override
    public List<String> circuitBreakers() {
        return client.guards().circuits();
    }
}
