package dev.billinggateway.domain;

import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("PhoneInput")
public class PhoneInput {
    @NonNull
    public String countryCode;
    @NonNull
    public String number;
}
