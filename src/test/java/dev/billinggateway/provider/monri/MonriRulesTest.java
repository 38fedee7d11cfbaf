package dev.billinggateway.provider.monri;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import dev.billinggateway.domain.BillingInterval;
import dev.billinggateway.domain.CreateSubscriptionInput;
import dev.billinggateway.domain.CustomerInput;
import dev.billinggateway.domain.ErrorCode;
import dev.billinggateway.domain.GatewayException;
import dev.billinggateway.domain.IntervalInput;
import dev.billinggateway.domain.IntervalUnit;
import dev.billinggateway.domain.Money;
import dev.billinggateway.domain.MoneyInput;
import dev.billinggateway.domain.MonriOptions;
import dev.billinggateway.domain.PhoneInput;
import dev.billinggateway.domain.Provider;
import dev.billinggateway.domain.Subscription;
import dev.billinggateway.domain.SubscriptionStatus;
import dev.billinggateway.domain.UpdateSubscriptionInput;

/** Monri's input rules and the mapping of its objects, without I/O. */
class MonriRulesTest {

    static final LocalDate FROM = LocalDate.of(2023, 2, 12);
    static final LocalDate NEXT = LocalDate.of(2023, 2, 13);
    static final LocalDate TO = LocalDate.of(2023, 3, 12);

    static CreateSubscriptionInput create() {
        CreateSubscriptionInput in = new CreateSubscriptionInput();
        in.provider = Provider.MONRI;
        in.customer = new CustomerInput();
        in.customer.email = "Jana.Novak@example.com";
        in.customer.name = "Jana Novak";
        in.productName = "Gold weekly";
        in.amount = new MoneyInput(new BigDecimal("12.90"), "EUR");
        in.interval = new IntervalInput(IntervalUnit.WEEK, 1);
        in.monri = new MonriOptions();
        in.monri.activeFrom = FROM;
        in.monri.nextChargeDate = NEXT;
        in.monri.activeTo = TO;
        return in;
    }

    static Subscription current() {
        return new Subscription(Provider.MONRI, "54", "uuid-1", "Plan", null, Money.ofMinor(1000, "EUR"),
                BillingInterval.of(IntervalUnit.MONTH, 1), SubscriptionStatus.ACTIVE, null, NEXT, FROM, FROM, TO,
                null, null, null, null, null);
    }

