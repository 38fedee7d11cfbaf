package dev.billinggateway.connector;

import java.time.Duration;

import io.smallrye.config.WithDefault;

/**
 * The one source of truth for how a provider is called, per kind of call: {@code gateway.providers.<p>.reads.*} and
 * {@code gateway.providers.<p>.writes.*}. The same {@code timeout} bounds the fault-tolerance policy and the HTTP
 * client's read timeout (the connect timeout is capped by it), so the two can never contradict each other.
 */
public final class CallPolicy {

    private CallPolicy() {
    }

    /** Reads: retried with exponential backoff when the provider did not answer usably (reads change nothing). */
    public interface Reads {
        /** One attempt's budget, also the HTTP read timeout; the request's read deadline may cut it shorter. */
        @WithDefault("3s")
        Duration timeout();

        /** Further attempts after a transport failure, 5xx or timeout (0: none). */
        @WithDefault("2")
        int maxRetries();

        /** First backoff before a retry; doubles each time, with up to half of it as jitter. */
        @WithDefault("200ms")
        Duration retryDelay();

        /** Calls in flight at once; more wait in a queue of {@code queue}, beyond that the bulkhead refuses. */
        @WithDefault("20")
        int concurrency();

        @WithDefault("100")
        int queue();

        Circuit circuit();
    }

    /** Writes: never retried (a repeated write could apply twice); unknown outcomes are reconciled instead. */
    public interface Writes {
        /** One write's budget, also the HTTP read timeout. Keep it under {@code quarkus.shutdown.timeout}. */
        @WithDefault("15s")
        Duration timeout();

        @WithDefault("10")
        int concurrency();

        @WithDefault("50")
        int queue();

        Circuit circuit();
    }

    /** Opens after {@code failure-ratio} of the last {@code request-volume} calls failed; half-open after {@code delay}. */
    public interface Circuit {
        @WithDefault("10")
        int requestVolume();

        @WithDefault("0.5")
        double failureRatio();

        /** Short, so that a provider that recovered is let back in soon: half-open probing then decides. */
        @WithDefault("3s")
        Duration delay();

        /** Successful probes in half-open state that close the circuit again. */
        @WithDefault("2")
        int successThreshold();
    }

    /** The HTTP client's timeouts for a kind of call: read timeout = the policy's timeout; connect timeout capped by it. */
    public record HttpTimeouts(long connectMillis, long readMillis) {
        public static HttpTimeouts of(Duration connectTimeout, Duration policyTimeout) {
            long read = policyTimeout.toMillis();
            return new HttpTimeouts(Math.min(connectTimeout.toMillis(), read), read);
        }
    }
}
