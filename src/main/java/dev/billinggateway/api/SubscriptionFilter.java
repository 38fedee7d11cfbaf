package dev.billinggateway.api;

import org.eclipse.microprofile.graphql.Input;

import dev.billinggateway.domain.Provider;
import dev.billinggateway.domain.SubscriptionStatus;

@Input("SubscriptionFilter")
public class SubscriptionFilter {
    public Provider provider;
    public String customerEmail;
    public SubscriptionStatus status;
}
