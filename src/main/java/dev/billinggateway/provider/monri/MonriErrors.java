package dev.billinggateway.provider.monri;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;

import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import dev.billinggateway.domain.ErrorCode;
import dev.billinggateway.domain.GatewayException;
import dev.billinggateway.domain.Provider;
import dev.billinggateway.provider.monri.dto.MonriJson;

/**
 * Every Monri failure as a {@link GatewayException}: Monri's {@code {"status","message"}} envelope keeps its
 * words in {@code providerCode}/{@code providerMessage}; transport failures, open circuits and full bulkheads
 * ({@link MonriFailure} and the fault-tolerance exceptions) become unavailable or, for a sent mutation,
 * outcome unknown.
 */
final class MonriErrors {

    private static final Provider MONRI = Provider.MONRI;

    private MonriErrors() {
    }

    /** An answer below 500 that is not 2xx. */
    static GatewayException rejection(int status, MonriJson.Envelope envelope, String what) {
        String code = envelope != null && envelope.status() != null ? envelope.status() : "http-" + status;
        String message = messageOf(envelope, status);
        if (status == 404) {
            return GatewayException.of(ErrorCode.NOT_FOUND, "Monri does not know the " + what + ": " + message)
                    .provider(MONRI).providerCode(code).providerMessage(message).retryable(false).build();
        }
        if (status == 401) {
            // our credentials or digest were refused: a configuration fault, not the caller's
            return GatewayException.of(ErrorCode.PROVIDER_REJECTED, "Monri refused the gateway's credentials: " + message)
                    .provider(MONRI).providerCode(code).providerMessage(message).retryable(false).build();
        }
        return GatewayException.rejected(MONRI, code, message);
    }

    /** A 2xx answer whose envelope's {@code status} is not {@code approved}. */
    static GatewayException declined(MonriJson.Envelope envelope, int status) {
        return GatewayException.rejected(MONRI, envelope.status(), messageOf(envelope, status));
    }

    /** A 2xx answer that is not the JSON Monri documents. */
    static GatewayException unreadable(boolean mutation, String what) {
        String message = "Monri's answer to the " + what + " could not be read";
        return mutation ? GatewayException.outcomeUnknown(MONRI, message, null)
                : GatewayException.unavailable(MONRI, message, null);
    }

    private static String messageOf(MonriJson.Envelope envelope, int status) {
        return envelope != null && envelope.message() != null && !envelope.message().isBlank()
                ? envelope.message()
                : "HTTP " + status;
    }

    static GatewayException failure(Throwable e, boolean mutation, String what) {
        if (e instanceof GatewayException g) {
            return g;
        }
        if (e instanceof CircuitBreakerOpenException) {
            return GatewayException.unavailable(MONRI, "Monri calls are paused after repeated failures (circuit open)", e);
        }
        if (e instanceof BulkheadException) {
            return GatewayException.unavailable(MONRI, "too many Monri calls in flight", e);
        }
        if (notConnected(e)) {
            return GatewayException.unavailable(MONRI, "cannot connect to Monri", e);
        }
        if (mutation) {
            // sent, but no (usable) answer: the gateway reconciles by reading, never by resending
            return GatewayException.outcomeUnknown(MONRI, "no answer from Monri to the " + what + "; it may have been applied", e);
        }
        String message = e instanceof MonriFailure s ? "Monri answered HTTP " + s.status() : "Monri did not answer in time";
        return GatewayException.unavailable(MONRI, message, e);
    }

    /** Failed before anything was sent. */
    private static boolean notConnected(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof NoRouteToHostException) {
                return true;
            }
        }
        return false;
    }

    static boolean isNotFound(Throwable e) {
        return e instanceof GatewayException g && g.code() == ErrorCode.NOT_FOUND;
    }
}
