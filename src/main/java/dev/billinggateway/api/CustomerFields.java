package dev.billinggateway.api;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import dev.billinggateway.domain.CustomerField;

/** Which of the GraphQL {@code Customer}'s fields need what only the provider's customer read gives. */
final class CustomerFields {

    private CustomerFields() {
    }

    /** Known without the customer read: from the link and the read that led to the customer (its freshness). */
    private static final Set<String> FROM_LINK = Set.of("__typename", "id", "provider", "providerCustomerId", "stale", "fetchedAt");

    /** Resolved on their own from the customer's ID, whatever the customer node holds. */
    private static final Set<String> OWN_RESOLVERS = Set.of("subscriptions");

    private static final Map<String, CustomerField> FROM_PROVIDER = Map.of(
            "email", CustomerField.EMAIL,
            "name", CustomerField.NAME,
            "phone", CustomerField.PHONE,
            "isActive", CustomerField.ACTIVE,
            "paymentMethod", CustomerField.PAYMENT_METHOD,
            "createdAt", CustomerField.CREATED_AT,
            "updatedAt", CustomerField.UPDATED_AT);

    /**
     * The provider's fields a selection needs; null (read the customer) when the selection is unknown or names a
     * field not listed here, so that a field added later is never answered from a partial customer.
     */
    static Set<CustomerField> needed(Set<String> selected) {
        if (selected == null) {
            return null;
        }
        Set<CustomerField> needed = EnumSet.noneOf(CustomerField.class);
        for (String name : selected) {
            CustomerField field = FROM_PROVIDER.get(name);
            if (field != null) {
                needed.add(field);
            } else if (!FROM_LINK.contains(name) && !OWN_RESOLVERS.contains(name)) {
                return null;
            }
        }
        return needed;
    }
}
