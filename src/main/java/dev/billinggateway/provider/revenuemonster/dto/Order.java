package dev.billinggateway.provider.revenuemonster.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One charge of a customer ({@code GET /v3/customer/{id}/orders}); observed statuses SUCCESS and FAILED. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Order(
        String id,
        String paymentUrl,
        String recurringCustomerId,
        String merchantId,
        String storeId,
        String checkoutId,
        String transactionId,
        String status,
        String recurringReference,
        String createdAt,
        String updatedAt,
        Long amount,
        String currency) {
}
