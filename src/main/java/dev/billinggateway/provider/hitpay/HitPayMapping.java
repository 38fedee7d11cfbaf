package dev.billinggateway.provider.hitpay;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import dev.billinggateway.connector.ProviderTimestamps;
import dev.billinggateway.domain.BillingInterval;
import dev.billinggateway.domain.CreateSubscriptionInput;
import dev.billinggateway.domain.Currencies;
import dev.billinggateway.domain.Customer;
import dev.billinggateway.domain.CustomerField;
import dev.billinggateway.domain.HitPayOptions;
import dev.billinggateway.domain.IntervalInput;
import dev.billinggateway.domain.IntervalUnit;
import dev.billinggateway.domain.Money;
import dev.billinggateway.domain.PaymentMethod;
import dev.billinggateway.domain.PhoneNumber;
import dev.billinggateway.domain.Provider;
import dev.billinggateway.domain.Subscription;
import dev.billinggateway.domain.SubscriptionStatus;
import dev.billinggateway.domain.UpdateSubscriptionInput;
import dev.billinggateway.provider.hitpay.dto.CreateRecurringBillingRequest;
import dev.billinggateway.provider.hitpay.dto.RecurringBilling;
import dev.billinggateway.provider.hitpay.dto.UpdateRecurringBillingRequest;

/** HitPay's recurring billing ↔ the unified model. No HTTP here. */
public final class HitPayMapping {

    /** HitPay's dates (start_date, and timestamps without an offset) are Singapore time. */
    public static final ZoneId SGT = ZoneId.of("Asia/Singapore");

    /** The statuses {@code GET /v1/recurring-billing?status=} accepts; without one it lists only {@code active}. */
    public static final List<String> LISTABLE_STATUSES = List.of("active", "scheduled", "retrying", "inactive", "canceled");

    private HitPayMapping() {
    }

    /**
     * The customer fields a billing carries: the e-mail, and the name on the billing (a customer read takes the
     * name of the customer's most recently updated billing that has one; they differ only when the customer's
     * billings name them differently).
     */
    public static final Set<CustomerField> CARRIED = Set.of(CustomerField.EMAIL, CustomerField.NAME);

    public static SubscriptionStatus status(String hitpayStatus) {
        if (hitpayStatus == null) {
            return SubscriptionStatus.PENDING;
        }
        return switch (hitpayStatus.toLowerCase(Locale.ROOT)) {
            case "active" -> SubscriptionStatus.ACTIVE;
            case "retrying" -> SubscriptionStatus.PAST_DUE;
            case "inactive" -> SubscriptionStatus.INACTIVE;
            case "canceled", "cancelled" -> SubscriptionStatus.CANCELED;
            case "completed" -> SubscriptionStatus.ENDED;
            // scheduled, and anything HitPay adds later: pending until HitPay says otherwise
            default -> SubscriptionStatus.PENDING;
        };
    }

    /** The list filter for a unified status; null when HitPay's filter has no such value (ENDED). */
    public static String statusFilter(SubscriptionStatus status) {
        return switch (status) {
            case PENDING -> "scheduled";
            case ACTIVE -> "active";
            case PAST_DUE -> "retrying";
            case INACTIVE -> "inactive";
            case CANCELED -> "canceled";
            case ENDED -> null;
        };
    }

    /** HitPay's cycle fields for a unified interval. */
    public record Cycle(String cycle, String frequency, Integer repeat) {

        public static Cycle of(IntervalUnit unit, int count) {
            if (count == 1) {
                switch (unit) {
                    case WEEK:
                        return new Cycle("weekly", null, null);
                    case MONTH:
                        return new Cycle("monthly", null, null);
                    case YEAR:
                        return new Cycle("yearly", null, null);
                    default:
                        break;
                }
            }
            return new Cycle("custom", unit.name().toLowerCase(Locale.ROOT), count);
        }
    }

    /**
     * The unified interval of a billing. A save-card billing ({@code cycle: save_card}) has no cycle: it is
     * charged on demand, shown as {@code MONTH × 0}.
     */
    public static BillingInterval interval(RecurringBilling billing) {
        String cycle = billing.cycle() == null ? "" : billing.cycle().toLowerCase(Locale.ROOT);
        switch (cycle) {
            case "weekly":
                return BillingInterval.of(IntervalUnit.WEEK, 1);
            case "monthly":
                return BillingInterval.of(IntervalUnit.MONTH, 1);
            case "yearly":
                return BillingInterval.of(IntervalUnit.YEAR, 1);
            case "custom":
                IntervalUnit unit = unit(billing.cycleFrequency());
                if (unit != null && billing.cycleRepeat() != null) {
                    return BillingInterval.of(unit, billing.cycleRepeat());
                }
                return BillingInterval.of(IntervalUnit.MONTH, 0);
            default:
                return BillingInterval.of(IntervalUnit.MONTH, 0);
        }
    }

    private static IntervalUnit unit(String frequency) {
        if (frequency == null) {
            return null;
        }
        return switch (frequency.toLowerCase(Locale.ROOT)) {
            case "day" -> IntervalUnit.DAY;
            case "week" -> IntervalUnit.WEEK;
            case "month" -> IntervalUnit.MONTH;
            case "year" -> IntervalUnit.YEAR;
            default -> null;
        };
    }

