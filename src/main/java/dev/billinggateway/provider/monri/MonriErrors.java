package dev.billinggateway.provider.monri;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.billinggateway.domain.ErrorCode;
import dev.billinggateway.domain.GatewayException;
import dev.billinggateway.domain.Provider;
import io.smallrye.mutiny.Uni;

/**
 * Monri's resources as typed calls: encodes request bodies, decodes answers, and turns every failure into a
 * {@link GatewayException} (Monri's {@code {"status","message"}} envelope keeps its words in
 * {@code providerCode}/{@code providerMessage}). Plumbing only: mapping to the unified model is
 * {@link MonriMapping}'s job.
 */
@ApplicationScoped
public class MonriErrors {

    private static final Provider MONRI = Provider.MONRI;

    @Inject
    MonriClient client;

    @Inject
    ObjectMapper json;

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
        return client.read(call)
                .onFailure().transform(e -> failure(e, false, what))
                .map(reply -> decode(reply, type, false, what));
    }

    private <T> Uni<T> write(Function<MonriApi, Uni<Response>> call, Class<T> type, String what) {
        return client.write(call)
                .onFailure().transform(e -> failure(e, true, what))
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

    <T> T decode(MonriReply reply, Class<T> type, boolean mutation, String what) {
        if (!reply.ok()) {
            throw rejection(reply, what);
        }
        MonriJson.Envelope envelope = parse(reply.body(), MonriJson.Envelope.class);
        T value = parse(reply.body(), type);
        if (envelope == null || value == null) {
            String message = "Monri's answer to the " + what + " could not be read";
            throw mutation ? GatewayException.outcomeUnknown(MONRI, message, null)
                    : GatewayException.unavailable(MONRI, message, null);
        }
        if (envelope.status() != null && !MonriJson.APPROVED.equals(envelope.status())) {
            throw GatewayException.rejected(MONRI, envelope.status(), messageOf(envelope, reply.status()));
        }
        return value;
    }

    private GatewayException rejection(MonriReply reply, String what) {
        MonriJson.Envelope envelope = parse(reply.body(), MonriJson.Envelope.class);
        String code = envelope != null && envelope.status() != null ? envelope.status() : "http-" + reply.status();
        String message = messageOf(envelope, reply.status());
        if (reply.status() == 404) {
            return GatewayException.of(ErrorCode.NOT_FOUND, "Monri does not know the " + what + ": " + message)
                    .provider(MONRI).providerCode(code).providerMessage(message).retryable(false).build();
        }
        if (reply.status() == 401) {
            // our credentials or digest were refused: a configuration fault, not the caller's
            return GatewayException.of(ErrorCode.PROVIDER_REJECTED, "Monri refused the gateway's credentials: " + message)
                    .provider(MONRI).providerCode(code).providerMessage(message).retryable(false).build();
        }
        return GatewayException.rejected(MONRI, code, message);
    }

    private static String messageOf(MonriJson.Envelope envelope, int status) {
        return envelope != null && envelope.message() != null && !envelope.message().isBlank()
                ? envelope.message()
                : "HTTP " + status;
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
