package dev.billinggateway.provider.hitpay;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.billinggateway.domain.CreateSubscriptionInput;
import dev.billinggateway.domain.Currencies;
import dev.billinggateway.domain.GatewayException;
import dev.billinggateway.domain.HitPayOptions;
import dev.billinggateway.domain.IntervalInput;
import dev.billinggateway.domain.MoneyInput;
import dev.billinggateway.domain.Subscription;
import dev.billinggateway.domain.UpdateSubscriptionInput;

/**
 * HitPay's documented rules, checked before anything is sent (seed 004 and the create field table).
 * Each failure names the GraphQL input path of the field and the rule it breaks.
 */
public final class HitPayRules {

    /** The {@link UpdateSubscriptionInput} fields {@code PUT /v1/recurring-billing/{id}} can express. */
    public static final Set<String> UPDATABLE_FIELDS = Set.of(
            "amount", "productName", "productDescription", "interval", "customerEmail", "customerName",
            "startDate", "redirectUrl", "reference");

    public static final BigDecimal MAX_AMOUNT = new BigDecimal("999999.99");
    static final int MAX_CYCLE_REPEAT = 999;
    static final int MAX_TEXT = 255;
    static final int MAX_TIMES_TO_BE_CHARGED = 100;

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern UUID = Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private HitPayRules() {
    }

    public static void validateCreate(CreateSubscriptionInput input, LocalDate todaySgt) {
        // options of other providers are refused by the gateway's shared input rules before this
        if (input.customer == null) {
            throw GatewayException.validation("input.customer", "required", "the customer is required");
        }
        email("input.customer.email", input.customer.email);
        maxLength("input.customer.name", input.customer.name);
        if (input.customer.phone != null) {
            throw GatewayException.validation("input.customer.phone", "not accepted by HitPay",
                    "HitPay's create recurring billing takes no phone number");
        }
        text("input.productName", input.productName);
        HitPayOptions options = input.hitpay != null ? input.hitpay : new HitPayOptions();
        boolean withPlan = options.planId != null;
        if (withPlan && !UUID.matcher(options.planId.trim()).matches()) {
            throw GatewayException.validation("input.hitpay.planId", "a subscription plan UUID",
                    "planId must be the UUID of a HitPay subscription plan");
        }
        amount("input.amount", input.amount);
        if (!Currencies.isKnown(input.amount.currency)) {
            throw GatewayException.validation("input.amount.currency", "an ISO 4217 currency code",
                    "unknown currency " + input.amount.currency);
        }
        interval("input.interval", input.interval);
        if (options.startDate != null && options.startDate.isBefore(todaySgt)) {
            throw GatewayException.validation("input.hitpay.startDate", "today or later in Singapore time (SGT)",
                    "startDate must be " + todaySgt + " or later (Singapore time)");
        }
        if (options.timesToBeCharged != null
                && (options.timesToBeCharged < 1 || options.timesToBeCharged > MAX_TIMES_TO_BE_CHARGED)) {
            throw GatewayException.validation("input.hitpay.timesToBeCharged", "1..100",
                    "timesToBeCharged must be between 1 and 100");
        }
        url("input.hitpay.redirectUrl", options.redirectUrl);
        maxLength("input.hitpay.reference", options.reference);
        if (options.paymentMethods != null) {
            for (int i = 0; i < options.paymentMethods.size(); i++) {
                String method = options.paymentMethods.get(i);
                if (method == null || !method.matches("[a-z0-9_]+")) {
                    throw GatewayException.validation("input.hitpay.paymentMethods[" + i + "]",
                            "a HitPay payment method name, e.g. card, giro, shopee_recurring",
                            "unknown payment method " + method);
                }
            }
        }
    }

