package dev.billinggateway.provider.hitpay.model;

import java.util.List;

/**
 * One page of {@code GET /v1/recurring-billing}. HitPay does not document this envelope; it is read as
 * the Laravel page its plan list uses ({@code data}, {@code links.next}, {@code meta.current_page/last_page}),
 * and a bare array is read as a single, last page.
 */
public record RecurringBillingPage(List<RecurringBilling> items, boolean hasMore) {
}
