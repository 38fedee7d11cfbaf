package dev.billinggateway.provider.revenuemonster.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One recurring customer in the sandbox's memory. Guarded by its own monitor. */
final class SandboxCustomer {

    record Order(String id, String transactionId, String status, String recurringReference, long amount, String currency,
            String checkoutId, Instant createdAt, Instant updatedAt) {
    }

    final String id;
    final String storeId;
    final String email;
    final String name;
    final String countryCode;
    final String phoneNumber;
    final String productName;
    final String productDescription;
    final String currency;
    final long amount;
    final String redirectUrl;
    final String notifyUrl;
    final String recurringInterval;
    final String recurringTarget;
    final int recurringRepetition;
    final Instant createdAt;

    String label = "";
    boolean active;
    Instant updatedAt;
    final List<Order> orders = new ArrayList<>();

    SandboxCustomer(String id, String storeId, String email, String name, String countryCode, String phoneNumber,
            String productName, String productDescription, String currency, long amount, String redirectUrl, String notifyUrl,
            String recurringInterval, String recurringTarget, int recurringRepetition, Instant createdAt) {
        this.id = id;
        this.storeId = storeId;
        this.email = email;
        this.name = name;
        this.countryCode = countryCode;
        this.phoneNumber = phoneNumber;
        this.productName = productName;
        this.productDescription = productDescription;
        this.currency = currency;
        this.amount = amount;
        this.redirectUrl = redirectUrl;
        this.notifyUrl = notifyUrl;
        this.recurringInterval = recurringInterval;
        this.recurringTarget = recurringTarget;
        this.recurringRepetition = recurringRepetition;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    synchronized boolean bound() {
        return !label.isEmpty();
    }
}
