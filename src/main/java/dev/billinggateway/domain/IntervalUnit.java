package dev.billinggateway.domain;

public enum IntervalUnit {
    DAY,
    WEEK,
    MONTH,
    YEAR
}
