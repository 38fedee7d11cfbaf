package dev.billinggateway.provider.revenuemonster.dto;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Body of {@code POST /v3/recurring-payment}; every field is required by the v2 docs. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreateRecurringCustomerRequest(
        String storeId,
        String email,
        String name,
        String countryCode,
        String phoneNumber,
        String productName,
        String productDescription,
        String currency,
        long amount,
        String redirectUrl,
        String notifyUrl,
        String recurringInterval,
        String recurringTarget,
        int recurringRepetition) {
}
