package dev.billinggateway.provider.hitpay.dto;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A recurring billing as HitPay returns it (GET, POST, PUT, DELETE and list items). Read leniently:
 * flags as 0/1 or booleans, decimal amounts (as numbers or strings), lower-case currency, nullable
 * cycle fields, {@code cycle: save_card}, and unknown fields ignored.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record RecurringBilling(
        @JsonProperty("id") String id,
        @JsonProperty("business_recurring_plans_id") String planId,
        @JsonProperty("customer_name") String customerName,
        @JsonProperty("customer_email") String customerEmail,
        @JsonProperty("customer_phone_number") String customerPhoneNumber,
        @JsonProperty("customer_phone_number_country_code") String customerPhoneCountryCode,
        @JsonProperty("name") String name,
        @JsonProperty("description") String description,
        @JsonProperty("reference") String reference,
        @JsonProperty("cycle") String cycle,
        @JsonProperty("cycle_repeat") Integer cycleRepeat,
        @JsonProperty("cycle_frequency") String cycleFrequency,
        @JsonProperty("currency") String currency,
        @JsonProperty("amount") BigDecimal amount,
        @JsonProperty("price") BigDecimal price,
        @JsonProperty("times_to_be_charged") Integer timesToBeCharged,
        @JsonProperty("times_charged") Integer timesCharged,
        @JsonProperty("status") String status,
        @JsonProperty("send_email") @JsonDeserialize(using = LenientBooleanDeserializer.class) Boolean sendEmail,
        @JsonProperty("save_card") @JsonDeserialize(using = LenientBooleanDeserializer.class) Boolean saveCard,
        @JsonProperty("redirect_url") String redirectUrl,
        @JsonProperty("payment_methods") List<String> paymentMethods,
        @JsonProperty("payment_method") SavedPaymentMethod paymentMethod,
        /* not in HitPay's documented examples; read when present */
        @JsonProperty("start_date") String startDate,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("updated_at") String updatedAt,
        @JsonProperty("expires_at") String expiresAt,
        @JsonProperty("url") String url,
        @JsonProperty("webhook") String webhook) {

    /** {@code payment_method} of a billing with a saved card: {@code {"card":{"brand":"visa","last4":"4242"}}}. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SavedPaymentMethod(@JsonProperty("card") Card card) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Card(@JsonProperty("brand") String brand, @JsonProperty("last4") String last4) {
    }
}
