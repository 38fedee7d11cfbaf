package dev.billinggateway.provider.monri;

import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.billinggateway.connector.CallPolicy;
import dev.billinggateway.connector.ProviderGuards;
import dev.billinggateway.domain.ErrorCode;
import dev.billinggateway.domain.GatewayException;
import dev.billinggateway.domain.Provider;
import dev.billinggateway.config.ProviderHttp;
import dev.billinggateway.provider.monri.dto.MonriJson;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.mutiny.Uni;

/**
 * The fault-tolerant edge of the Monri connector (after quarkus-super-heroes' rest-fights) and Monri's resources
 * as typed calls: every call to Monri passes through {@link #read} or {@link #write}, guarded as
 * {@code gateway.providers.monri.reads.*} / {@code .writes.*} say ({@link ProviderGuards}); only reads are
 * retried, because a repeated write could apply twice. Request bodies are encoded here as the exact JSON text
 * that is signed and sent; answers below 500 come back as {@link Reply}s and are decoded here; 5xx, timeouts
 * and connection failures fail the Uni. {@link MonriErrors} turns every failure into a {@link GatewayException}.
 * Plumbing only: mapping to the unified model is {@link MonriMapping}'s job.
 */
@ApplicationScoped
public class MonriClient {

    /** Circuit breaker names ({@link ProviderGuards}): {@code monri-reads} and {@code monri-writes}. */
    static final String READ_CIRCUIT = Provider.MONRI.slug() + "-reads";
    static final String WRITE_CIRCUIT = Provider.MONRI.slug() + "-writes";

    @Inject
    MonriModule module;

    @Inject
    ObjectMapper json;

    private volatile MonriApi readApi;
    private volatile MonriApi writeApi;
    private ProviderGuards guards;

    @PostConstruct
    void buildGuards() {
        MonriConfig config = module.config();
        guards = new ProviderGuards(Provider.MONRI.slug(), config.reads(), config.writes(), MonriClient::providerFailure);
    }

    /** Monri did not answer usably: 5xx, transport failure or timeout. */
    static boolean providerFailure(Throwable t) {
        return t instanceof MonriFailure || t instanceof ProcessingException || t instanceof TimeoutException;
    }

    ProviderGuards guards() {
        return guards;
    }

    /** A Monri answer below 500, as received: status code and body text. */
    record Reply(int status, String body) {

        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    // --- customers

    Uni<MonriJson.CustomerList> customers(int limit, int offset) {
        return read(api -> api.listCustomers(limit, offset), MonriJson.CustomerList.class, "customers");
    }

    Uni<MonriJson.Customer> customer(String uuid) {
        return read(api -> api.getCustomer(uuid), MonriJson.Customer.class, "customer " + uuid);
    }

    /** The customer we created under this {@code merchant_customer_id}, or empty when Monri has none. */
    Uni<Optional<MonriJson.Customer>> customerByMerchantId(String merchantCustomerId) {
        return read(api -> api.getCustomerByMerchantId(merchantCustomerId), MonriJson.Customer.class, "customer")
                .map(Optional::of)
                .onFailure(MonriErrors::isNotFound).recoverWithItem(Optional.empty());
    }

    Uni<MonriJson.Customer> createCustomer(MonriJson.CustomerRequest request) {
        String body = encode(request);
        return write(api -> api.createCustomer(body), MonriJson.Customer.class, "customer creation");
    }

    Uni<MonriJson.Customer> updateCustomer(String uuid, MonriJson.CustomerRequest request) {
        String body = encode(request);
        return write(api -> api.updateCustomer(uuid, body), MonriJson.Customer.class, "customer update");
    }

    // --- plans (Monri "subscriptions")

    Uni<MonriJson.PlanList> plans(int limit, int offset) {
        return read(api -> api.listPlans(limit, offset), MonriJson.PlanList.class, "plans");
    }

    Uni<MonriJson.Plan> plan(long id) {
        return read(api -> api.getPlan(id), MonriJson.Plan.class, "plan " + id);
    }

    Uni<MonriJson.Plan> createPlan(MonriJson.PlanRequest request) {
        String body = encode(request);
        return write(api -> api.createPlan(body), MonriJson.Plan.class, "plan creation");
    }

    // --- customer subscriptions

