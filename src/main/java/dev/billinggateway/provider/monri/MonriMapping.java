package dev.billinggateway.provider.monri;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import dev.billinggateway.connector.ProviderTimestamps;
import dev.billinggateway.domain.BillingInterval;
import dev.billinggateway.domain.Customer;
import dev.billinggateway.domain.IntervalUnit;
import dev.billinggateway.domain.Money;
import dev.billinggateway.domain.PhoneNumber;
import dev.billinggateway.domain.Provider;
import dev.billinggateway.domain.Subscription;
import dev.billinggateway.domain.SubscriptionStatus;
import dev.billinggateway.provider.monri.dto.MonriJson;

/** Monri's objects to the unified model and back (Hyperswitch-style transformers): no I/O here. */
final class MonriMapping {

    private MonriMapping() {
    }

    /** Monri's timestamps carry no documented format; local ones are read in Monri's calendar. */
    private static final ZoneId MONRI_ZONE = ZoneId.of("Europe/Zagreb");

    // --- customers

    static Customer customer(MonriJson.Customer c) {
        return new Customer(
                Provider.MONRI,
                c.uuid(),
                c.email(),
                c.name(),
                phone(c.phone()),
                !Boolean.TRUE.equals(c.deleted()),
                null, // saved cards live at /v2/customers/:uuid/payment-methods; not read here
                instant(c.createdAt()),
                instant(c.updatedAt()));
    }

    /** Monri keeps one phone text: the gateway writes it as "{countryCode} {number}". */
    static String phoneText(String countryCode, String number) {
        return (countryCode.trim() + " " + number.trim()).trim();
    }

    static PhoneNumber phone(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        int space = t.indexOf(' ');
        if (t.startsWith("+") && space > 0) {
            return new PhoneNumber(t.substring(0, space), t.substring(space + 1).trim());
        }
        return new PhoneNumber("", t);
    }

    // --- plans

    /** Monri plan periods: day, week, month, half_year, year. */
    static BillingInterval interval(String period) {
        if (period == null) {
            return null;
        }
        return switch (period) {
            case "day" -> BillingInterval.of(IntervalUnit.DAY, 1);
            case "week" -> BillingInterval.of(IntervalUnit.WEEK, 1);
            case "month" -> BillingInterval.of(IntervalUnit.MONTH, 1);
            case "half_year" -> BillingInterval.of(IntervalUnit.MONTH, 6);
            case "year" -> BillingInterval.of(IntervalUnit.YEAR, 1);
            default -> null;
        };
    }

    /** The Monri period for an interval, or null when Monri has none for it. */
    static String period(IntervalUnit unit, int count) {
        if (unit == null) {
            return null;
        }
        if (count == 1) {
            return unit.name().toLowerCase(Locale.ROOT);
        }
        return unit == IntervalUnit.MONTH && count == 6 ? "half_year" : null;
    }

    static Money price(MonriJson.Plan plan) {
        return plan.price() == null || plan.currency() == null ? null : Money.ofMinor(plan.price(), plan.currency());
    }

    // --- customer subscriptions

    static Subscription subscription(MonriJson.CustomerSubscription cs, MonriJson.Plan plan, LocalDate today) {
        LocalDate activeFrom = date(cs.activeFrom());
        LocalDate activeTo = date(cs.activeTo());
        return new Subscription(
                Provider.MONRI,
                String.valueOf(cs.id()),
                cs.customerId() == null ? null : String.valueOf(cs.customerId()),
                plan.name(),
                plan.description(),
                price(plan),
                interval(plan.period()),
                status(activeFrom, activeTo, today),
                null, // Monri's "status" is the request outcome, not a subscription state
                date(cs.nextChargeDate()),
                activeFrom,
                activeFrom,
                activeTo,
                null,
                null,
                null,
                null,
                null);
    }

    /**
     * The subscription after a change of dates: Monri's answer where it gives them, else the current values;
     * plan fields stay as they are (a date change does not touch the plan).
     *
     * @param changed Monri's answer to the update, or null when nothing was sent
     */
    static Subscription withDates(Subscription current, MonriJson.CustomerSubscription changed, LocalDate today) {
        LocalDate activeFrom = current.activeFrom();
        LocalDate activeTo = current.activeTo();
        LocalDate next = current.nextChargeDate();
        String customerId = current.providerCustomerId();
        if (changed != null) {
            activeFrom = or(date(changed.activeFrom()), activeFrom);
            activeTo = or(date(changed.activeTo()), activeTo);
            next = or(date(changed.nextChargeDate()), next);
            customerId = changed.customerId() == null ? customerId : String.valueOf(changed.customerId());
        }
        return new Subscription(Provider.MONRI, current.providerSubscriptionId(), customerId, current.productName(),
                current.productDescription(), current.amount(), current.interval(), status(activeFrom, activeTo, today), null,
                next, activeFrom, activeFrom, activeTo, null, null, null, null, null);
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }

    /**
     * Monri reports no lifecycle status, so it is derived from the dates in Monri's calendar: before
     * {@code active_from} PENDING, from {@code active_from} through {@code active_to} ACTIVE, after it ENDED.
     */
    static SubscriptionStatus status(LocalDate activeFrom, LocalDate activeTo, LocalDate today) {
        if (activeFrom != null && today.isBefore(activeFrom)) {
            return SubscriptionStatus.PENDING;
        }
        if (activeTo != null && today.isAfter(activeTo)) {
            return SubscriptionStatus.ENDED;
        }
        return SubscriptionStatus.ACTIVE;
    }

    static String dateText(LocalDate date) {
        return date == null ? null : date.toString(); // ISO: YYYY-MM-DD, as Monri wants
    }

    static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static OffsetDateTime instant(String text) {
        return ProviderTimestamps.parse(text, MONRI_ZONE);
    }
}
