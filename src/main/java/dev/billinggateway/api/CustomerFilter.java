package dev.billinggateway.api;

import org.eclipse.microprofile.graphql.Input;

import dev.billinggateway.domain.Provider;

@Input("CustomerFilter")
public class CustomerFilter {
    public Provider provider;
    public String email;
}
