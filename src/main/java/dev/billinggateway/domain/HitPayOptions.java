package dev.billinggateway.domain;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("HitPayOptions")
public class HitPayOptions {
    public String planId;
    @Description("first charge date, in Singapore time; today when absent")
    public LocalDate startDate;
    public Integer timesToBeCharged;
    public String redirectUrl;
    public String reference;
    public List<@NonNull String> paymentMethods;
    public Boolean sendEmail;
}
