package dev.billinggateway.domain;

import java.math.BigDecimal;
import java.util.Objects;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("An amount in major units (12.90 MYR), with its ISO 4217 currency code in upper case")
public record Money(@NonNull BigDecimal amount, @NonNull String currency) {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        currency = currency.toUpperCase(java.util.Locale.ROOT);
    }

    /** From integer minor units (1290 → 12.90 for a two-decimal currency). */
    public static Money ofMinor(long minor, String currency) {
        return new Money(BigDecimal.valueOf(minor, Currencies.fractionDigits(currency)), currency);
    }

    /** To integer minor units; throws ArithmeticException when the amount has more decimals than the currency. */
    public long toMinor() {
        return amount.movePointRight(Currencies.fractionDigits(currency)).longValueExact();
    }
}
