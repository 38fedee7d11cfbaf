package dev.billinggateway.domain;

import java.time.LocalDate;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("MonriOptions")
public class MonriOptions {
    @Description("an existing Monri plan; when absent the gateway finds or creates one for the amount and interval")
    public String planId;
    @NonNull
    public LocalDate nextChargeDate;
    @NonNull
    public LocalDate activeFrom;
    @NonNull
    public LocalDate activeTo;
}
