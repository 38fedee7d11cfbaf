package dev.billinggateway.provider.monri;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.billinggateway.domain.CreateSubscriptionInput;
import dev.billinggateway.domain.Currencies;
import dev.billinggateway.domain.CustomerInput;
import dev.billinggateway.domain.GatewayException;
import dev.billinggateway.domain.MonriOptions;
import dev.billinggateway.domain.Subscription;
import dev.billinggateway.domain.UpdateSubscriptionInput;

/**
 * Monri's documented input rules, checked before anything is sent. Dates: {@code active_from} before
 * {@code next_charge_date} before {@code active_to} (strictly, as the docs say "before"/"after").
 */
final class MonriRules {

    private MonriRules() {
    }

    /** The only fields of a customer subscription Monri lets us change. */
    static final Set<String> UPDATABLE_FIELDS = Collections.unmodifiableSet(new LinkedHashSet<>(List.of("nextChargeDate", "activeFrom", "activeTo")));

    static final String INTERVAL_RULE = "DAY, WEEK, MONTH or YEAR with count 1, or MONTH with count 6 (Monri periods)";

    static void validateCreate(CreateSubscriptionInput input) {
        validateCustomer(input.customer);
        requireLength("input.productName", input.productName, 1, 255);
        if (input.productDescription != null && input.productDescription.length() > 255) {
            throw GatewayException.validation("input.productDescription", "at most 255 characters", "the product description is too long");
        }
        validateAmount(input);
        if (input.interval == null || input.interval.count < 1 || MonriMapping.period(input.interval.unit, input.interval.count) == null) {
            throw GatewayException.validation("input.interval", INTERVAL_RULE, "Monri plans bill per day, week, month, half year or year");
        }
        MonriOptions monri = input.monri;
        if (monri == null) {
            throw GatewayException.validation("input.monri", "required for MONRI",
                    "Monri needs monri.nextChargeDate, monri.activeFrom and monri.activeTo");
        }
        if (monri.planId != null && !monri.planId.matches("[0-9]{1,18}")) {
            throw GatewayException.validation("input.monri.planId", "a Monri plan id (digits)", "'" + monri.planId + "' is not a Monri plan id");
        }
        checkDates(monri.activeFrom, monri.nextChargeDate, monri.activeTo,
                "input.monri.activeTo", "input.monri.nextChargeDate", "input.monri.activeTo");
    }

    private static void validateCustomer(CustomerInput customer) {
        if (customer == null) {
            throw GatewayException.validation("input.customer", "required", "a customer is required");
        }
        String email = customer.email == null ? "" : customer.email.trim();
        // the e-mail doubles as Monri's merchant_customer_id (1..100) so the customer is found again
        if (!email.matches("[^@\\s]+@[^@\\s]+") || email.length() > 100) {
            throw GatewayException.validation("input.customer.email", "an e-mail address of at most 100 characters",
                    "'" + customer.email + "' is not an e-mail address Monri can hold");
        }
        if (customer.name != null) {
            requireLength("input.customer.name", customer.name, 1, 50);
        }
        if (customer.phone != null) {
            String phone = MonriMapping.phoneText(customer.phone.countryCode, customer.phone.number);
            if (phone.isEmpty() || phone.length() > 30) {
                throw GatewayException.validation("input.customer.phone", "\"{countryCode} {number}\": 1..30 characters",
                        "Monri keeps at most 30 characters of phone number");
            }
        }
    }

    private static void validateAmount(CreateSubscriptionInput input) {
        if (input.amount == null || input.amount.currency == null || !Currencies.isKnown(input.amount.currency)) {
            throw GatewayException.validation("input.amount.currency", "an ISO 4217 currency code",
                    "'" + (input.amount == null ? null : input.amount.currency) + "' is not a currency code");
        }
        BigDecimal amount = input.amount.amount;
        if (amount == null || amount.signum() <= 0) {
            throw GatewayException.validation("input.amount.amount", "greater than 0", "the amount must be positive");
        }
        int digits = Currencies.fractionDigits(input.amount.currency);
        if (amount.stripTrailingZeros().scale() > digits) {
            throw GatewayException.validation("input.amount.amount", "at most " + digits + " decimals for " + input.amount.currency,
                    amount + " cannot be charged in " + input.amount.currency);
        }
        if (amount.movePointRight(digits).compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            throw GatewayException.validation("input.amount.amount", "at most " + Integer.MAX_VALUE + " minor units",
                    "the amount is too large for Monri");
        }
    }

