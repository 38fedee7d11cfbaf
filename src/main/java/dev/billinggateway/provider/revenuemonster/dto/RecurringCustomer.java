package dev.billinggateway.provider.revenuemonster.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * RM's customer object ({@code item} of create, get and toggle). The schedule is nested in
 * {@code recurringPayment} (2022-12 docs) or flat on the item (2022-11 docs): both are read.
 * {@code clientKey} is internal to RM and deliberately not mapped.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecurringCustomer(
        String id,
        String merchantId,
        String storeId,
        String label,
        String email,
        String name,
        String countryCode,
        String phoneNumber,
        @JsonProperty("isActive") Boolean isActive,
        String createdAt,
        String updatedAt,
        String redirectUrl,
        String notifyUrl,
        String paymentUrl,
        RecurringPayment recurringPayment,
        // flat schedule fields of the older response shape
        Long amount,
        String currency,
        String recurringInterval,
        String recurringTarget,
        String productName,
        String productDescription,
        Integer recurringRepetition) {

    /** The schedule, from whichever shape the response used; null for a tokenized (non-recurring) customer. */
    public RecurringPayment schedule() {
        if (recurringPayment != null) {
            return recurringPayment;
        }
        if (amount == null && recurringInterval == null) {
            return null;
        }
        return new RecurringPayment(amount, currency, recurringInterval, recurringTarget, productName,
                productDescription, recurringRepetition);
    }
}
