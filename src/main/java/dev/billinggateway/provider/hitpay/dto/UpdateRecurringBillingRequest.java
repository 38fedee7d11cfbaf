package dev.billinggateway.provider.hitpay.dto;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Body of {@code PUT /v1/recurring-billing/{id}} (seed 004): only the fields being changed. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UpdateRecurringBillingRequest(
        @JsonProperty("amount") BigDecimal amount,
        @JsonProperty("name") String name,
        @JsonProperty("description") String description,
        @JsonProperty("cycle") String cycle,
        @JsonProperty("cycle_frequency") String cycleFrequency,
        @JsonProperty("cycle_repeat") Integer cycleRepeat,
        @JsonProperty("customer_email") String customerEmail,
        @JsonProperty("customer_name") String customerName,
        @JsonProperty("start_date") String startDate,
        @JsonProperty("redirect_url") String redirectUrl,
        @JsonProperty("reference") String reference) {
}
