package dev.billinggateway.domain;

import org.eclipse.microprofile.graphql.NonNull;

public record PhoneNumber(@NonNull String countryCode, @NonNull String number) {
}
