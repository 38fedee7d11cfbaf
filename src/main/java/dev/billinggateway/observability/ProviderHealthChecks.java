package dev.billinggateway.observability;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import dev.billinggateway.connector.ConnectorRegistry;
import dev.billinggateway.connector.ProviderModule;
import dev.billinggateway.domain.Provider;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.health.api.HealthRegistry;
import io.smallrye.health.api.Wellness;
import io.smallrye.health.registry.HealthRegistries;

/**
 * One health check per provider ({@code provider-<slug>}): its circuit, last success and last error. They are
 * in the group {@code providers} ({@code /q/health/group/providers}) and among the wellness checks (so
 * {@code /q/health} names them), never in readiness: one provider's outage must not take the gateway out of
 * its load balancer, since the other providers still work. A provider is DOWN while its circuit is open.
 * Registered at start from the modules (nothing here names a provider).
 */
@ApplicationScoped
public class ProviderHealthChecks {

    public static final String GROUP = "providers";

    @Inject
    ConnectorRegistry connectors;

    @Inject
    CircuitStates circuits;

    @Inject
    GatewayMetrics metrics;

    @Inject
    @Wellness
    HealthRegistry wellness;

    void register(@Observes StartupEvent start) {
        // SmallRye's registry of a named group (no CDI producer exists for a group's registry)
        HealthRegistry group = HealthRegistries.getHealthGroupRegistry(GROUP);
        for (Provider provider : connectors.providers()) {
            ProviderModule module = connectors.module(provider).orElseThrow();
            HealthCheck check = () -> check(module);
            group.register("provider-" + provider.slug(), check);
            wellness.register("provider-" + provider.slug(), check);
        }
    }

    HealthCheckResponse check(ProviderModule module) {
        Provider provider = module.provider();
        CircuitBreakerState circuit = circuits.of(module);
        HealthCheckResponseBuilder response = HealthCheckResponse.named("provider-" + provider.slug())
                .status(!module.enabled() || circuit != CircuitBreakerState.OPEN)
                .withData("provider", provider.name())
                .withData("enabled", module.enabled())
                .withData("sandbox", module.sandboxed())
                .withData("circuit", circuit.name());
        var success = metrics.activity.lastSuccess(provider);
        if (success != null) {
            response.withData("lastSuccess", success.toString());
        }
        var error = metrics.activity.lastError(provider);
        if (error != null) {
            response.withData("lastErrorCode", error.code()).withData("lastErrorAt", error.at().toString());
        }
        return response.build();
    }
}
