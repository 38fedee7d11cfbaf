package dev.billinggateway.provider.revenuemonster;

import java.math.BigDecimal;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

import dev.billinggateway.domain.BillingInterval;
import dev.billinggateway.domain.CreateSubscriptionInput;
import dev.billinggateway.domain.Customer;
import dev.billinggateway.domain.GatewayException;
import dev.billinggateway.domain.IntervalUnit;
import dev.billinggateway.domain.Money;
import dev.billinggateway.domain.PaymentMethod;
import dev.billinggateway.domain.PhoneNumber;
import dev.billinggateway.domain.Provider;
import dev.billinggateway.domain.RevenueMonsterOptions;
import dev.billinggateway.domain.Subscription;
import dev.billinggateway.domain.SubscriptionStatus;
import dev.billinggateway.provider.revenuemonster.dto.CreateRecurringCustomerRequest;
import dev.billinggateway.provider.revenuemonster.dto.RecurringCustomer;
import dev.billinggateway.provider.revenuemonster.dto.RecurringPayment;

/**
 * Revenue Monster's objects ↔ the unified model, and RM's rules for Create Recurring Customer (seed 002,
 * provider doc §3.1 and Appendix B), checked before anything is sent. No HTTP here.
 */
public final class RevenueMonsterMapping {

    public static final String CURRENCY = "MYR";
    /** RM's schedule runs on Malaysian dates. */
    public static final ZoneId RM_ZONE = ZoneId.of("Asia/Kuala_Lumpur");
    /** RM's smallest accepted amount ({@code MINIMUM_AMOUNT_REQUIRED}: "Minimum amount should be 10sen"). */
    public static final long MINIMUM_AMOUNT_MINOR = 10;

    public static final String RULE_WEEKLY = "WEEKLY: 0..6";
    public static final String RULE_MONTHLY = "MONTHLY: -1, 0, 1..28";

    private RevenueMonsterMapping() {
    }

    // --- create: validation and request