    /**
     * Checks a change against the subscription as just read; unchanged dates keep their current value.
     *
     * @return the dates after the change
     */
    static Dates validateUpdate(Subscription current, UpdateSubscriptionInput input) {
        Map<String, Object> set = input.setFields();
        for (String field : set.keySet()) {
            if (!UPDATABLE_FIELDS.contains(field)) {
                throw GatewayException.validation("input." + field, "Monri accepts only " + String.join(", ", UPDATABLE_FIELDS),
                        "Monri cannot change " + field + " of a customer subscription");
            }
        }
        if (set.isEmpty()) {
            throw GatewayException.validation("input", "at least one of " + String.join(", ", UPDATABLE_FIELDS), "nothing to change");
        }
        Dates after = new Dates(
                input.activeFrom != null ? input.activeFrom : current.activeFrom(),
                input.nextChargeDate != null ? input.nextChargeDate : current.nextChargeDate(),
                input.activeTo != null ? input.activeTo : current.activeTo());
        // blame the field the caller set; when both ends are theirs, the later one
        checkDates(after.activeFrom(), after.nextChargeDate(), after.activeTo(),
                input.activeTo != null ? "input.activeTo" : "input.activeFrom",
                input.nextChargeDate != null ? "input.nextChargeDate" : "input.activeFrom",
                input.activeTo != null ? "input.activeTo" : "input.nextChargeDate");
        return after;
    }

    /**
     * @param fromToField   blamed when active_from is not before active_to
     * @param fromNextField blamed when next_charge_date is not after active_from
     * @param nextToField   blamed when next_charge_date is not before active_to
     */
    private static void checkDates(LocalDate activeFrom, LocalDate nextChargeDate, LocalDate activeTo,
            String fromToField, String fromNextField, String nextToField) {
        if (activeFrom == null || nextChargeDate == null || activeTo == null) {
            String missing = activeFrom == null ? "activeFrom" : nextChargeDate == null ? "nextChargeDate" : "activeTo";
            throw GatewayException.validation(fromToField.substring(0, fromToField.lastIndexOf('.') + 1) + missing, "required",
                    "Monri needs " + missing);
        }
        if (!activeFrom.isBefore(activeTo)) {
            throw GatewayException.validation(fromToField, "activeFrom before activeTo",
                    "activeFrom " + activeFrom + " must be before activeTo " + activeTo);
        }
        if (!nextChargeDate.isAfter(activeFrom)) {
            throw GatewayException.validation(fromNextField, "nextChargeDate after activeFrom",
                    "nextChargeDate " + nextChargeDate + " must be after activeFrom " + activeFrom);
        }
        if (!nextChargeDate.isBefore(activeTo)) {
            throw GatewayException.validation(nextToField, "nextChargeDate before activeTo",
                    "nextChargeDate " + nextChargeDate + " must be before activeTo " + activeTo);
        }
    }

    /**
     * The {@code active_to} that ends a subscription as soon as Monri's rules allow (not before today, and
     * after {@code active_from} and {@code next_charge_date}), or null when it already ends by then.
     */
    static LocalDate cancelEnd(Subscription current, LocalDate today) {
        LocalDate end = today;
        if (current.activeFrom() != null && !end.isAfter(current.activeFrom())) {
            end = current.activeFrom().plusDays(1);
        }
        if (current.nextChargeDate() != null && !end.isAfter(current.nextChargeDate())) {
            end = current.nextChargeDate().plusDays(1);
        }
        if (current.activeTo() != null && !current.activeTo().isAfter(end)) {
            return null;
        }
        return end;
    }

    private static void requireLength(String field, String value, int min, int max) {
        int length = value == null ? 0 : value.trim().length();
        if (length < min || length > max) {
            throw GatewayException.validation(field, min + ".." + max + " characters", field.substring(field.lastIndexOf('.') + 1)
                    + " must have " + min + " to " + max + " characters");
        }
    }

    record Dates(LocalDate activeFrom, LocalDate nextChargeDate, LocalDate activeTo) {
    }
}
