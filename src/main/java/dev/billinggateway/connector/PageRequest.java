package dev.billinggateway.connector;

/**
 * One page of a provider list.
 *
 * @param cursor the provider's own cursor as returned by the previous page's {@link ProviderPage#nextCursor()}, or null for the first page
 * @param limit  at most this many items
 */
public record PageRequest(String cursor, int limit) {
    public static PageRequest first(int limit) {
        return new PageRequest(null, limit);
    }
}
