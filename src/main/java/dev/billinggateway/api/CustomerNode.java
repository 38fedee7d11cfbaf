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
import dev.billinggateway.service.CustomerView;

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
        @Ignore CustomerView view) {

    /** The GraphQL face of what the services return. */
    public static CustomerNode of(CustomerView v) {
        if (v == null) {
            return null;
        }
        Customer c = v.data();
        return new CustomerNode(v.id(), c.provider(), c.providerCustomerId(), c.email(), c.name(), c.phone(), c.active(),
                c.paymentMethod(), c.createdAt(), c.updatedAt(), v.stale(), v.fetchedAt(), v);
    }
}
