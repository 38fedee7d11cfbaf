package dev.billinggateway.domain;

import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("CustomerInput")
public class CustomerInput {
    @NonNull
    public String email;
    public String name;
    public PhoneInput phone;
}
