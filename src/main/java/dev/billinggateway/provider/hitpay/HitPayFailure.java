package dev.billinggateway.provider.hitpay;

/**
 * HitPay answered with a non-2xx status. Raised inside the fault-tolerance boundary of
 * {@link HitPayClient} and turned into a {@code GatewayException} by {@link HitPayErrors} outside it.
 */
class HitPayFailure extends RuntimeException {

    final int status;
    final String body;

    HitPayFailure(int status, String body) {
        super("HitPay answered HTTP " + status, null, false, false);
        this.status = status;
        this.body = body;
    }

    /** A 4xx answer: HitPay refused the request; neither retried nor counted by the circuit breaker. */
    static final class Rejected extends HitPayFailure {
        Rejected(int status, String body) {
            super(status, body);
        }
    }

    /** A 5xx (or 408/429) answer: HitPay is in trouble; reads retry it and the circuit breaker counts it. */
    static final class ServerError extends HitPayFailure {
        ServerError(int status, String body) {
            super(status, body);
        }
    }

    /** A 2xx answer whose body is not what HitPay documents. */
    static final class Unreadable extends HitPayFailure {
        Unreadable(int status) {
            super(status, null);
        }
    }

    static HitPayFailure of(int status, String body) {
        if (status >= 500 || status == 408 || status == 429) {
            return new ServerError(status, body);
        }
        return new Rejected(status, body);
    }
}
