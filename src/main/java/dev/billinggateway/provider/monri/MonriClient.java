package dev.billinggateway.provider.monri;

import java.net.URI;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import dev.billinggateway.connector.CallPolicy;
import dev.billinggateway.connector.ProviderGuards;
import dev.billinggateway.domain.ErrorCode;
import dev.billinggateway.domain.GatewayException;
import dev.billinggateway.domain.Provider;
import dev.billinggateway.config.ProviderHttp;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.mutiny.Uni;

/**
 * The fault-tolerant edge of the Monri connector (after quarkus-super-heroes' rest-fights): every call to
 * Monri passes through {@link #read} or {@link #write}, guarded as {@code gateway.providers.monri.reads.*} /
 * {@code .writes.*} say ({@link ProviderGuards}); only reads are retried, because a repeated write could apply twice.
 * Answers below 500 come back as {@link MonriReply}s for the caller to decode; 5xx, timeouts and
 * connection failures fail the Uni.
 */
@ApplicationScoped
public class MonriClient {

    /** Circuit breaker names ({@link ProviderGuards}): {@code monri-reads} and {@code monri-writes}. */
    static final String READ_CIRCUIT = Provider.MONRI.slug() + "-reads";
    static final String WRITE_CIRCUIT = Provider.MONRI.slug() + "-writes";

    @Inject
    MonriAccount account;

    private volatile MonriApi readApi;
    private volatile MonriApi writeApi;
    private ProviderGuards guards;

    @PostConstruct
    void buildGuards() {
        MonriConfig config = account.config();
        guards = new ProviderGuards(Provider.MONRI.slug(), config.reads(), config.writes(), MonriClient::providerFailure);
    }

    /** Monri did not answer usably: 5xx, transport failure or timeout. */
    static boolean providerFailure(Throwable t) {
        return t instanceof MonriFailure || t instanceof ProcessingException || t instanceof TimeoutException;
    }

    ProviderGuards guards() {
        return guards;
    }

    Uni<MonriReply> read(Function<MonriApi, Uni<Response>> call) {
        return guards.read(() -> send(call, true));
    }

    Uni<MonriReply> write(Function<MonriApi, Uni<Response>> call) {
        return guards.write(() -> send(call, false));
    }

    private Uni<MonriReply> send(Function<MonriApi, Uni<Response>> call, boolean read) {
        return Uni.createFrom().deferred(() -> call.apply(api(read)))
                .onItem().transform(MonriClient::reply)
                // in case the client still maps error statuses to exceptions
                .onFailure(WebApplicationException.class)
                .recoverWithItem(e -> reply(((WebApplicationException) e).getResponse()));
    }

    private static MonriReply reply(Response response) {
        int status = response.getStatus();
        if (status >= 500) {
            throw new MonriFailure(status);
        }
        String body = response.hasEntity() ? response.readEntity(String.class) : "";
        return new MonriReply(status, body);
    }

    private MonriApi api(boolean read) {
        MonriApi current = read ? readApi : writeApi;
        if (current == null) {
            synchronized (this) {
                current = read ? readApi : writeApi;
                if (current == null) {
                    if (account.authenticityToken() == null || account.merchantKey() == null) {
                        throw GatewayException.of(ErrorCode.PROVIDER_UNAVAILABLE,
                                "Monri is switched on without credentials: set gateway.providers.monri.authenticity-token and .merchant-key")
                                .provider(Provider.MONRI).retryable(false).build();
                    }
                    MonriConfig config = account.config();
                    CallPolicy.HttpTimeouts timeouts = CallPolicy.HttpTimeouts.of(config.connectTimeout(),
                            read ? config.reads().timeout() : config.writes().timeout());
                    current = ProviderHttp.pooled(QuarkusRestClientBuilder.newBuilder(), config.http())
                            .baseUri(URI.create(account.baseUrl()))
                            .connectTimeout(timeouts.connectMillis(), TimeUnit.MILLISECONDS)
                            .readTimeout(timeouts.readMillis(), TimeUnit.MILLISECONDS)
                            .disableDefaultMapper(true)
                            .followRedirects(false)
                            .register(new MonriAuthFilter(account.authenticityToken(), account.merchantKey(), Clock.systemUTC()))
                            .build(MonriApi.class);
                    if (read) {
                        readApi = current;
                    } else {
                        writeApi = current;
                    }
                }
            }
        }
        return current;
    }
}
