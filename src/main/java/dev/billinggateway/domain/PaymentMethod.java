package dev.billinggateway.domain;

import org.eclipse.microprofile.graphql.Description;

public record PaymentMethod(
        @Description("as the provider labels it, e.g. Revenue Monster's front six and last four digits") String label,
        String brand,
        String last4) {
}
