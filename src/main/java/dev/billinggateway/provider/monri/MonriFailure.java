package dev.billinggateway.provider.monri;

/** Monri answered 5xx: counts against the circuit breaker and is retried on reads. */
final class MonriFailure extends RuntimeException {

    private final int status;

    MonriFailure(int status) {
        super("Monri answered HTTP " + status, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
