package dev.billinggateway.domain;

import org.eclipse.microprofile.graphql.Description;

@Description("How the gateway offers an operation for a provider")
public enum Support {
    NATIVE,
    EMULATED,
    UNSUPPORTED
}
