package dev.billinggateway.service;

import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Pattern;

import dev.billinggateway.domain.CreateSubscriptionInput;
import dev.billinggateway.domain.Currencies;
import dev.billinggateway.domain.GatewayException;
import dev.billinggateway.domain.IntervalInput;
import dev.billinggateway.domain.MoneyInput;
import dev.billinggateway.domain.Provider;
import dev.billinggateway.domain.UpdateSubscriptionInput;

/**
 * The rules every provider shares, checked before a provider sees the input. Provider-specific rules
 * are the connector's {@code validateCreate}/{@code validateUpdate}.
 */
final class InputRules {

    /** Deliberately simple: one @, something on each side, a dot in the domain, no spaces. */
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    static final int MAX_TEXT = 255;

    private InputRules() {
    }

    static void create(CreateSubscriptionInput in) {
        require(in.customer != null, "input.customer", "required", "customer is required");
        email("input.customer.email", in.customer.email);
        text("input.customer.name", in.customer.name, false);
        text("input.productName", in.productName, true);
        text("input.productDescription", in.productDescription, false);
        money("input.amount", in.amount);
        interval("input.interval", in.interval);
        options("input.revenueMonster", in.revenueMonster != null, in.provider, Provider.REVENUE_MONSTER);
        options("input.hitpay", in.hitpay != null, in.provider, Provider.HITPAY);
        options("input.monri", in.monri != null, in.provider, Provider.MONRI);
    }

    static void update(UpdateSubscriptionInput in, Provider provider, java.util.Set<String> accepted) {
        Map<String, Object> set = in.setFields();
        if (set.isEmpty()) {
            throw GatewayException.validation("input", "at least one field", "set at least one field to change");
        }
        for (String field : set.keySet()) {
            if (!accepted.contains(field)) {
                throw GatewayException.validation("input." + field, "not accepted by " + provider,
                        provider + " does not accept " + field + " in updateSubscription; it accepts "
                                + (accepted.isEmpty() ? "no fields" : String.join(", ", accepted.stream().sorted().toList())));
            }
        }
        if (in.amount != null) {
            money("input.amount", in.amount);
        }
        if (in.interval != null) {
            interval("input.interval", in.interval);
        }
        if (in.customerEmail != null) {
            email("input.customerEmail", in.customerEmail);
        }
        text("input.productName", in.productName, false);
        text("input.productDescription", in.productDescription, false);
        text("input.customerName", in.customerName, false);
        text("input.redirectUrl", in.redirectUrl, false);
        text("input.reference", in.reference, false);
    }

    static void money(String field, MoneyInput money) {
        require(money.amount != null, field + ".amount", "required", "amount is required");
        require(money.amount.signum() > 0, field + ".amount", "greater than 0", "amount must be greater than 0");
        require(Currencies.isKnown(money.currency), field + ".currency", "ISO 4217 code",
                "currency must be an ISO 4217 code such as MYR, SGD or EUR");
        int digits = Currencies.fractionDigits(money.currency);
        require(money.amount.stripTrailingZeros().scale() <= digits, field + ".amount", "at most " + digits + " decimals",
                "amount has more decimals than " + money.currency.toUpperCase(java.util.Locale.ROOT) + " allows (" + digits + ")");
        require(money.amount.compareTo(new BigDecimal("1000000000")) < 0, field + ".amount", "less than 1000000000",
                "amount is too large");
    }

    static void interval(String field, IntervalInput interval) {
        require(interval.unit != null, field + ".unit", "required", "interval unit is required");
        require(interval.count >= 1 && interval.count <= 999, field + ".count", "1..999", "interval count must be between 1 and 999");
    }

    static void email(String field, String email) {
        require(email != null && email.length() <= MAX_TEXT && EMAIL.matcher(email).matches(), field, "e-mail address",
                field.substring(field.lastIndexOf('.') + 1) + " must be an e-mail address");
    }

    static void text(String field, String value, boolean required) {
        if (value == null) {
            require(!required, field, "required", field.substring(field.lastIndexOf('.') + 1) + " is required");
            return;
        }
        require(!required || !value.isBlank(), field, "not blank", field.substring(field.lastIndexOf('.') + 1) + " must not be blank");
        require(value.length() <= MAX_TEXT, field, "at most " + MAX_TEXT + " characters",
                field.substring(field.lastIndexOf('.') + 1) + " must be at most " + MAX_TEXT + " characters");
    }

    static GatewayException tooLong(String field) {
        return GatewayException.validation(field, "at most " + MAX_TEXT + " characters",
                field.substring(field.lastIndexOf('.') + 1) + " must be at most " + MAX_TEXT + " characters");
    }

    /**
     * Whether an id can go into a provider's URL path as one segment: REST clients percent-encode {@code /} but not
     * the dot segments {@code .} and {@code ..}, which a server resolves ({@code /v2/customers/..} is {@code /v2/});
     * {@code \} and {@code %} are refused too, as some servers treat them as separators or decode twice.
     */
    static boolean pathSegment(String id) {
        return !id.equals(".") && !id.equals("..") && id.indexOf('/') < 0 && id.indexOf('\\') < 0 && id.indexOf('%') < 0;
    }

    private static void options(String field, boolean present, Provider provider, Provider owner) {
        require(!present || provider == owner, field, "only with provider " + owner,
                field.substring(field.lastIndexOf('.') + 1) + " options apply only to " + owner);
    }

    static void require(boolean ok, String field, String rule, String message) {
        if (!ok) {
            throw GatewayException.validation(field, rule, message);
        }
    }
}
