package dev.billinggateway.provider.revenuemonster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.billinggateway.domain.CreateSubscriptionInput;
import dev.billinggateway.domain.CustomerInput;
import dev.billinggateway.domain.ErrorCode;
import dev.billinggateway.domain.GatewayException;
import dev.billinggateway.domain.IntervalInput;
import dev.billinggateway.domain.IntervalUnit;
import dev.billinggateway.domain.MoneyInput;
import dev.billinggateway.domain.PhoneInput;
import dev.billinggateway.domain.Provider;
import dev.billinggateway.domain.RevenueMonsterOptions;
import dev.billinggateway.domain.Subscription;
import dev.billinggateway.domain.SubscriptionStatus;
import dev.billinggateway.provider.revenuemonster.dto.CreateRecurringCustomerRequest;
import dev.billinggateway.provider.revenuemonster.dto.RecurringCustomer;
import dev.billinggateway.provider.revenuemonster.dto.RecurringPayment;

class RevenueMonsterMappingTest {

    static CreateSubscriptionInput input(IntervalUnit unit, String target) {
        CreateSubscriptionInput input = new CreateSubscriptionInput();
        input.provider = Provider.REVENUE_MONSTER;
        input.customer = new CustomerInput();
        input.customer.email = "oska.ng@example.com";
        input.customer.name = "Oska Ng";
        input.customer.phone = new PhoneInput();
        input.customer.phone.countryCode = "+60";
        input.customer.phone.number = "187824152";
        input.productName = "Some Product Name";
        input.productDescription = "Some description";
        input.amount = new MoneyInput(new BigDecimal("12.00"), "MYR");
        input.interval = new IntervalInput(unit, 1);
        input.revenueMonster = new RevenueMonsterOptions();
        input.revenueMonster.recurringTarget = target;
        input.revenueMonster.recurringRepetition = 10;
        input.revenueMonster.redirectUrl = "https://shop.example.com/done";
        return input;
    }

    @ParameterizedTest
    @CsvSource({ "WEEK,0", "WEEK,6", "MONTH,-1", "MONTH,0", "MONTH,1", "MONTH,28" })
    void acceptsTheDocumentedTargets(IntervalUnit unit, String target) {
        RevenueMonsterMapping.validate(input(unit, target), "1602660043994159611");
    }

