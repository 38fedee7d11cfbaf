package dev.billinggateway.domain;

/**
 * The fields of a {@link Customer} that only its provider knows (beyond its ID). A provider's subscription may
 * carry some of them (see {@code connector.FetchSubscription#carriedCustomerFields}); the API reads the
 * customer itself only when a selected field is not among them.
 */
public enum CustomerField {
    EMAIL, NAME, PHONE, ACTIVE, PAYMENT_METHOD, CREATED_AT, UPDATED_AT
}