    /** The RM interval for a unified interval; only one week and one month exist at RM. */
    static String recurringInterval(BillingInterval interval) {
        if (interval.count() == 1 && interval.unit() == IntervalUnit.WEEK) {
            return "WEEKLY";
        }
        if (interval.count() == 1 && interval.unit() == IntervalUnit.MONTH) {
            return "MONTHLY";
        }
        return null;
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
        if (countryCode(input.customer.phone.countryCode) == null) {
            throw GatewayException.validation("input.customer.phone.countryCode", "1 to 4 digits, e.g. 60",
                    "the phone country code must be digits, e.g. 60 for Malaysia");
        }
        if (phoneNumber(input.customer.phone.number) == null) {
            throw GatewayException.validation("input.customer.phone.number", "4 to 15 digits",
                    "the phone number must be digits without the country code, e.g. 187824152");
        }
        if (blank(input.productName)) {
            throw GatewayException.validation("input.productName", "required", "Revenue Monster requires a product name");
        }
        if (input.amount == null || input.amount.amount == null || input.amount.currency == null) {
            throw GatewayException.validation("input.amount", "required", "the amount is required");
        }
        if (!CURRENCY.equals(input.amount.currency.trim().toUpperCase(Locale.ROOT))) {
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
        String interval = recurringInterval(BillingInterval.of(input.interval.unit, input.interval.count));
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

    /** The request body; call {@link #validate} first. */
    public static CreateRecurringCustomerRequest toRequest(CreateSubscriptionInput input, String defaultStoreId, String defaultNotifyUrl) {
        RevenueMonsterOptions options = input.revenueMonster;
        String interval = recurringInterval(BillingInterval.of(input.interval.unit, input.interval.count));
        String description = blank(input.productDescription) ? input.productName.trim() : input.productDescription.trim();
        return new CreateRecurringCustomerRequest(
                blank(options.storeId) ? defaultStoreId : options.storeId.trim(),
                input.customer.email.trim(),
                input.customer.name.trim(),
                countryCode(input.customer.phone.countryCode),
                phoneNumber(input.customer.phone.number),
                input.productName.trim(),
                description,
                CURRENCY,
                new Money(input.amount.amount, CURRENCY).toMinor(),
                options.redirectUrl.trim(),
                options.notifyUrl == null ? defaultNotifyUrl : options.notifyUrl.trim(),
                interval,
                Integer.valueOf(options.recurringTarget).toString(),
                options.recurringRepetition);
    }

    private static String countryCode(String value) {
        if (value == null) {
            return null;
        }
        String digits = value.trim().replaceFirst("^\\+", "");
        return digits.matches("\\d{1,4}") ? digits : null;
    }

    private static String phoneNumber(String value) {
        if (value == null) {
            return null;
        }
        String digits = value.trim().replaceAll("[\\s-]", "");
        return digits.matches("\\d{4,15}") ? digits : null;
    }

    private static boolean httpUrl(String value) {
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

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    // --- RM objects → unified model

    public static Customer toCustomer(RecurringCustomer rm) {
        PhoneNumber phone = blank(rm.countryCode()) || blank(rm.phoneNumber()) ? null : new PhoneNumber(rm.countryCode(), rm.phoneNumber());
        return new Customer(Provider.REVENUE_MONSTER, rm.id(), emptyToNull(rm.email()), emptyToNull(rm.name()), phone,
                Boolean.TRUE.equals(rm.isActive()), paymentMethod(rm.label()), time(rm.createdAt()), time(rm.updatedAt()));
    }

    /** A card label is "front six and last four digits", e.g. 411111******1111. */
    static PaymentMethod paymentMethod(String label) {
        if (blank(label)) {
            return null;
        }
        String digits = label.replaceAll("\\D", "");
        String last4 = label.matches(".*\\d{4}$") ? label.substring(label.length() - 4) : null;
        String brand = null;
        if (!digits.isEmpty()) {
            char first = digits.charAt(0);
            brand = first == '4' ? "VISA" : first == '5' || first == '2' ? "MASTERCARD" : first == '3' ? "AMEX" : null;
        }
        return new PaymentMethod(label, brand, last4);
    }

    /**
     * The customer's schedule as a subscription (one per recurring customer; the customer ID is its ID).
     *
     * @param timesCharged successful charges so far, or null when unknown
     * @param today        today's date in Malaysia, for the next charge date
     */
    public static Subscription toSubscription(RecurringCustomer rm, Integer timesCharged, LocalDate today) {
        RecurringPayment schedule = rm.schedule();
        if (schedule == null) {
            throw GatewayException.notFound("Revenue Monster customer " + rm.id() + " has no recurring payment (tokenized customer)");
        }
        String currency = blank(schedule.currency()) ? CURRENCY : schedule.currency();
        Money amount = Money.ofMinor(schedule.amount() == null ? 0 : schedule.amount(), currency);
        BillingInterval interval = interval(schedule.recurringInterval());
        boolean active = Boolean.TRUE.equals(rm.isActive());
        Integer total = schedule.recurringRepetition();
        SubscriptionStatus status = status(rm, timesCharged);
        LocalDate next = status == SubscriptionStatus.ACTIVE ? nextChargeDate(schedule.recurringInterval(), schedule.recurringTarget(), today) : null;
        OffsetDateTime created = time(rm.createdAt());
        return new Subscription(Provider.REVENUE_MONSTER, rm.id(), rm.id(), emptyToNull(schedule.productName()),
                emptyToNull(schedule.productDescription()), amount, interval, status, "isActive=" + active, next,
                created == null ? null : created.atZoneSameInstant(RM_ZONE).toLocalDate(), null, null, timesCharged, total,
                emptyToNull(rm.paymentUrl()), created, time(rm.updatedAt()), toCustomer(rm));
    }

    /**
     * RM has only {@code isActive}: false until a card is bound (PENDING), true while charging (ACTIVE,
     * ENDED once every planned charge was made), false again after a deactivation (INACTIVE, card still bound).
     */
    static SubscriptionStatus status(RecurringCustomer rm, Integer timesCharged) {
        boolean active = Boolean.TRUE.equals(rm.isActive());
        boolean cardBound = !blank(rm.label());
        RecurringPayment schedule = rm.schedule();
        Integer total = schedule == null ? null : schedule.recurringRepetition();
        if (timesCharged != null && total != null && total > 0 && timesCharged >= total) {
            return SubscriptionStatus.ENDED;
        }
        if (active) {
            return SubscriptionStatus.ACTIVE;
        }
        return cardBound ? SubscriptionStatus.INACTIVE : SubscriptionStatus.PENDING;
    }

    static BillingInterval interval(String recurringInterval) {
        String value = recurringInterval == null ? "" : recurringInterval.toUpperCase(Locale.ROOT);
        return switch (value) {
            case "WEEKLY" -> BillingInterval.of(IntervalUnit.WEEK, 1);
            case "DAILY" -> BillingInterval.of(IntervalUnit.DAY, 1);
            default -> BillingInterval.of(IntervalUnit.MONTH, 1);
        };
    }

    /** The next scheduled day strictly after today (RM charges at the start of the day, Malaysian time). */
    static LocalDate nextChargeDate(String recurringInterval, String recurringTarget, LocalDate today) {
        int target;
        try {
            target = Integer.parseInt(recurringTarget == null ? "" : recurringTarget.trim());
        } catch (NumberFormatException e) {
            return null;
        }
        String interval = recurringInterval == null ? "" : recurringInterval.toUpperCase(Locale.ROOT);
        LocalDate from = today.plusDays(1);
        if ("WEEKLY".equals(interval) && target >= 0 && target <= 6) {
            DayOfWeek day = target == 0 ? DayOfWeek.SUNDAY : DayOfWeek.of(target);
            return from.with(TemporalAdjusters.nextOrSame(day));
        }
        if ("MONTHLY".equals(interval)) {
            if (target == -1) {
                LocalDate end = from.with(TemporalAdjusters.lastDayOfMonth());
                return end;
            }
            int day = target == 0 ? 1 : target;
            if (day < 1 || day > 28) {
                return null;
            }
            LocalDate candidate = from.withDayOfMonth(day);
            return candidate.isBefore(from) ? candidate.plusMonths(1) : candidate;
        }
        if ("DAILY".equals(interval)) {
            return from;
        }
        return null;
    }

    static OffsetDateTime time(String rfc3339) {
        if (blank(rfc3339)) {
            return null;
        }
        try {
            return OffsetDateTime.parse(rfc3339);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String emptyToNull(String value) {
        return blank(value) ? null : value;
    }
}
