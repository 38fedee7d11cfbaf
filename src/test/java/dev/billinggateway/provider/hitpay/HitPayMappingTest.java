package dev.billinggateway.provider.hitpay;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.billinggateway.domain.BillingInterval;
import dev.billinggateway.domain.Customer;
import dev.billinggateway.domain.IntervalUnit;
import dev.billinggateway.domain.Money;
import dev.billinggateway.domain.Subscription;
import dev.billinggateway.domain.SubscriptionStatus;
import dev.billinggateway.provider.hitpay.dto.RecurringBilling;

/** Lenient reading of what HitPay returns, and its mapping onto the unified model. */
class HitPayMappingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static RecurringBilling read(String json) throws Exception {
        return JSON.readValue(json, RecurringBilling.class);
    }

    @Test
    void readsTheDocumentedUpdateExample() throws Exception {
        RecurringBilling billing = read("""
                {"id":"9741164c-06a1-4dd7-a649-72cca8f9603a","business_recurring_plans_id":"973ee344-6737-4897-9929-edbc9d7bf433",
                 "customer_name":"Paul","customer_email":"paul@newemail.com","name":"Spotify Premium",
                 "description":"Spotify Monthly Subscription","reference":"cust_id_123","cycle":"monthly","cycle_repeat":null,
                 "cycle_frequency":null,"currency":"sgd","amount":12.9,"times_to_be_charged":9,"times_charged":2,
                 "status":"active","send_email":0,"save_card":0,"redirect_url":"https://newexamaple.com/completed",
                 "payment_methods":["giro","card"],"created_at":"2022-09-13T21:32:00","updated_at":"2022-09-13T21:32:00",
                 "expires_at":null,"url":"https://securecheckout.sandbox.hit-pay.com/973ee344/recurring-plan/9741164c",
                 "webhook":"http://newwebhoo.site/test"}""");
        assertThat(billing.sendEmail()).isFalse();
        assertThat(billing.saveCard()).isFalse();
        Subscription s = HitPayMapping.subscription(billing);
        assertThat(s.providerSubscriptionId()).isEqualTo("9741164c-06a1-4dd7-a649-72cca8f9603a");
        assertThat(s.providerCustomerId()).isEqualTo("paul@newemail.com");
        assertThat(s.productName()).isEqualTo("Spotify Premium");
        assertThat(s.productDescription()).isEqualTo("Spotify Monthly Subscription");
        assertThat(s.amount()).isEqualTo(new Money(new BigDecimal("12.90"), "SGD"));
        assertThat(s.amount().amount().toPlainString()).isEqualTo("12.90");
        assertThat(s.interval()).isEqualTo(BillingInterval.of(IntervalUnit.MONTH, 1));
        assertThat(s.status()).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(s.providerStatus()).isEqualTo("active");
        assertThat(s.timesCharged()).isEqualTo(2);
        assertThat(s.totalCharges()).isEqualTo(9);
        assertThat(s.paymentUrl()).isEqualTo("https://securecheckout.sandbox.hit-pay.com/973ee344/recurring-plan/9741164c");
        assertThat(s.createdAt()).isEqualTo(OffsetDateTime.parse("2022-09-13T21:32:00+08:00"));
        assertThat(s.startDate()).isNull();
    }

    @Test
    void readsFlagsAsBooleansOrStringsAmountsAsStringsAndSaveCardCycles() throws Exception {
        RecurringBilling billing = read("""
                {"id":"x","customer_email":"a@example.com","cycle":"save_card","cycle_repeat":null,"cycle_frequency":null,
                 "currency":"usd","amount":"94.27","price":94.27,"times_to_be_charged":null,"times_charged":null,
                 "status":"canceled","send_email":true,"save_card":"1","payment_method":{"card":{"brand":"visa","last4":"4242"}},
                 "total_charge":0,"webhook_retry_count":3,"created_at":"2023-12-12T16:27:01+08:00"}""");
        assertThat(billing.sendEmail()).isTrue();
        assertThat(billing.saveCard()).isTrue();
        Subscription s = HitPayMapping.subscription(billing);
        assertThat(s.amount()).isEqualTo(new Money(new BigDecimal("94.27"), "USD"));
        assertThat(s.interval()).isEqualTo(BillingInterval.of(IntervalUnit.MONTH, 0));
        assertThat(s.status()).isEqualTo(SubscriptionStatus.CANCELED);
        assertThat(s.totalCharges()).isNull();
        assertThat(s.createdAt()).isEqualTo(OffsetDateTime.parse("2023-12-12T16:27:01+08:00"));
        assertThat(read("{\"id\":\"y\",\"send_email\":\"false\",\"save_card\":false}").sendEmail()).isFalse();
    }

    @Test
    void readsCustomCyclesWithTheirFrequencyAndRepeat() throws Exception {
        Subscription s = HitPayMapping.subscription(read("""
                {"id":"c","cycle":"custom","cycle_frequency":"week","cycle_repeat":"2","currency":"SGD","amount":20,
                 "status":"inactive","start_date":"2026-01-05"}"""));
        assertThat(s.interval()).isEqualTo(BillingInterval.of(IntervalUnit.WEEK, 2));
        assertThat(s.amount().amount().toPlainString()).isEqualTo("20.00");
        assertThat(s.status()).isEqualTo(SubscriptionStatus.INACTIVE);
        assertThat(s.startDate()).hasToString("2026-01-05");
    }

    @Test
    void mapsEveryStatusAndDefaultsToPending() {
        assertThat(HitPayMapping.status("scheduled")).isEqualTo(SubscriptionStatus.PENDING);
        assertThat(HitPayMapping.status("active")).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(HitPayMapping.status("retrying")).isEqualTo(SubscriptionStatus.PAST_DUE);
        assertThat(HitPayMapping.status("inactive")).isEqualTo(SubscriptionStatus.INACTIVE);
        assertThat(HitPayMapping.status("canceled")).isEqualTo(SubscriptionStatus.CANCELED);
        assertThat(HitPayMapping.status("completed")).isEqualTo(SubscriptionStatus.ENDED);
        assertThat(HitPayMapping.status("paused")).isEqualTo(SubscriptionStatus.PENDING);
        assertThat(HitPayMapping.status(null)).isEqualTo(SubscriptionStatus.PENDING);
    }

    @Test
    void mapsIntervalsOntoCycles() {
        assertThat(HitPayMapping.Cycle.of(IntervalUnit.WEEK, 1)).isEqualTo(new HitPayMapping.Cycle("weekly", null, null));
        assertThat(HitPayMapping.Cycle.of(IntervalUnit.MONTH, 1)).isEqualTo(new HitPayMapping.Cycle("monthly", null, null));
        assertThat(HitPayMapping.Cycle.of(IntervalUnit.YEAR, 1)).isEqualTo(new HitPayMapping.Cycle("yearly", null, null));
        assertThat(HitPayMapping.Cycle.of(IntervalUnit.DAY, 1)).isEqualTo(new HitPayMapping.Cycle("custom", "day", 1));
        assertThat(HitPayMapping.Cycle.of(IntervalUnit.MONTH, 3)).isEqualTo(new HitPayMapping.Cycle("custom", "month", 3));
    }

    @Test
    void buildsTheCustomerFromItsBillings() throws Exception {
        RecurringBilling old = read("""
                {"id":"1","customer_email":"a@example.com","customer_name":"Old Name","status":"canceled",
                 "created_at":"2025-01-01T10:00:00","updated_at":"2025-01-02T10:00:00"}""");
        RecurringBilling current = read("""
                {"id":"2","customer_email":"a@example.com","customer_name":"New Name","status":"retrying",
                 "payment_method":{"card":{"brand":"mastercard","last4":"5454"}},
                 "created_at":"2025-06-01T10:00:00","updated_at":"2025-07-01T10:00:00"}""");
        Customer c = HitPayMapping.customer("a@example.com", List.of(old, current));
        assertThat(c.providerCustomerId()).isEqualTo("a@example.com");
        assertThat(c.email()).isEqualTo("a@example.com");
        assertThat(c.name()).isEqualTo("New Name");
        assertThat(c.active()).isTrue();
        assertThat(c.paymentMethod().brand()).isEqualTo("mastercard");
        assertThat(c.paymentMethod().last4()).isEqualTo("5454");
        assertThat(c.createdAt()).isEqualTo(OffsetDateTime.parse("2025-01-01T10:00:00+08:00"));
        assertThat(c.updatedAt()).isEqualTo(OffsetDateTime.parse("2025-07-01T10:00:00+08:00"));
        assertThat(HitPayMapping.customer("a@example.com", List.of(old)).active()).isFalse();
    }
}
