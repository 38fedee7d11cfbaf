package dev.billinggateway.sandbox;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import io.quarkus.arc.profile.UnlessBuildProfile;
import io.quarkus.runtime.StartupEvent;

/**
 * The one sandbox class of the production build: the simulators are built only for dev mode and tests, so there
 * {@code gateway.sandbox.enabled=true} would point at nothing. Start-up fails instead of ignoring it, because an
 * operator who believes the providers are simulated must not have the gateway talk to the real ones.
 */
@ApplicationScoped
@UnlessBuildProfile(anyOf = { "dev", "test" })
public class SandboxSwitchGuard {

    static final String REFUSAL = "gateway.sandbox.enabled=true, but this build carries no provider sandbox: it exists only in"
            + " dev mode (./mvnw quarkus:dev) and tests. Remove the setting (GATEWAY_SANDBOX_ENABLED); to use a provider's"
            + " own test environment, set gateway.providers.<provider>.api-url and its credentials.";

    @Inject
    SandboxConfig config;

    void refuseTheSwitch(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        if (config.enabled()) {
            throw new IllegalStateException(REFUSAL);
        }
    }
}
