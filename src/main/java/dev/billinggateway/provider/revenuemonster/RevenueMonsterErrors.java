package dev.billinggateway.provider.revenuemonster;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.Set;

import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import dev.billinggateway.connector.NotYetReadable;
import dev.billinggateway.domain.ErrorCode;
import dev.billinggateway.domain.GatewayException;
import dev.billinggateway.domain.Provider;

/** Turns what a Revenue Monster call failed with into the gateway's unified errors. */
final class RevenueMonsterErrors {

    private static final Provider RM = Provider.REVENUE_MONSTER;

    /** Codes meaning "no such customer" (RM documents no dedicated one; these are the closest of Appendix A). */
    static final Set<String> NOT_FOUND_CODES = Set.of("ACCOUNT_NOT_FOUND", "USER_NOT_FOUND", "RESOURCE_GONE",
            "CUSTOMER_NOT_FOUND", "RECORD_NOT_FOUND", "NOT_FOUND");
    static final Set<String> THROTTLE_CODES = Set.of("EXCEEDED_LIMIT", "TOO_MANY_REQUEST_PER_SECOND", "OVERLOAD",
            "TEMPORARY_UNAVAILABLE", "TemporaryUnAvailable");
    static final Set<String> SERVER_ERROR_CODES = Set.of("INTERNAL_ERROR", "SYSTEM_ERROR", "InternalError");

    private RevenueMonsterErrors() {
    }

    /**
     * RM's error envelope ({@code {"error":{"code","message","debug"}}}) as an exception. The
     * {@code debug} part is never read: it is sandbox diagnostics and may echo request data.
     */
    static RuntimeException fromEnvelope(int httpStatus, String code, String message, boolean customerCall) {
        String providerCode = code == null || code.isBlank() ? "HTTP_" + httpStatus : code;
        String providerMessage = message == null || message.isBlank() ? providerCode : message;
        if (THROTTLE_CODES.contains(providerCode) || httpStatus == 429 || httpStatus == 503) {
            return new RevenueMonsterFailure(RevenueMonsterFailure.Stage.THROTTLED,
                    "Revenue Monster is busy (" + providerCode + ")", providerCode, null);
        }
        if (SERVER_ERROR_CODES.contains(providerCode) || httpStatus >= 500) {
            return new RevenueMonsterFailure(RevenueMonsterFailure.Stage.SERVER_ERROR,
                    "Revenue Monster failed (" + providerCode + ")", providerCode, null);
        }
        if (NOT_FOUND_CODES.contains(providerCode)
                || (customerCall && httpStatus == 404 && !"API_ENDPOINT_NOT_FOUND".equals(providerCode))) {
            return GatewayException.of(ErrorCode.NOT_FOUND, "Revenue Monster does not know this customer")
                    .provider(RM).providerCode(providerCode).providerMessage(providerMessage).retryable(false).build();
        }
        return GatewayException.rejected(RM, providerCode, providerMessage);
    }

    /**
     * A failed read of a customer (= subscription) to show: as {@link #forRead}, except that a customer RM refuses to
     * show because no card was bound yet (doc §3.3: "only after the customer has bound a card once") is
     * {@link NotYetReadable}: it exists, and is PENDING.
     */
    static RuntimeException forCustomerRead(Throwable failure) {
        GatewayException e = forRead(failure);
        return cardNotBoundYet(e) ? new NotYetReadable(e) : e;
    }

    /** A failed read: anything but the provider's own "no" is PROVIDER_UNAVAILABLE (safe to retry). */
    static GatewayException forRead(Throwable failure) {
        if (failure instanceof GatewayException e) {
            return e;
        }
        return GatewayException.unavailable(RM, describe(failure), failure);
    }

    /** RM's refusal to show a customer who has not bound a card (NOT_PERMITTED, or a message saying so). */
    static boolean cardNotBoundYet(GatewayException e) {
        if (e.code() != ErrorCode.PROVIDER_REJECTED) {
            return false;
        }
        String message = e.providerMessage() == null ? "" : e.providerMessage().toLowerCase(java.util.Locale.ROOT);
        return "NOT_PERMITTED".equals(e.providerCode()) || message.contains("not bound") || message.contains("bind");
    }

    /**
     * A failed mutation: OUTCOME_UNKNOWN whenever the request may have reached RM and applied (timeout,
     * broken connection, 5xx), so that the gateway reconciles by reading instead of retrying blindly.
     */
    static GatewayException forMutation(Throwable failure) {
        if (failure instanceof GatewayException e) {
            return e;
        }
        boolean notApplied = failure instanceof CircuitBreakerOpenException || failure instanceof BulkheadException
                || (failure instanceof RevenueMonsterFailure t
                        && (t.stage() == RevenueMonsterFailure.Stage.NOT_SENT || t.stage() == RevenueMonsterFailure.Stage.THROTTLED));
        if (notApplied) {
            return GatewayException.unavailable(RM, describe(failure), failure);
        }
        GatewayException.Builder unknown = GatewayException.of(ErrorCode.OUTCOME_UNKNOWN,
                describe(failure) + "; the change may or may not have been applied").provider(RM).retryable(false).cause(failure);
        if (failure instanceof RevenueMonsterFailure t && t.providerCode() != null) {
            unknown.providerCode(t.providerCode());
        }
        return unknown.build();
    }

    /** Where in the chain the HTTP client failed: before sending, or after. */
    static RevenueMonsterFailure transport(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RevenueMonsterFailure e) {
                return e;
            }
            if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof NoRouteToHostException
                    || t.getClass().getName().equals("io.vertx.core.http.ConnectionPoolTooBusyException")) {
                return new RevenueMonsterFailure(RevenueMonsterFailure.Stage.NOT_SENT, "cannot connect to Revenue Monster", null, failure);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return new RevenueMonsterFailure(RevenueMonsterFailure.Stage.NO_ANSWER, "no answer from Revenue Monster", null, failure);
    }

    private static String describe(Throwable failure) {
        if (failure instanceof TimeoutException) {
            return "Revenue Monster did not answer in time";
        }
        if (failure instanceof CircuitBreakerOpenException) {
            return "Revenue Monster is failing; calls are paused for a moment";
        }
        if (failure instanceof BulkheadException) {
            return "too many concurrent calls to Revenue Monster";
        }
        if (failure instanceof RevenueMonsterFailure) {
            return failure.getMessage();
        }
        return "Revenue Monster could not be reached";
    }
}
