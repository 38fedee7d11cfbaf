package dev.billinggateway.provider.hitpay.dto;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Body of {@code POST /v1/recurring-billing} (JSON). Flags are the strings {@code "true"}/{@code "false"}
 * as HitPay documents them; absent fields are left out.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreateRecurringBillingRequest(
        @JsonProperty("plan_id") String planId,
        @JsonProperty("customer_email") String customerEmail,
        @JsonProperty("customer_name") String customerName,
        @JsonProperty("name") String name,
        @JsonProperty("description") String description,
        @JsonProperty("cycle") String cycle,
        @JsonProperty("cycle_frequency") String cycleFrequency,
        @JsonProperty("cycle_repeat") Integer cycleRepeat,
        @JsonProperty("amount") BigDecimal amount,
        @JsonProperty("currency") String currency,
        @JsonProperty("start_date") String startDate,
        @JsonProperty("times_to_be_charged") Integer timesToBeCharged,
        @JsonProperty("redirect_url") String redirectUrl,
        @JsonProperty("reference") String reference,
        @JsonProperty("payment_methods") List<String> paymentMethods,
        @JsonProperty("send_email") String sendEmail,
        @JsonProperty("webhook") String webhook) {
}
