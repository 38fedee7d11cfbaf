package dev.billinggateway.config;

import dev.billinggateway.api.CustomerNode;
import dev.billinggateway.api.SubscriptionNode;
import dev.billinggateway.connector.VerifiedWebhook;
import dev.billinggateway.domain.BillingInterval;
import dev.billinggateway.domain.CreateSubscriptionInput;
import dev.billinggateway.domain.Customer;
import dev.billinggateway.domain.CustomerInput;
import dev.billinggateway.domain.HitPayOptions;
import dev.billinggateway.domain.IntervalInput;
import dev.billinggateway.domain.Money;
import dev.billinggateway.domain.MoneyInput;
import dev.billinggateway.domain.MonriOptions;
import dev.billinggateway.domain.PaymentMethod;
import dev.billinggateway.domain.PhoneInput;
import dev.billinggateway.domain.PhoneNumber;
import dev.billinggateway.domain.RevenueMonsterOptions;
import dev.billinggateway.domain.Subscription;
import dev.billinggateway.domain.UpdateSubscriptionInput;
import dev.billinggateway.provider.hitpay.dto.CreateRecurringBillingRequest;
import dev.billinggateway.provider.hitpay.dto.LenientBooleanDeserializer;
import dev.billinggateway.provider.hitpay.dto.RecurringBilling;
import dev.billinggateway.provider.hitpay.dto.RecurringBillingPage;
import dev.billinggateway.provider.hitpay.dto.UpdateRecurringBillingRequest;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Classes Jackson reaches by reflection where Quarkus cannot see it at build time (native image): snapshots and
 * idempotent results ({@code SnapshotCodec}), request hashes of mutation inputs, provider bodies read with
 * {@code treeToValue}/{@code readValue} rather than as REST client return types, the fan-out cursor and the webhook
 * inbox's affected-object list. REST client and GraphQL types, Hibernate entities and Revenue Monster's DTOs
 * (annotated themselves) are registered by Quarkus. Package-private nested types are named by string.
 */
@RegisterForReflection(targets = {
        Customer.class, Subscription.class, Money.class, PhoneNumber.class, PaymentMethod.class, BillingInterval.class,
        CustomerNode.class, SubscriptionNode.class,
        CreateSubscriptionInput.class, UpdateSubscriptionInput.class, CustomerInput.class, MoneyInput.class, IntervalInput.class,
        PhoneInput.class, HitPayOptions.class, MonriOptions.class, RevenueMonsterOptions.class,
        RecurringBilling.class, RecurringBillingPage.class, CreateRecurringBillingRequest.class,
        UpdateRecurringBillingRequest.class, LenientBooleanDeserializer.class,
        VerifiedWebhook.ObjectRef.class },
        classNames = {
                "dev.billinggateway.service.FanOut$Position",
                "dev.billinggateway.provider.monri.dto.MonriJson$Envelope",
                "dev.billinggateway.provider.monri.dto.MonriJson$CustomerRequest",
                "dev.billinggateway.provider.monri.dto.MonriJson$Customer",
                "dev.billinggateway.provider.monri.dto.MonriJson$CustomerList",
                "dev.billinggateway.provider.monri.dto.MonriJson$PlanRequest",
                "dev.billinggateway.provider.monri.dto.MonriJson$Plan",
                "dev.billinggateway.provider.monri.dto.MonriJson$PlanList",
                "dev.billinggateway.provider.monri.dto.MonriJson$CustomerSubscriptionRequest",
                "dev.billinggateway.provider.monri.dto.MonriJson$CustomerSubscription" })
public final class NativeImageRegistrations {

    private NativeImageRegistrations() {
    }
}