    Uni<MonriJson.CustomerSubscription> customerSubscription(long id) {
        return read(api -> api.getCustomerSubscription(id), MonriJson.CustomerSubscription.class, "customer subscription " + id);
    }

    Uni<MonriJson.CustomerSubscription> createCustomerSubscription(MonriJson.CustomerSubscriptionRequest request) {
        String body = encode(request);
        return write(api -> api.createCustomerSubscription(body), MonriJson.CustomerSubscription.class,
                "customer subscription creation");
    }

    Uni<MonriJson.CustomerSubscription> updateCustomerSubscription(long id, MonriJson.CustomerSubscriptionRequest request) {
        String body = encode(request);
        return write(api -> api.updateCustomerSubscription(id, body), MonriJson.CustomerSubscription.class,
                "customer subscription update");
    }

    // --- plumbing

    private <T> Uni<T> read(Function<MonriApi, Uni<Response>> call, Class<T> type, String what) {
        return guards.read(() -> send(call, true))
                .onFailure().transform(e -> MonriErrors.failure(e, false, what))
                .map(reply -> decode(reply, type, false, what));
    }

    private <T> Uni<T> write(Function<MonriApi, Uni<Response>> call, Class<T> type, String what) {
        return guards.write(() -> send(call, false))
                .onFailure().transform(e -> MonriErrors.failure(e, true, what))
                .map(reply -> decode(reply, type, true, what));
    }

    /** The JSON text that is both signed and sent. */
    private String encode(Object request) {
        try {
            return json.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw GatewayException.of(ErrorCode.INTERNAL, "cannot encode a Monri request").cause(e).build();
        }
    }

    <T> T decode(Reply reply, Class<T> type, boolean mutation, String what) {
        MonriJson.Envelope envelope = parse(reply.body(), MonriJson.Envelope.class);
        if (!reply.ok()) {
            throw MonriErrors.rejection(reply.status(), envelope, what);
        }
        T value = parse(reply.body(), type);
        if (envelope == null || value == null) {
            throw MonriErrors.unreadable(mutation, what);
        }
        if (envelope.status() != null && !MonriJson.APPROVED.equals(envelope.status())) {
            throw MonriErrors.declined(envelope, reply.status());
        }
        return value;
    }

    private <T> T parse(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return json.readValue(body, type);
        } catch (JsonProcessingException e) {
            return null; // Monri's body is not quoted back: it may carry debug output
        }
    }

    private Uni<Reply> send(Function<MonriApi, Uni<Response>> call, boolean read) {
        return Uni.createFrom().deferred(() -> call.apply(api(read)))
                .onItem().transform(MonriClient::reply)
                // in case the client still maps error statuses to exceptions
                .onFailure(WebApplicationException.class)
                .recoverWithItem(e -> reply(((WebApplicationException) e).getResponse()));
    }

    private static Reply reply(Response response) {
        int status = response.getStatus();
        if (status >= 500) {
            throw new MonriFailure(status);
        }
        String body = response.hasEntity() ? response.readEntity(String.class) : "";
        return new Reply(status, body);
    }

    private MonriApi api(boolean read) {
        MonriApi current = read ? readApi : writeApi;
        if (current == null) {
            synchronized (this) {
                current = read ? readApi : writeApi;
                if (current == null) {
                    if (module.authenticityToken() == null || module.merchantKey() == null) {
                        throw GatewayException.of(ErrorCode.PROVIDER_UNAVAILABLE,
                                "Monri is switched on without credentials: set gateway.providers.monri.authenticity-token and .merchant-key")
                                .provider(Provider.MONRI).retryable(false).build();
                    }
                    MonriConfig config = module.config();
                    CallPolicy.HttpTimeouts timeouts = CallPolicy.HttpTimeouts.of(config.connectTimeout(),
                            read ? config.reads().timeout() : config.writes().timeout());
                    current = ProviderHttp.pooled(QuarkusRestClientBuilder.newBuilder(), config.http())
                            .baseUri(URI.create(module.baseUrl()))
                            .connectTimeout(timeouts.connectMillis(), TimeUnit.MILLISECONDS)
                            .readTimeout(timeouts.readMillis(), TimeUnit.MILLISECONDS)
                            .disableDefaultMapper(true)
                            .followRedirects(false)
                            .register(new MonriAuth.RequestFilter(module.authenticityToken(), module.merchantKey(), Clock.systemUTC()))
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
