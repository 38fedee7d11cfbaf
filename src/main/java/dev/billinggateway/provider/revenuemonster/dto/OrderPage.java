package dev.billinggateway.provider.revenuemonster.dto;

import java.util.List;

/** One page of orders and the cursor of the next ({@code meta.cursor}; null or empty on the last). */
public record OrderPage(List<Order> items, String nextCursor) {
}
