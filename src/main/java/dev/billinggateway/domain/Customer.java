package dev.billinggateway.domain;

import java.time.OffsetDateTime;

/**
 * A customer as its provider describes it, mapped onto the unified model. Connectors return this;
 * the API adds the gateway ID and freshness (see {@code service.CustomerView}).
 *
 * @param providerCustomerId the provider's own ID; for HitPay, which has no customer object, the e-mail
 */
public record Customer(
        Provider provider,
        String providerCustomerId,
        String email,
        String name,
        PhoneNumber phone,
        boolean active,
        PaymentMethod paymentMethod,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {
}
