package dev.billinggateway.provider.monri;

import java.net.URI;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import dev.billinggateway.domain.ErrorCode;
import dev.billinggateway.domain.GatewayException;
import dev.billinggateway.domain.Provider;
import dev.billinggateway.config.ProviderHttp;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.mutiny.Uni;

/**
 * The fault-tolerant edge of the Monri connector (after quarkus-super-heroes' rest-fights): every call to
 * Monri passes through {@link #read} or {@link #write}, which carry the timeout, circuit breaker and
 * bulkhead; only reads are retried (with exponential backoff), because a repeated write could apply twice.
 * Answers below 500 come back as {@link MonriReply}s for the caller to decode; 5xx, timeouts and
 * connection failures fail the Uni.
 */
@ApplicationScoped
public class MonriClient {

    static final String READ_CIRCUIT = "monri-reads";
    static final String WRITE_CIRCUIT = "monri-writes";

    @Inject
    MonriAccount account;

    private volatile MonriApi api;

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100,
            retryOn = { MonriServerError.class, ProcessingException.class, TimeoutException.class })
    @ExponentialBackoff(factor = 2, maxDelay = 2, maxDelayUnit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            successThreshold = 2, skipOn = BulkheadException.class)
    @CircuitBreakerName(READ_CIRCUIT)
    @Bulkhead(value = 16, waitingTaskQueue = 64)
    Uni<MonriReply> read(Function<MonriApi, Uni<Response>> call) {
        return send(call);
    }

    @Timeout(value = 15, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            successThreshold = 2, skipOn = BulkheadException.class)
    @CircuitBreakerName(WRITE_CIRCUIT)
    @Bulkhead(value = 8, waitingTaskQueue = 32)
    Uni<MonriReply> write(Function<MonriApi, Uni<Response>> call) {
        return send(call);
    }

    private Uni<MonriReply> send(Function<MonriApi, Uni<Response>> call) {
        return Uni.createFrom().deferred(() -> call.apply(api()))
                .onItem().transform(MonriClient::reply)
                // in case the client still maps error statuses to exceptions
                .onFailure(WebApplicationException.class)
                .recoverWithItem(e -> reply(((WebApplicationException) e).getResponse()));
    }

    private static MonriReply reply(Response response) {
        int status = response.getStatus();
        if (status >= 500) {
            throw new MonriServerError(status);
        }
        String body = response.hasEntity() ? response.readEntity(String.class) : "";
        return new MonriReply(status, body);
    }

    private MonriApi api() {
        MonriApi current = api;
        if (current == null) {
            synchronized (this) {
                if (api == null) {
                    if (account.authenticityToken() == null || account.merchantKey() == null) {
                        throw GatewayException.of(ErrorCode.PROVIDER_UNAVAILABLE,
                                "Monri is switched on without credentials: set gateway.providers.monri.authenticity-token and .merchant-key")
                                .provider(Provider.MONRI).retryable(false).build();
                    }
                    MonriConfig config = account.config();
                    api = ProviderHttp.pooled(QuarkusRestClientBuilder.newBuilder(), config.http())
                            .baseUri(URI.create(account.baseUrl()))
                            .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                            .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                            .disableDefaultMapper(true)
                            .followRedirects(false)
                            .register(new MonriAuthFilter(account.authenticityToken(), account.merchantKey(), Clock.systemUTC()))
                            .build(MonriApi.class);
                }
                current = api;
            }
        }
        return current;
    }
}
