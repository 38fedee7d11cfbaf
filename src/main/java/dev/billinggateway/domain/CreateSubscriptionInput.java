package dev.billinggateway.domain;

import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("CreateSubscriptionInput")
public class CreateSubscriptionInput {
    @NonNull
    public Provider provider;
    @NonNull
    public CustomerInput customer;
    @NonNull
    public String productName;
    public String productDescription;
    @NonNull
    public MoneyInput amount;
    @NonNull
    public IntervalInput interval;
    public RevenueMonsterOptions revenueMonster;
    public HitPayOptions hitpay;
    public MonriOptions monri;
}