    @ParameterizedTest
    @CsvSource({ "WEEK,7,WEEKLY: 0..6", "WEEK,-1,WEEKLY: 0..6", "MONTH,29,'MONTHLY: -1, 0, 1..28'", "MONTH,-2,'MONTHLY: -1, 0, 1..28'",
            "MONTH,x,'MONTHLY: -1, 0, 1..28'", "WEEK,' 1','WEEKLY: 0..6'", "MONTH,'','MONTHLY: -1, 0, 1..28'" })
    void rejectsTargetsOutsideTheRules(IntervalUnit unit, String target, String rule) {
        assertThatThrownBy(() -> RevenueMonsterMapping.validate(input(unit, target), "1"))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION);
                    assertThat(e.field()).isEqualTo("input.revenueMonster.recurringTarget");
                    assertThat(e.rule()).isEqualTo(rule);
                });
    }

    @Test
    void rejectsOtherCurrenciesIntervalsRepetitionsAndMissingFields() {
        CreateSubscriptionInput sgd = input(IntervalUnit.MONTH, "1");
        sgd.amount.currency = "SGD";
        assertField(sgd, "input.amount.currency");
        CreateSubscriptionInput yearly = input(IntervalUnit.YEAR, "1");
        assertField(yearly, "input.interval");
        CreateSubscriptionInput twoWeeks = input(IntervalUnit.WEEK, "1");
        twoWeeks.interval.count = 2;
        assertField(twoWeeks, "input.interval");
        CreateSubscriptionInput none = input(IntervalUnit.MONTH, "1");
        none.revenueMonster.recurringRepetition = 0;
        assertField(none, "input.revenueMonster.recurringRepetition");
        CreateSubscriptionInput noPhone = input(IntervalUnit.MONTH, "1");
        noPhone.customer.phone = null;
        assertField(noPhone, "input.customer.phone");
        CreateSubscriptionInput noName = input(IntervalUnit.MONTH, "1");
        noName.customer.name = " ";
        assertField(noName, "input.customer.name");
        CreateSubscriptionInput cents = input(IntervalUnit.MONTH, "1");
        cents.amount.amount = new BigDecimal("12.005");
        assertField(cents, "input.amount.amount");
        CreateSubscriptionInput tiny = input(IntervalUnit.MONTH, "1");
        tiny.amount.amount = new BigDecimal("0.05");
        assertField(tiny, "input.amount.amount");
        CreateSubscriptionInput noOptions = input(IntervalUnit.MONTH, "1");
        noOptions.revenueMonster = null;
        assertField(noOptions, "input.revenueMonster");
        CreateSubscriptionInput badRedirect = input(IntervalUnit.MONTH, "1");
        badRedirect.revenueMonster.redirectUrl = "shop/done";
        assertField(badRedirect, "input.revenueMonster.redirectUrl");
        assertField(input(IntervalUnit.MONTH, "1"), "input.revenueMonster.storeId", null);
    }

    private static void assertField(CreateSubscriptionInput input, String field) {
        assertField(input, field, "1602660043994159611");
    }

    private static void assertField(CreateSubscriptionInput input, String field, String store) {
        assertThatThrownBy(() -> RevenueMonsterMapping.validate(input, store))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void requestCarriesEveryRequiredFieldWithTheAmountInSen() {
        CreateSubscriptionInput input = input(IntervalUnit.WEEK, "1");
        input.productDescription = null;
        CreateRecurringCustomerRequest request = RevenueMonsterMapping.toRequest(input, "1602660043994159611",
                "https://gw.example.com/webhooks/revenue-monster");
        assertThat(request).isEqualTo(new CreateRecurringCustomerRequest("1602660043994159611", "oska.ng@example.com", "Oska Ng",
                "60", "187824152", "Some Product Name", "Some Product Name", "MYR", 1200, "https://shop.example.com/done",
                "https://gw.example.com/webhooks/revenue-monster", "WEEKLY", "1", 10));
    }

    static RecurringCustomer customer(boolean active, String label, int repetitions) {
        return new RecurringCustomer("42", "m", "s", label, "a@b.c", "A", "60", "123456", active, "2022-12-22T09:59:18Z",
                "2022-12-22T09:59:18Z", "https://r", "https://n", "https://pay", new RecurringPayment(120L, "MYR", "MONTHLY", "-1",
                        "P", "D", repetitions),
                null, null, null, null, null, null, null);
    }

    @Test
    void statusFollowsIsActiveCardAndChargesMade() {
        assertThat(RevenueMonsterMapping.status(customer(false, "", 3), 0)).isEqualTo(SubscriptionStatus.PENDING);
        assertThat(RevenueMonsterMapping.status(customer(true, "411111******1111", 3), 1)).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(RevenueMonsterMapping.status(customer(false, "411111******1111", 3), 1)).isEqualTo(SubscriptionStatus.INACTIVE);
        assertThat(RevenueMonsterMapping.status(customer(true, "411111******1111", 3), 3)).isEqualTo(SubscriptionStatus.ENDED);
    }

    @Test
    void subscriptionMapsAmountIntervalAndNextChargeDate() {
        Subscription s = RevenueMonsterMapping.toSubscription(customer(true, "411111******1111", 12), 2, LocalDate.of(2025, 2, 10));
        assertThat(s.amount().amount()).isEqualByComparingTo("1.20");
        assertThat(s.amount().currency()).isEqualTo("MYR");
        assertThat(s.interval().unit()).isEqualTo(IntervalUnit.MONTH);
        assertThat(s.nextChargeDate()).isEqualTo(LocalDate.of(2025, 2, 28));
        assertThat(s.totalCharges()).isEqualTo(12);
        assertThat(s.timesCharged()).isEqualTo(2);
        assertThat(s.providerCustomerId()).isEqualTo("42");
        assertThat(s.startDate()).isEqualTo(LocalDate.of(2022, 12, 22));
    }

    @Test
    void nextChargeDates() {
        LocalDate monday = LocalDate.of(2025, 3, 3);
        assertThat(RevenueMonsterMapping.nextChargeDate("WEEKLY", "1", monday)).isEqualTo(LocalDate.of(2025, 3, 10));
        assertThat(RevenueMonsterMapping.nextChargeDate("WEEKLY", "0", monday)).isEqualTo(LocalDate.of(2025, 3, 9));
        assertThat(RevenueMonsterMapping.nextChargeDate("MONTHLY", "0", monday)).isEqualTo(LocalDate.of(2025, 4, 1));
        assertThat(RevenueMonsterMapping.nextChargeDate("MONTHLY", "15", monday)).isEqualTo(LocalDate.of(2025, 3, 15));
        assertThat(RevenueMonsterMapping.nextChargeDate("MONTHLY", "-1", LocalDate.of(2025, 3, 31))).isEqualTo(LocalDate.of(2025, 4, 30));
    }

    @Test
    void cardLabelGivesBrandAndLastFour() {
        assertThat(RevenueMonsterMapping.paymentMethod("411111******1111").brand()).isEqualTo("VISA");
        assertThat(RevenueMonsterMapping.paymentMethod("555555******4444").last4()).isEqualTo("4444");
        assertThat(RevenueMonsterMapping.paymentMethod("")).isNull();
    }

    @Test
    void routeTemplatesTakeTheCustomerId() {
        assertThat(RevenueMonsterClient.customerPath("/v3/recurring-payment/{customer_id}/toggle", "1671703158559365205"))
                .isEqualTo("/v3/recurring-payment/1671703158559365205/toggle");
        assertThat(RevenueMonsterClient.customerPath("/v3/customer/{customer_id}", "a/b")).isEqualTo("/v3/customer/a%2Fb");
    }
}
