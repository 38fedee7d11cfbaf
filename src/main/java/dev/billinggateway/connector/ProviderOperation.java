package dev.billinggateway.connector;

import dev.billinggateway.domain.Provider;

/** Common root of every per-operation interface: which provider the bean serves. */
public interface ProviderOperation {
    Provider provider();
}
