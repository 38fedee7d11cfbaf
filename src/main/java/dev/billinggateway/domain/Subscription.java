package dev.billinggateway.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A subscription as its provider describes it, mapped onto the unified model. Connectors return this;
 * the API adds the gateway ID and freshness (see {@code service.SubscriptionView}).
 *
 * @param providerCustomerId the provider ID of the customer it belongs to (null when the provider does not say)
 * @param providerStatus     the provider's own status word, unchanged
 * @param customer           what the provider's subscription itself says of its customer: the fields its
 *                           {@code FetchSubscription#carriedCustomerFields} names, as a customer read would give them
 *                           (others unset); null when it says nothing beyond {@code providerCustomerId}
 */
public record Subscription(
        Provider provider,
        String providerSubscriptionId,
        String providerCustomerId,
        String productName,
        String productDescription,
        Money amount,
        BillingInterval interval,
        SubscriptionStatus status,
        String providerStatus,
        LocalDate nextChargeDate,
        LocalDate startDate,
        LocalDate activeFrom,
        LocalDate activeTo,
        Integer timesCharged,
        Integer totalCharges,
        String paymentUrl,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        Customer customer) {

    /** A subscription that carries nothing of its customer but the ID. */
    public Subscription(Provider provider, String providerSubscriptionId, String providerCustomerId, String productName,
            String productDescription, Money amount, BillingInterval interval, SubscriptionStatus status, String providerStatus,
            LocalDate nextChargeDate, LocalDate startDate, LocalDate activeFrom, LocalDate activeTo, Integer timesCharged,
            Integer totalCharges, String paymentUrl, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
        this(provider, providerSubscriptionId, providerCustomerId, productName, productDescription, amount, interval, status,
                providerStatus, nextChargeDate, startDate, activeFrom, activeTo, timesCharged, totalCharges, paymentUrl, createdAt,
                updatedAt, null);
    }
}
