package dev.billinggateway.domain;

import java.util.Currency;

/** ISO 4217 facts the gateway needs: whether a code exists and how many minor-unit digits it has. */
public final class Currencies {
    private Currencies() {
    }

    public static boolean isKnown(String code) {
        if (code == null || code.length() != 3 || !code.chars().allMatch(c -> c < 128 && Character.isLetter(c))) {
            return false;
        }
        try {
            Currency.getInstance(code.toUpperCase(java.util.Locale.ROOT));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public static int fractionDigits(String code) {
        int digits = Currency.getInstance(code.toUpperCase(java.util.Locale.ROOT)).getDefaultFractionDigits();
        return Math.max(digits, 0);
    }
}
