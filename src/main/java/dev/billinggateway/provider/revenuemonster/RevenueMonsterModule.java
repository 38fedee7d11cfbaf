package dev.billinggateway.provider.revenuemonster;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.billinggateway.connector.ProviderModule;
import dev.billinggateway.domain.Provider;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;

/** Revenue Monster's switch, target and health. */
@ApplicationScoped
public class RevenueMonsterModule implements ProviderModule {

    @Inject
    RevenueMonsterSettings settings;

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

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

    /** Unhealthy while any Revenue Monster circuit breaker is open (calls fail fast). */
    @Override
    public boolean healthy() {
        for (String name : RevenueMonsterClient.CIRCUIT_BREAKERS) {
            if (circuitBreakers.currentState(name) == CircuitBreakerState.OPEN) {
                return false;
            }
        }
        return true;
    }

    @Override
    public List<String> circuitBreakers() {
        return RevenueMonsterClient.CIRCUIT_BREAKERS;
    }
}
