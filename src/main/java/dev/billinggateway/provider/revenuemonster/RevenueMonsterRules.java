package dev.billinggateway.provider.revenuemonster;

import static dev.billinggateway.provider.revenuemonster.RevenueMonsterMapping.blank;

import java.math.BigDecimal;
import java.net.URI;
import java.util.Locale;

import dev.billinggateway.domain.BillingInterval;
import dev.billinggateway.domain.CreateSubscriptionInput;
import dev.billinggateway.domain.GatewayException;
import dev.billinggateway.domain.Provider;
import dev.billinggateway.domain.RevenueMonsterOptions;

/**
 * RM's rules for Create Recurring Customer (seed 002, provider doc §3.1 and Appendix B), checked before
 * anything is sent: each broken rule is a VALIDATION error naming the GraphQL input field and the rule.
 */
public final class RevenueMonsterRules {

    /** RM's smallest accepted amount ({@code MINIMUM_AMOUNT_REQUIRED}: "Minimum amount should be 10sen"). */
    public static final long MINIMUM_AMOUNT_MINOR = 10;

    public static final String RULE_WEEKLY = "WEEKLY: 0..6";
    public static final String RULE_MONTHLY = "MONTHLY: -1, 0, 1..28";

    private RevenueMonsterRules() {
    }

    /**
     * Checks every rule RM states for a recurring customer; throws VALIDATION naming the GraphQL input field.
     *
     * @param defaultStoreId the configured store, used when the input names none
     */
    public static void validate(CreateSubscriptionInput input, String defaultStoreId) {
        if (input.provider != null && input.provider != Provider.REVENUE_MONSTER) {
            throw GatewayException.validation("input.provider", "REVENUE_MONSTER", "this connector creates Revenue Monster subscriptions only");
        }
        RevenueMonsterOptions options = input.revenueMonster;
        if (options == null) {
            throw GatewayException.validation("input.revenueMonster", "required for REVENUE_MONSTER",
                    "Revenue Monster needs revenueMonster { recurringTarget recurringRepetition redirectUrl }");
        }
        if (input.customer == null || blank(input.customer.email)) {
            throw GatewayException.validation("input.customer.email", "required", "Revenue Monster requires the customer's e-mail");
        }
        if (!input.customer.email.trim().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw GatewayException.validation("input.customer.email", "an e-mail address", "the customer's e-mail is not an e-mail address");
        }
        if (blank(input.customer.name)) {
            throw GatewayException.validation("input.customer.name", "required", "Revenue Monster requires the customer's name");
        }
        if (input.customer.phone == null) {
            throw GatewayException.validation("input.customer.phone", "required",
                    "Revenue Monster requires the customer's phone number (country code and number)");
        }
        if (RevenueMonsterMapping.countryCode(input.customer.phone.countryCode) == null) {
            throw GatewayException.validation("input.customer.phone.countryCode", "1 to 4 digits, e.g. 60",
                    "the phone country code must be digits, e.g. 60 for Malaysia");
        }
        if (RevenueMonsterMapping.phoneNumber(input.customer.phone.number) == null) {
            throw GatewayException.validation("input.customer.phone.number", "4 to 15 digits",
                    "the phone number must be digits without the country code, e.g. 187824152");
        }
        if (blank(input.productName)) {
            throw GatewayException.validation("input.productName", "required", "Revenue Monster requires a product name");
        }
        if (input.amount == null || input.amount.amount == null || input.amount.currency == null) {
            throw GatewayException.validation("input.amount", "required", "the amount is required");
        }
        if (!RevenueMonsterMapping.CURRENCY.equals(input.amount.currency.trim().toUpperCase(Locale.ROOT))) {
            throw GatewayException.validation("input.amount.currency", "MYR only",
                    "Revenue Monster recurring payments are in MYR only");
        }
        BigDecimal amount = input.amount.amount;
        if (amount.stripTrailingZeros().scale() > 2) {
            throw GatewayException.validation("input.amount.amount", "at most 2 decimals", "MYR amounts have at most 2 decimals");
        }
        if (amount.movePointRight(2).compareTo(BigDecimal.valueOf(MINIMUM_AMOUNT_MINOR)) < 0) {
            throw GatewayException.validation("input.amount.amount", ">= 0.10", "Revenue Monster's minimum amount is 0.10 MYR");
        }
        if (input.interval == null || input.interval.unit == null) {
            throw GatewayException.validation("input.interval", "WEEK x1 or MONTH x1", "the interval is required");
        }
        String interval = RevenueMonsterMapping.recurringInterval(BillingInterval.of(input.interval.unit, input.interval.count));
        if (interval == null) {
            throw GatewayException.validation("input.interval", "WEEK x1 or MONTH x1",
                    "Revenue Monster charges weekly or monthly only (interval WEEK or MONTH with count 1)");
        }
        validateTarget(interval, options.recurringTarget);
        if (options.recurringRepetition < 1) {
            throw GatewayException.validation("input.revenueMonster.recurringRepetition", ">= 1",
                    "the number of charges (recurringRepetition) must be at least 1");
        }
        if (!httpUrl(options.redirectUrl)) {
            throw GatewayException.validation("input.revenueMonster.redirectUrl", "absolute http(s) URL",
                    "redirectUrl must be an absolute http or https URL");
        }
        if (options.notifyUrl != null && !httpUrl(options.notifyUrl)) {
            throw GatewayException.validation("input.revenueMonster.notifyUrl", "absolute http(s) URL",
                    "notifyUrl must be an absolute http or https URL");
        }
        String storeId = blank(options.storeId) ? defaultStoreId : options.storeId;
        if (blank(storeId)) {
            throw GatewayException.validation("input.revenueMonster.storeId", "required (no default store configured)",
                    "name the Revenue Monster store, or configure gateway.providers.revenue-monster.store-id");
        }
    }

    /** Appendix B: WEEKLY 0 (Sunday) .. 6 (Saturday); MONTHLY -1 (end), 0 (start), 1..28. */
    static void validateTarget(String interval, String target) {
        String field = "input.revenueMonster.recurringTarget";
        String rule = "WEEKLY".equals(interval) ? RULE_WEEKLY : RULE_MONTHLY;
        Integer value = target == null || !target.matches("-?\\d{1,2}") ? null : Integer.valueOf(target);
        boolean valid = value != null && ("WEEKLY".equals(interval) ? value >= 0 && value <= 6 : value >= -1 && value <= 28);
        if (!valid) {
            throw GatewayException.validation(field, rule, "recurringTarget '" + target + "' is not valid for " + interval
                    + ("WEEKLY".equals(interval) ? ": use 0 (Sunday) to 6 (Saturday)"
                            : ": use -1 (end of month), 0 (start of month) or a day from 1 to 28"));
        }
    }

    static boolean httpUrl(String value) {
        if (blank(value)) {
            return false;
        }
        try {
            URI uri = URI.create(value.trim());
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
