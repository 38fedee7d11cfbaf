package dev.billinggateway.service;

import java.time.OffsetDateTime;
import java.util.Collection;

import dev.billinggateway.domain.ErrorCode;
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

    /**
     * For listings built from linked objects: throws the error of the first object that could not be had at all
     * (no snapshot either) unless it is gone at the provider; such a listing fails rather than leave it out unsaid.
     */
    static void requireAvailable(Collection<? extends Refreshed<?>> all) {
        all.stream().map(Refreshed::error).filter(e -> e != null && e.code() != ErrorCode.NOT_FOUND).findFirst().ifPresent(e -> {
            throw e;
        });
    }

    public T orThrow() {
        if (error != null) {
            throw error;
        }
        return value;
    }
}
