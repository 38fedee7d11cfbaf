package dev.billinggateway.domain;

import java.math.BigDecimal;

import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("MoneyInput")
public class MoneyInput {
    @NonNull
    public BigDecimal amount;
    @NonNull
    public String currency;

    public MoneyInput() {
    }

    public MoneyInput(BigDecimal amount, String currency) {
        this.amount = amount;
        this.currency = currency;
    }
}
