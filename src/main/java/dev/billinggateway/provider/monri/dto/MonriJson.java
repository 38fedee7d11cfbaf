package dev.billinggateway.provider.monri.dto;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Monri API v2 request and response bodies, field for field as documented (snake_case). Requests leave out
 * unset fields; responses ignore fields they do not know. Every response carries {@code status}
 * ({@code approved} | {@code invalid-request} | {@code error}) and, on failure, {@code message}.
 */
public final class MonriJson {

    private MonriJson() {
    }

    public static final String APPROVED = "approved";

    /** Just the envelope, to read an error answer of any endpoint. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Envelope(String status, String message) {
    }

    /** {@code POST /v2/customers} and {@code POST /v2/customers/:uuid}: all optional. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({ "merchant_customer_id", "email", "name", "phone" })
    public record CustomerRequest(
            @JsonProperty("merchant_customer_id") String merchantCustomerId,
            String email,
            String name,
            String phone) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Customer(
            String status,
            String message,
            String uuid,
            @JsonProperty("merchant_customer_id") String merchantCustomerId,
            String description,
            String email,
            String name,
            String phone,
            Map<String, Object> metadata,
            @JsonProperty("zip_code") String zipCode,
            String city,
            String address,
            String country,
            Boolean deleted,
            @JsonProperty("created_at") String createdAt,
            @JsonProperty("updated_at") String updatedAt,
            @JsonProperty("deleted_at") String deletedAt) {
    }

    /** {@code GET /v2/customers}. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CustomerList(String status, String message, List<Customer> data) {
    }

    /** {@code POST /v2/subscriptions}: a plan. All fields required. */
    @RegisterForReflection
    @JsonPropertyOrder({ "name", "description", "price", "currency", "period" })
    public record PlanRequest(String name, String description, long price, String currency, String period) {
    }

    /** A plan (Monri calls it a "subscription"). */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Plan(
            String status,
            String message,
            Long id,
            String name,
            @JsonProperty("merchant_id") Long merchantId,
            String sku,
            String description,
            Long price,
            String currency,
            String period) {
    }

    /** {@code GET /v2/subscriptions}: shape assumed like the customers list (not documented). */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PlanList(String status, String message, List<Plan> data) {
    }

    /**
     * {@code POST /v2/customer-subscriptions} (all fields) and {@code POST /v2/customer-subscriptions/:id}
     * (dates only). {@code customer_id} carries the customer's {@code uuid}: the Customers API exposes no
     * other identifier (the docs type it Integer; see the provider notes).
     */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({ "subscription_id", "customer_id", "next_charge_date", "active_from", "active_to" })
    public record CustomerSubscriptionRequest(
            @JsonProperty("subscription_id") Long subscriptionId,
            @JsonProperty("customer_id") String customerId,
            @JsonProperty("next_charge_date") String nextChargeDate,
            @JsonProperty("active_from") String activeFrom,
            @JsonProperty("active_to") String activeTo) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CustomerSubscription(
            String status,
            String message,
            Long id,
            String name,
            @JsonProperty("customer_id") Object customerId,
            @JsonProperty("subscription_id") Long subscriptionId,
            @JsonProperty("next_charge_date") String nextChargeDate,
            @JsonProperty("active_from") String activeFrom,
            @JsonProperty("active_to") String activeTo) {
    }
}
