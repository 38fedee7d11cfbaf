package dev.billinggateway.provider.hitpay.dto;

import java.util.List;

/**
 * One page of {@code GET /v1/recurring-billing}. HitPay does not document this envelope; it is read as
 * the Laravel page its plan list uses ({@code data}, {@code links.next}, {@code meta.current_page/last_page}),
 * and a bare array is read as a single, last page.
 */
public record RecurringBillingPage(List<RecurringBilling> items, boolean hasMore) {

    /** Another page follows; an empty page ends a walk even when HitPay links a next one (no endless paging). */
    public boolean continues() {
        return hasMore && !items.isEmpty();
    }
}
