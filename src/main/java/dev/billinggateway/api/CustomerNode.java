package dev.billinggateway.api;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import dev.billinggateway.domain.Customer;
import dev.billinggateway.domain.PaymentMethod;
import dev.billinggateway.domain.PhoneNumber;
import dev.billinggateway.domain.Provider;

/** The GraphQL {@code Customer}: the provider's data under a stable gateway ID, with its freshness. */
@Type("Customer")
public record CustomerNode(
        @Id @NonNull @Description("gateway ID: stable, opaque") String id,
        @NonNull Provider provider,
        @NonNull @Description("the provider's own ID (HitPay has no customer object: there it is the customer's email)") String providerCustomerId,
        String email,
        String name,
        PhoneNumber phone,
        @Name("isActive") boolean isActive,
        PaymentMethod paymentMethod,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        @Description("true when served from the gateway's last-known copy because the provider could not be reached") boolean stale,
        @Description("when the gateway last read this from the provider") OffsetDateTime fetchedAt,
        @Ignore Customer data) {

    public static CustomerNode of(String id, Customer c, boolean stale, OffsetDateTime fetchedAt) {
        return new CustomerNode(id, c.provider(), c.providerCustomerId(), c.email(), c.name(), c.phone(), c.active(),
                c.paymentMethod(), c.createdAt(), c.updatedAt(), stale, fetchedAt, c);
    }
}
