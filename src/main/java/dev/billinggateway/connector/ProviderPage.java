package dev.billinggateway.connector;

import java.util.List;

/** A page of a provider list; {@code nextCursor} is null on the last page. */
public record ProviderPage<T>(List<T> items, String nextCursor) {
    public static <T> ProviderPage<T> last(List<T> items) {
        return new ProviderPage<>(items, null);
    }
}
