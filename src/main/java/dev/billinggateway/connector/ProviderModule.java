package dev.billinggateway.connector;

import java.util.List;

import dev.billinggateway.domain.Provider;

/** One bean per provider: whether it is switched on and where it points. */
public interface ProviderModule extends ProviderOperation {

    /** Configured on (credentials present, and not switched off). */
    boolean enabled();

    /** True when calls go to the built-in sandbox (its {@code gateway.providers.<p>.sandbox} marker). */
    boolean sandboxed();

    /**
     * A non-secret name of the provider account in use (client ID, authenticity token, key fingerprint):
     * part of every link, so that one gateway can hold objects of several accounts without ID clashes.
     */
    String account();

    /** The guards every call to this provider goes through; health, circuits and the write timeout follow from them. */
    ProviderGuards guards();

    /** How long a write to this provider may take at most ({@code gateway.providers.<p>.writes.timeout}). */
    default java.time.Duration writeTimeout() {
        return guards().writeTimeout();
    }

    /** False while calls to the provider fail fast (its reads' or writes' circuit is open). */
    default boolean healthy() {
        return guards().healthy();
    }

    /** Names of the provider's circuit breakers (SmallRye Fault Tolerance): its circuit metrics, health and log lines. */
    default List<String> circuitBreakers() {
        return guards().circuits();
    }
}