    public static Money money(RecurringBilling billing) {
        String currency = billing.currency() == null ? "SGD" : billing.currency().toUpperCase(Locale.ROOT);
        BigDecimal amount = billing.amount() != null ? billing.amount() : billing.price() != null ? billing.price() : BigDecimal.ZERO;
        if (Currencies.isKnown(currency)) {
            int digits = Currencies.fractionDigits(currency);
            if (amount.scale() <= digits) {
                amount = amount.setScale(digits, RoundingMode.UNNECESSARY); // 12.9 → 12.90
            }
        }
        return new Money(amount, currency);
    }

    public static Subscription subscription(RecurringBilling billing) {
        return new Subscription(
                Provider.HITPAY,
                billing.id(),
                billing.customerEmail(),
                billing.name(),
                billing.description(),
                money(billing),
                interval(billing),
                status(billing.status()),
                billing.status(),
                null,
                date(billing.startDate()),
                null,
                null,
                billing.timesCharged(),
                billing.timesToBeCharged(),
                billing.url(),
                timestamp(billing.createdAt()),
                timestamp(billing.updatedAt()),
                carriedCustomer(billing));
    }

    /** What a billing states of its customer: the e-mail (HitPay's customer identity) and the name. See {@link #CARRIED}. */
    static Customer carriedCustomer(RecurringBilling billing) {
        if (billing.customerEmail() == null) {
            return null;
        }
        return new Customer(Provider.HITPAY, billing.customerEmail(), billing.customerEmail(),
                present(billing.customerName()) ? billing.customerName() : null, null, false, null, null, null);
    }

    /**
     * A customer from the billings carrying its e-mail: name and phone from the most recently updated one
     * that has them, active while one of them is active or retrying, card of the latest one with a saved card.
     */
    public static Customer customer(String email, List<RecurringBilling> billings) {
        List<RecurringBilling> newestFirst = billings.stream()
                .sorted(Comparator.comparing((RecurringBilling b) -> Objects.requireNonNullElse(b.updatedAt(), "")).reversed())
                .toList();
        String name = newestFirst.stream().map(RecurringBilling::customerName).filter(HitPayMapping::present).findFirst().orElse(null);
        PhoneNumber phone = newestFirst.stream().filter(b -> present(b.customerPhoneNumber()))
                .map(b -> new PhoneNumber(Objects.requireNonNullElse(b.customerPhoneCountryCode(), ""), b.customerPhoneNumber()))
                .findFirst().orElse(null);
        boolean active = billings.stream().map(b -> status(b.status()))
                .anyMatch(s -> s == SubscriptionStatus.ACTIVE || s == SubscriptionStatus.PAST_DUE);
        PaymentMethod card = newestFirst.stream()
                .filter(b -> b.paymentMethod() != null && b.paymentMethod().card() != null)
                .map(b -> new PaymentMethod(null, b.paymentMethod().card().brand(), b.paymentMethod().card().last4()))
                .findFirst().orElse(null);
        OffsetDateTime createdAt = billings.stream().map(b -> timestamp(b.createdAt())).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(null);
        OffsetDateTime updatedAt = billings.stream().map(b -> timestamp(b.updatedAt())).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
        return new Customer(Provider.HITPAY, email, email, name, phone, active, card, createdAt, updatedAt);
    }

    public static CreateRecurringBillingRequest createRequest(CreateSubscriptionInput input, LocalDate today, String webhookUrl) {
        HitPayOptions options = input.hitpay != null ? input.hitpay : new HitPayOptions();
        boolean withPlan = present(options.planId);
        // with a plan, HitPay takes cycle and amount from the plan
        Cycle cycle = withPlan ? null : Cycle.of(input.interval.unit, input.interval.count);
        LocalDate startDate = options.startDate != null ? options.startDate : today;
        return new CreateRecurringBillingRequest(
                withPlan ? options.planId.trim() : null,
                input.customer.email.trim(),
                input.customer.name,
                input.productName,
                input.productDescription,
                cycle == null ? null : cycle.cycle(),
                cycle == null ? null : cycle.frequency(),
                cycle == null ? null : cycle.repeat(),
                withPlan ? null : input.amount.amount,
                withPlan ? null : input.amount.currency.toUpperCase(Locale.ROOT),
                startDate.toString(),
                options.timesToBeCharged,
                options.redirectUrl,
                options.reference,
                options.paymentMethods == null || options.paymentMethods.isEmpty() ? null : List.copyOf(options.paymentMethods),
                options.sendEmail == null ? null : options.sendEmail.toString(),
                webhookUrl);
    }

    public static UpdateRecurringBillingRequest updateRequest(UpdateSubscriptionInput input) {
        IntervalInput interval = input.interval;
        Cycle cycle = interval == null ? null : Cycle.of(interval.unit, interval.count);
        return new UpdateRecurringBillingRequest(
                input.amount == null ? null : input.amount.amount,
                input.productName,
                input.productDescription,
                cycle == null ? null : cycle.cycle(),
                cycle == null ? null : cycle.frequency(),
                cycle == null ? null : cycle.repeat(),
                input.customerEmail == null ? null : input.customerEmail.trim(),
                input.customerName,
                input.startDate == null ? null : input.startDate.toString(),
                input.redirectUrl,
                input.reference);
    }

    /** {@code 2022-09-13T16:33:47} (no offset: Singapore time), or with an offset, or Laravel's space form. */
    static OffsetDateTime timestamp(String text) {
        return ProviderTimestamps.parse(text, SGT);
    }

    static LocalDate date(String text) {
        if (!present(text) || text.trim().length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim().substring(0, 10));
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }

    static boolean present(String text) {
        return text != null && !text.isBlank();
    }
}
