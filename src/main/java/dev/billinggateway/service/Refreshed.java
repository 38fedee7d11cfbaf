package dev.billinggateway.service;

import java.time.OffsetDateTime;

import dev.billinggateway.domain.GatewayException;

/**
 * A provider object as the gateway could get it: fresh from the provider, from a fresh snapshot, or a
 * stale snapshot because the provider could not be reached; or the error when none of these was had.
 */
public record Refreshed<T>(T value, boolean stale, OffsetDateTime fetchedAt, GatewayException error) {

    public static <T> Refreshed<T> of(T value, boolean stale, OffsetDateTime fetchedAt) {
        return new Refreshed<>(value, stale, fetchedAt, null);
    }

    public static <T> Refreshed<T> failed(GatewayException error) {
        return new Refreshed<>(null, false, null, error);
    }

    public T orThrow() {
        if (error != null) {
            throw error;
        }
        return value;
    }
}