    static void assertValidation(Runnable call, String field, String rule) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(GatewayException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION);
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.rule()).isEqualTo(rule);
        });
    }

    @Test
    void validCreatePasses() {
        MonriRules.validateCreate(create());
    }

    @Test
    void createDateRules() {
        CreateSubscriptionInput in = create();
        in.monri.nextChargeDate = FROM;
        assertValidation(() -> MonriRules.validateCreate(in), "input.monri.nextChargeDate", "nextChargeDate after activeFrom");
        in.monri.nextChargeDate = TO;
        assertValidation(() -> MonriRules.validateCreate(in), "input.monri.activeTo", "nextChargeDate before activeTo");
        in.monri.nextChargeDate = NEXT;
        in.monri.activeTo = FROM;
        assertValidation(() -> MonriRules.validateCreate(in), "input.monri.activeTo", "activeFrom before activeTo");
        in.monri = null;
        assertValidation(() -> MonriRules.validateCreate(in), "input.monri", "required for MONRI");
    }

    @Test
    void createFieldRules() {
        CreateSubscriptionInput in = create();
        in.interval = new IntervalInput(IntervalUnit.MONTH, 2);
        assertValidation(() -> MonriRules.validateCreate(in), "input.interval", MonriRules.INTERVAL_RULE);
        in.interval = new IntervalInput(IntervalUnit.MONTH, 6);
        MonriRules.validateCreate(in); // half_year

        in.amount = new MoneyInput(new BigDecimal("12.901"), "EUR");
        assertValidation(() -> MonriRules.validateCreate(in), "input.amount.amount", "at most 2 decimals for EUR");
        in.amount = new MoneyInput(BigDecimal.ZERO, "EUR");
        assertValidation(() -> MonriRules.validateCreate(in), "input.amount.amount", "greater than 0");
        in.amount = new MoneyInput(BigDecimal.TEN, "EURO");
        assertValidation(() -> MonriRules.validateCreate(in), "input.amount.currency", "an ISO 4217 currency code");
        in.amount = new MoneyInput(BigDecimal.TEN, "bam");
        MonriRules.validateCreate(in);

        in.monri.planId = "abc";
        assertValidation(() -> MonriRules.validateCreate(in), "input.monri.planId", "a Monri plan id (digits)");
        in.monri.planId = "597";
        in.customer.email = "not-an-email";
        assertValidation(() -> MonriRules.validateCreate(in), "input.customer.email", "an e-mail address of at most 100 characters");
        in.customer.email = "a@b.hr";
        in.customer.name = "x".repeat(51);
        assertValidation(() -> MonriRules.validateCreate(in), "input.customer.name", "1..50 characters");
        in.customer.name = null;
        in.customer.phone = new PhoneInput();
        in.customer.phone.countryCode = "+385";
        in.customer.phone.number = "9".repeat(26);
        assertValidation(() -> MonriRules.validateCreate(in), "input.customer.phone", "\"{countryCode} {number}\": 1..30 characters");
        in.customer.phone.number = "9".repeat(25);
        MonriRules.validateCreate(in);
        in.productName = " ";
        assertValidation(() -> MonriRules.validateCreate(in), "input.productName", "1..255 characters");
    }

    @Test
    void updateTakesUnchangedDatesFromTheCurrentSubscription() {
        UpdateSubscriptionInput in = new UpdateSubscriptionInput();
        in.nextChargeDate = LocalDate.of(2023, 3, 1);
        assertThat(MonriRules.validateUpdate(current(), in))
                .isEqualTo(new MonriRules.Dates(FROM, LocalDate.of(2023, 3, 1), TO));

        UpdateSubscriptionInput late = new UpdateSubscriptionInput();
        late.nextChargeDate = TO;
        assertValidation(() -> MonriRules.validateUpdate(current(), late), "input.nextChargeDate", "nextChargeDate before activeTo");

        UpdateSubscriptionInput early = new UpdateSubscriptionInput();
        early.nextChargeDate = FROM;
        assertValidation(() -> MonriRules.validateUpdate(current(), early), "input.nextChargeDate", "nextChargeDate after activeFrom");

        UpdateSubscriptionInput from = new UpdateSubscriptionInput();
        from.activeFrom = NEXT; // next charge must stay after it
        assertValidation(() -> MonriRules.validateUpdate(current(), from), "input.activeFrom", "nextChargeDate after activeFrom");

        UpdateSubscriptionInput to = new UpdateSubscriptionInput();
        to.activeTo = NEXT; // next charge must stay before it
        assertValidation(() -> MonriRules.validateUpdate(current(), to), "input.activeTo", "nextChargeDate before activeTo");

        UpdateSubscriptionInput crossed = new UpdateSubscriptionInput();
        crossed.activeFrom = LocalDate.of(2023, 4, 1);
        crossed.activeTo = LocalDate.of(2023, 3, 31);
        assertValidation(() -> MonriRules.validateUpdate(current(), crossed), "input.activeTo", "activeFrom before activeTo");
    }

    @Test
    void updateRefusesFieldsMonriDoesNotTakeAndEmptyChanges() {
        UpdateSubscriptionInput amount = new UpdateSubscriptionInput();
        amount.amount = new MoneyInput(BigDecimal.ONE, "EUR");
        assertValidation(() -> MonriRules.validateUpdate(current(), amount), "input.amount",
                "Monri accepts only nextChargeDate, activeFrom, activeTo");
        assertValidation(() -> MonriRules.validateUpdate(current(), new UpdateSubscriptionInput()), "input",
                "at least one of nextChargeDate, activeFrom, activeTo");
    }

    @Test
    void cancelEndsAsSoonAsTheDateRulesAllow() {
        // next charge already past: ends today
        assertThat(MonriRules.cancelEnd(current(), LocalDate.of(2023, 2, 20))).isEqualTo(LocalDate.of(2023, 2, 20));
        // next charge today or later: the day after it
        assertThat(MonriRules.cancelEnd(current(), FROM)).isEqualTo(NEXT.plusDays(1));
        // already ended, or ending by then: nothing to send
        assertThat(MonriRules.cancelEnd(current(), TO.plusDays(1))).isNull();
        assertThat(MonriRules.cancelEnd(current(), TO)).isNull();
    }

    @Test
    void statusIsDerivedFromTheDates() {
        assertThat(MonriMapping.status(FROM, TO, FROM.minusDays(1))).isEqualTo(SubscriptionStatus.PENDING);
        assertThat(MonriMapping.status(FROM, TO, FROM)).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(MonriMapping.status(FROM, TO, TO)).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(MonriMapping.status(FROM, TO, TO.plusDays(1))).isEqualTo(SubscriptionStatus.ENDED);
    }

    @Test
    void periodsMapBothWays() {
        for (String period : new String[] { "day", "week", "month", "half_year", "year" }) {
            BillingInterval interval = MonriMapping.interval(period);
            assertThat(MonriMapping.period(interval.unit(), interval.count())).isEqualTo(period);
        }
        assertThat(MonriMapping.interval("half_year")).isEqualTo(BillingInterval.of(IntervalUnit.MONTH, 6));
        assertThat(MonriMapping.period(IntervalUnit.WEEK, 2)).isNull();
    }

    @Test
    void phoneTextRoundTrips() {
        assertThat(MonriMapping.phoneText("+385", "911234567")).isEqualTo("+385 911234567");
        assertThat(MonriMapping.phone("+385 911234567")).isEqualTo(new dev.billinggateway.domain.PhoneNumber("+385", "911234567"));
        assertThat(MonriMapping.phone("0911234567")).isEqualTo(new dev.billinggateway.domain.PhoneNumber("", "0911234567"));
        assertThat(MonriMapping.phone(null)).isNull();
    }

    @Test
    void timestampsInMonriFormatsAreRead() {
        assertThat(MonriMapping.instant("2023-02-12T10:00:00+01:00")).hasToString("2023-02-12T10:00+01:00");
        assertThat(MonriMapping.instant("2023-02-12 10:00:00")).hasToString("2023-02-12T10:00+01:00");
        assertThat(MonriMapping.instant("2023-07-12T10:00:00")).hasToString("2023-07-12T10:00+02:00");
        assertThat(MonriMapping.instant("yesterday")).isNull();
    }
}