    /**
     * @param current the billing as just read from HitPay
     */
    public static void validateUpdate(Subscription current, UpdateSubscriptionInput input, LocalDate todaySgt) {
        Map<String, Object> set = input.setFields();
        if (set.isEmpty()) {
            throw GatewayException.validation("input", "at least one field", "nothing to update");
        }
        for (String field : set.keySet()) {
            if (!UPDATABLE_FIELDS.contains(field)) {
                throw GatewayException.validation("input." + field, "not accepted by HitPay",
                        "HitPay's update recurring billing cannot change " + field + "; it accepts "
                                + String.join(", ", UPDATABLE_FIELDS.stream().sorted().toList()));
            }
        }
        if (input.amount != null) {
            amount("input.amount", input.amount);
            String currency = current.amount() == null ? null : current.amount().currency();
            if (currency != null && !currency.equalsIgnoreCase(input.amount.currency)) {
                throw GatewayException.validation("input.amount.currency", "the billing's currency (" + currency + ")",
                        "HitPay cannot change a recurring billing's currency; use " + currency);
            }
        }
        if (input.productName != null) {
            text("input.productName", input.productName);
        }
        if (input.interval != null) {
            interval("input.interval", input.interval);
        }
        if (input.customerEmail != null) {
            email("input.customerEmail", input.customerEmail);
        }
        maxLength("input.customerName", input.customerName);
        if (input.startDate != null) {
            if (input.startDate.isBefore(todaySgt)) {
                throw GatewayException.validation("input.startDate", "today or later in Singapore time (SGT)",
                        "startDate must be " + todaySgt + " or later (Singapore time)");
            }
            String status = current.providerStatus() == null ? "" : current.providerStatus().toLowerCase(Locale.ROOT);
            if (!status.equals("scheduled") && !status.equals("active")) {
                throw GatewayException.validation("input.startDate", "only while the billing is scheduled or active",
                        "HitPay changes the start date only of a scheduled or active billing; this one is " + current.providerStatus());
            }
        }
        url("input.redirectUrl", input.redirectUrl);
        maxLength("input.reference", input.reference);
    }

    private static void amount(String path, MoneyInput money) {
        if (money == null || money.amount == null) {
            throw GatewayException.validation(path + ".amount", "required", "the amount is required");
        }
        if (money.amount.signum() <= 0 || money.amount.compareTo(MAX_AMOUNT) > 0) {
            throw GatewayException.validation(path + ".amount", "above 0 and at most 999999.99",
                    "the amount must be above 0 and at most 999999.99");
        }
        if (money.currency != null && Currencies.isKnown(money.currency)
                && money.amount.stripTrailingZeros().scale() > Currencies.fractionDigits(money.currency)) {
            int digits = Currencies.fractionDigits(money.currency);
            throw GatewayException.validation(path + ".amount", "at most " + digits + " decimals for " + money.currency.toUpperCase(Locale.ROOT),
                    "the amount has more decimals than " + money.currency.toUpperCase(Locale.ROOT) + " allows");
        }
    }

    private static void interval(String path, IntervalInput interval) {
        if (interval == null || interval.unit == null) {
            throw GatewayException.validation(path, "required", "the interval is required");
        }
        if (interval.count < 1 || interval.count > MAX_CYCLE_REPEAT) {
            throw GatewayException.validation(path + ".count",
                    "WEEK×1, MONTH×1, YEAR×1, or DAY/WEEK/MONTH/YEAR × 1..999 (custom cycle_repeat)",
                    "the interval count must be between 1 and 999");
        }
    }

    private static void email(String path, String email) {
        if (email == null || !EMAIL.matcher(email.trim()).matches() || email.trim().length() > MAX_TEXT) {
            throw GatewayException.validation(path, "a valid e-mail address", "not a valid e-mail address: " + email);
        }
    }

    private static void text(String path, String value) {
        if (value == null || value.isBlank()) {
            throw GatewayException.validation(path, "not blank", path.substring(path.lastIndexOf('.') + 1) + " must not be blank");
        }
        maxLength(path, value);
    }

    private static void maxLength(String path, String value) {
        if (value != null && value.length() > MAX_TEXT) {
            throw GatewayException.validation(path, "at most 255 characters",
                    path.substring(path.lastIndexOf('.') + 1) + " must be at most 255 characters");
        }
    }

    private static void url(String path, String value) {
        if (value == null) {
            return;
        }
        try {
            URI uri = URI.create(value.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return;
            }
        } catch (IllegalArgumentException malformed) {
            // reported below
        }
        throw GatewayException.validation(path, "an absolute http(s) URL", "not an absolute http(s) URL: " + value);
    }
}
