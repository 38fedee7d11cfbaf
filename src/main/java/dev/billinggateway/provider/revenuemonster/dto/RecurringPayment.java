package dev.billinggateway.provider.revenuemonster.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** {@code item.recurringPayment} of a recurring customer: the RM-run schedule. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecurringPayment(
        Long amount,
        String currency,
        String recurringInterval,
        String recurringTarget,
        String productName,
        String productDescription,
        Integer recurringRepetition) {
}
