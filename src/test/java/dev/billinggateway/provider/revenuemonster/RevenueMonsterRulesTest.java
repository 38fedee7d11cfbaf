package dev.billinggateway.provider.revenuemonster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.billinggateway.domain.CreateSubscriptionInput;
import dev.billinggateway.domain.ErrorCode;
import dev.billinggateway.domain.GatewayException;
import dev.billinggateway.domain.IntervalUnit;

/** RM's rules for Create Recurring Customer; the valid input is {@link RevenueMonsterMappingTest#input}. */
class RevenueMonsterRulesTest {

    @ParameterizedTest
    @CsvSource({ "WEEK,0", "WEEK,6", "MONTH,-1", "MONTH,0", "MONTH,1", "MONTH,28" })
    void acceptsTheDocumentedTargets(IntervalUnit unit, String target) {
        RevenueMonsterRules.validate(RevenueMonsterMappingTest.input(unit, target), "1602660043994159611");
    }

    @ParameterizedTest
    @CsvSource({ "WEEK,7,WEEKLY: 0..6", "WEEK,-1,WEEKLY: 0..6", "MONTH,29,'MONTHLY: -1, 0, 1..28'", "MONTH,-2,'MONTHLY: -1, 0, 1..28'",
            "MONTH,x,'MONTHLY: -1, 0, 1..28'", "WEEK,' 1','WEEKLY: 0..6'", "MONTH,'','MONTHLY: -1, 0, 1..28'" })
    void rejectsTargetsOutsideTheRules(IntervalUnit unit, String target, String rule) {
        assertThatThrownBy(() -> RevenueMonsterRules.validate(RevenueMonsterMappingTest.input(unit, target), "1"))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION);
                    assertThat(e.field()).isEqualTo("input.revenueMonster.recurringTarget");
                    assertThat(e.rule()).isEqualTo(rule);
                });
    }

    @Test
    void rejectsOtherCurrenciesIntervalsRepetitionsAndMissingFields() {
        CreateSubscriptionInput sgd = RevenueMonsterMappingTest.input(IntervalUnit.MONTH, "1");
        sgd.amount.currency = "SGD";
        assertField(sgd, "input.amount.currency");
        CreateSubscriptionInput yearly = RevenueMonsterMappingTest.input(IntervalUnit.YEAR, "1");
        assertField(yearly, "input.interval");
        CreateSubscriptionInput twoWeeks = RevenueMonsterMappingTest.input(IntervalUnit.WEEK, "1");
        twoWeeks.interval.count = 2;
        assertField(twoWeeks, "input.interval");
        CreateSubscriptionInput none = RevenueMonsterMappingTest.input(IntervalUnit.MONTH, "1");
        none.revenueMonster.recurringRepetition = 0;
        assertField(none, "input.revenueMonster.recurringRepetition");
        CreateSubscriptionInput noPhone = RevenueMonsterMappingTest.input(IntervalUnit.MONTH, "1");
        noPhone.customer.phone = null;
        assertField(noPhone, "input.customer.phone");
        CreateSubscriptionInput noName = RevenueMonsterMappingTest.input(IntervalUnit.MONTH, "1");
        noName.customer.name = " ";
        assertField(noName, "input.customer.name");
        CreateSubscriptionInput cents = RevenueMonsterMappingTest.input(IntervalUnit.MONTH, "1");
        cents.amount.amount = new BigDecimal("12.005");
        assertField(cents, "input.amount.amount");
        CreateSubscriptionInput tiny = RevenueMonsterMappingTest.input(IntervalUnit.MONTH, "1");
        tiny.amount.amount = new BigDecimal("0.05");
        assertField(tiny, "input.amount.amount");
        CreateSubscriptionInput noOptions = RevenueMonsterMappingTest.input(IntervalUnit.MONTH, "1");
        noOptions.revenueMonster = null;
        assertField(noOptions, "input.revenueMonster");
        CreateSubscriptionInput badRedirect = RevenueMonsterMappingTest.input(IntervalUnit.MONTH, "1");
        badRedirect.revenueMonster.redirectUrl = "shop/done";
        assertField(badRedirect, "input.revenueMonster.redirectUrl");
        assertField(RevenueMonsterMappingTest.input(IntervalUnit.MONTH, "1"), "input.revenueMonster.storeId", null);
    }

    private static void assertField(CreateSubscriptionInput input, String field) {
        assertField(input, field, "1602660043994159611");
    }

    private static void assertField(CreateSubscriptionInput input, String field, String store) {
        assertThatThrownBy(() -> RevenueMonsterRules.validate(input, store))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.field()).isEqualTo(field));
    }
}
