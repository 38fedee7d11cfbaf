package dev.billinggateway.provider.hitpay;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import dev.billinggateway.domain.BillingInterval;
import dev.billinggateway.domain.CreateSubscriptionInput;
import dev.billinggateway.domain.CustomerInput;
import dev.billinggateway.domain.ErrorCode;
import dev.billinggateway.domain.GatewayException;
import dev.billinggateway.domain.HitPayOptions;
import dev.billinggateway.domain.IntervalInput;
import dev.billinggateway.domain.IntervalUnit;
import dev.billinggateway.domain.Money;
import dev.billinggateway.domain.MoneyInput;
import dev.billinggateway.domain.PhoneInput;
import dev.billinggateway.domain.Provider;
import dev.billinggateway.domain.Subscription;
import dev.billinggateway.domain.UpdateSubscriptionInput;

/** HitPay's rules, each failing with VALIDATION on the right field. */
class HitPayRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    static Subscription billing(String providerStatus) {
        return new Subscription(Provider.HITPAY, "b-1", "a@example.com", "Plan", null,
                new Money(new BigDecimal("12.90"), "SGD"), BillingInterval.of(IntervalUnit.MONTH, 1),
                HitPayMapping.status(providerStatus), providerStatus, null, null, null, null, 0, 9, null, null, null);
    }

    static UpdateSubscriptionInput update(Consumer<UpdateSubscriptionInput> fill) {
        UpdateSubscriptionInput input = new UpdateSubscriptionInput();
        fill.accept(input);
        return input;
    }

    static CreateSubscriptionInput create(Consumer<CreateSubscriptionInput> fill) {
        CreateSubscriptionInput input = new CreateSubscriptionInput();
        input.provider = Provider.HITPAY;
        input.customer = new CustomerInput();
        input.customer.email = "new@example.com";
        input.productName = "Box";
        input.amount = new MoneyInput(new BigDecimal("9.90"), "SGD");
        input.interval = new IntervalInput(IntervalUnit.MONTH, 1);
        input.hitpay = new HitPayOptions();
        fill.accept(input);
        return input;
    }

    static void assertInvalid(Runnable check, String field) {
        assertThatThrownBy(check::run).isInstanceOfSatisfying(GatewayException.class, e -> {
            org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION);
            org.assertj.core.api.Assertions.assertThat(e.field()).isEqualTo(field);
            org.assertj.core.api.Assertions.assertThat(e.rule()).isNotBlank();
        });
    }

    void assertUpdateInvalid(String status, Consumer<UpdateSubscriptionInput> fill, String field) {
        assertInvalid(() -> HitPayRules.validateUpdate(billing(status), update(fill), TODAY), field);
    }

    @Test
    void updateAmountAboveZeroAtMostTheMaximumTwoDecimalsSameCurrency() {
        assertUpdateInvalid("active", u -> u.amount = new MoneyInput(BigDecimal.ZERO, "SGD"), "input.amount.amount");
        assertUpdateInvalid("active", u -> u.amount = new MoneyInput(new BigDecimal("-1"), "SGD"), "input.amount.amount");
        assertUpdateInvalid("active", u -> u.amount = new MoneyInput(new BigDecimal("1000000.00"), "SGD"), "input.amount.amount");
        assertUpdateInvalid("active", u -> u.amount = new MoneyInput(new BigDecimal("1.001"), "SGD"), "input.amount.amount");
        assertUpdateInvalid("active", u -> u.amount = new MoneyInput(new BigDecimal("5.00"), "USD"), "input.amount.currency");
        assertThatCode(() -> HitPayRules.validateUpdate(billing("active"),
                update(u -> u.amount = new MoneyInput(new BigDecimal("999999.99"), "sgd")), TODAY)).doesNotThrowAnyException();
        assertThatCode(() -> HitPayRules.validateUpdate(billing("active"),
                update(u -> u.amount = new MoneyInput(new BigDecimal("0.01"), "SGD")), TODAY)).doesNotThrowAnyException();
    }

    @Test
    void updateIntervalRepeatBetweenOneAnd999() {
        assertUpdateInvalid("active", u -> u.interval = new IntervalInput(IntervalUnit.DAY, 0), "input.interval.count");
        assertUpdateInvalid("active", u -> u.interval = new IntervalInput(IntervalUnit.WEEK, 1000), "input.interval.count");
        assertThatCode(() -> HitPayRules.validateUpdate(billing("active"),
                update(u -> u.interval = new IntervalInput(IntervalUnit.YEAR, 999)), TODAY)).doesNotThrowAnyException();
    }

    @Test
    void updateStartDateTodayOrLaterAndOnlyWhileScheduledOrActive() {
        assertUpdateInvalid("active", u -> u.startDate = TODAY.minusDays(1), "input.startDate");
        for (String status : new String[] { "retrying", "inactive", "canceled", "completed" }) {
            assertUpdateInvalid(status, u -> u.startDate = TODAY, "input.startDate");
        }
        assertThatCode(() -> HitPayRules.validateUpdate(billing("scheduled"), update(u -> u.startDate = TODAY), TODAY))
                .doesNotThrowAnyException();
    }

    @Test
    void updateRejectsFieldsHitPayDoesNotAcceptAndBadValues() {
        assertUpdateInvalid("active", u -> u.activeTo = TODAY.plusDays(30), "input.activeTo");
        assertUpdateInvalid("active", u -> u.activeFrom = TODAY, "input.activeFrom");
        assertUpdateInvalid("active", u -> u.nextChargeDate = TODAY, "input.nextChargeDate");
        assertUpdateInvalid("active", u -> u.customerEmail = "not-an-email", "input.customerEmail");
        assertUpdateInvalid("active", u -> u.customerName = "x".repeat(256), "input.customerName");
        assertUpdateInvalid("active", u -> u.productName = " ", "input.productName");
        assertUpdateInvalid("active", u -> u.reference = "r".repeat(256), "input.reference");
        assertUpdateInvalid("active", u -> u.redirectUrl = "ftp://example.com", "input.redirectUrl");
        assertUpdateInvalid("active", u -> { }, "input");
    }

    @Test
    void createRules() {
        assertInvalid(() -> HitPayRules.validateCreate(create(c -> c.customer.email = "x"), TODAY), "input.customer.email");
        assertInvalid(() -> HitPayRules.validateCreate(create(c -> {
            c.customer.phone = new PhoneInput();
        }), TODAY), "input.customer.phone");
        assertInvalid(() -> HitPayRules.validateCreate(create(c -> c.amount.amount = BigDecimal.ZERO), TODAY), "input.amount.amount");
        assertInvalid(() -> HitPayRules.validateCreate(create(c -> c.amount.currency = "XYZ"), TODAY), "input.amount.currency");
        assertInvalid(() -> HitPayRules.validateCreate(create(c -> c.interval.count = 0), TODAY), "input.interval.count");
        assertInvalid(() -> HitPayRules.validateCreate(create(c -> c.hitpay.startDate = TODAY.minusDays(1)), TODAY), "input.hitpay.startDate");
        assertInvalid(() -> HitPayRules.validateCreate(create(c -> c.hitpay.timesToBeCharged = 101), TODAY), "input.hitpay.timesToBeCharged");
        assertInvalid(() -> HitPayRules.validateCreate(create(c -> c.hitpay.planId = "plan-1"), TODAY), "input.hitpay.planId");
        assertInvalid(() -> HitPayRules.validateCreate(create(c -> c.hitpay.redirectUrl = "/relative"), TODAY), "input.hitpay.redirectUrl");
        assertThatCode(() -> HitPayRules.validateCreate(create(c -> c.hitpay.startDate = TODAY), TODAY)).doesNotThrowAnyException();
    }
}
