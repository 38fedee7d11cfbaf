package dev.billinggateway.observability;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.billinggateway.connector.ConnectorRegistry;
import dev.billinggateway.connector.ProviderModule;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;

/**
 * A provider's circuit as one state, the worst of its circuit breakers ({@link ProviderModule#circuitBreakers()}):
 * OPEN while any is open, HALF_OPEN while one is probing, else CLOSED. Logs every state change of every breaker.
 */
@ApplicationScoped
public class CircuitStates {

    private static final Logger LOG = Logger.getLogger("dev.billinggateway.circuit");

    @Inject
    CircuitBreakerMaintenance maintenance;

    @Inject
    ConnectorRegistry connectors;

    void watch(@Observes StartupEvent start) {
        for (var provider : connectors.providers()) {
            for (String name : connectors.module(provider).orElseThrow().circuitBreakers()) {
                maintenance.onStateChange(name, state -> {
                    if (state == CircuitBreakerState.CLOSED) {
                        LOG.infof("Circuit %s of %s is CLOSED: calls go through again", name, provider);
                    } else {
                        LOG.warnf("Circuit %s of %s is %s: %s", name, provider, state,
                                state == CircuitBreakerState.OPEN ? "calls fail fast as PROVIDER_UNAVAILABLE" : "probing with a few calls");
                    }
                });
            }
        }
    }

    public CircuitBreakerState of(ProviderModule module) {
        CircuitBreakerState worst = CircuitBreakerState.CLOSED;
        for (String name : module.circuitBreakers()) {
            CircuitBreakerState state;
            try {
                state = maintenance.currentState(name);
            } catch (IllegalArgumentException neverCalled) {
                continue; // a breaker that was never called is closed
            }
            if (state == CircuitBreakerState.OPEN) {
                return state;
            }
            if (state == CircuitBreakerState.HALF_OPEN) {
                worst = state;
            }
        }
        return worst;
    }
}
