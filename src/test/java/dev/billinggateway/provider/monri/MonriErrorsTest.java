package dev.billinggateway.provider.monri;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import jakarta.ws.rs.ProcessingException;

import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.junit.jupiter.api.Test;

import dev.billinggateway.domain.ErrorCode;
import dev.billinggateway.domain.Provider;

/** Which failures mean "nothing happened" (safe to retry) and which mean "may have been applied". */
class MonriErrorsTest {

    static ErrorCode code(Throwable failure, boolean mutation) {
        return MonriErrors.failure(failure, mutation, "test call").code();
    }

    @Test
    void notConnectedIsUnavailableEvenForAWrite() {
        ProcessingException refused = new ProcessingException(new ConnectException("Connection refused"));
        assertThat(code(refused, false)).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
        assertThat(code(refused, true)).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
        assertThat(MonriErrors.failure(refused, true, "x").provider()).isEqualTo(Provider.MONRI);
    }

    @Test
    void lostAnswerIsUnavailableForAReadButOutcomeUnknownForAWrite() {
        ProcessingException timedOut = new ProcessingException(new TimeoutException("read timeout"));
        assertThat(code(timedOut, false)).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
        assertThat(code(timedOut, true)).isEqualTo(ErrorCode.OUTCOME_UNKNOWN);
        assertThat(code(new MonriFailure(502), false)).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
        assertThat(code(new MonriFailure(502), true)).isEqualTo(ErrorCode.OUTCOME_UNKNOWN);
    }

    @Test
    void failingFastIsUnavailable() {
        assertThat(code(new CircuitBreakerOpenException("open"), true)).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
        assertThat(code(new BulkheadException("full"), true)).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
    }
}
