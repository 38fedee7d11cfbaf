package dev.billinggateway.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.billinggateway.connector.NotYetReadable;
import dev.billinggateway.domain.GatewayException;
import dev.billinggateway.domain.Provider;
import io.smallrye.mutiny.CompositeException;

/** The outcome a provider call is counted and logged with: the unified code, never INTERNAL for a provider's answer. */
class OutcomeTest {

    @Test
    void aProviderThatWillNotShowAnObjectYetIsItsOwnAnswerNotAFault() {
        GatewayException refused = GatewayException.rejected(Provider.REVENUE_MONSTER, "CUSTOMER_NOT_BOUND", "Customer has not bound a card yet");
        assertThat(GatewayMetrics.outcome(new NotYetReadable(refused))).isEqualTo("PROVIDER_REJECTED");
    }

    @Test
    void aFailureWhoseHandlingFailedTooCountsAsTheFailureItself() {
        GatewayException timeout = GatewayException.unavailable(Provider.REVENUE_MONSTER, "timed out", null);
        assertThat(GatewayMetrics.outcome(new CompositeException(timeout, new IllegalStateException("handler"))))
                .isEqualTo("PROVIDER_UNAVAILABLE");
        assertThat(GatewayMetrics.outcome(new IllegalStateException("a bug"))).isEqualTo("INTERNAL");
        assertThat(GatewayMetrics.outcome(null)).isEqualTo("OK");
    }
}
