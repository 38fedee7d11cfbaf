package dev.billinggateway.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import dev.billinggateway.domain.BillingInterval;
import dev.billinggateway.domain.Money;
import dev.billinggateway.domain.Provider;
import dev.billinggateway.domain.Subscription;
import dev.billinggateway.domain.SubscriptionStatus;
import dev.billinggateway.service.SubscriptionView;

/** The GraphQL {@code Subscription}: the provider's data under a stable gateway ID, with its freshness. */
@Type("Subscription")
public record SubscriptionNode(
        @Id @NonNull @Description("gateway ID: stable, opaque") String id,
        @NonNull Provider provider,
        @NonNull String providerSubscriptionId,
        String productName,
        String productDescription,
        @NonNull Money amount,
        @NonNull BillingInterval interval,
        @NonNull @Description("the unified status. MONRI reports none: there it is derived from the dates in Monri's time zone "
                + "(Europe/Zagreb): PENDING before activeFrom, ACTIVE from activeFrom through activeTo, ENDED after activeTo "
                + "(cancel moves activeTo)") SubscriptionStatus status,
        @Description("the provider's own status word, unchanged (null for MONRI, which has none)") String providerStatus,
        LocalDate nextChargeDate,
        LocalDate startDate,
        LocalDate activeFrom,
        LocalDate activeTo,
        Integer timesCharged,
        @Description("the planned number of charges; null when it runs until cancelled") Integer totalCharges,
        @Description("where the customer binds a card or pays") String paymentUrl,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        boolean stale,
        OffsetDateTime fetchedAt,
        @Ignore SubscriptionView view) {

    /** The GraphQL face of what the services return. */
    public static SubscriptionNode of(SubscriptionView v) {
        if (v == null) {
            return null;
        }
        Subscription s = v.data();
        return new SubscriptionNode(v.id(), s.provider(), s.providerSubscriptionId(), s.productName(), s.productDescription(),
                s.amount(), s.interval(), s.status(), s.providerStatus(), s.nextChargeDate(), s.startDate(), s.activeFrom(),
                s.activeTo(), s.timesCharged(), s.totalCharges(), s.paymentUrl(), s.createdAt(), s.updatedAt(), v.stale(),
                v.fetchedAt(), v);
    }
}
