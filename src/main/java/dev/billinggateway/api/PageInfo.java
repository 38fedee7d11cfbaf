package dev.billinggateway.api;

public record PageInfo(boolean hasNextPage, String endCursor) {
}
