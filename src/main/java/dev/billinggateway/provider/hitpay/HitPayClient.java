package dev.billinggateway.provider.hitpay;

import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.billinggateway.domain.GatewayException;
import dev.billinggateway.provider.hitpay.model.CreateRecurringBillingRequest;
import dev.billinggateway.provider.hitpay.model.RecurringBilling;
import dev.billinggateway.provider.hitpay.model.RecurringBillingPage;
import dev.billinggateway.provider.hitpay.model.UpdateRecurringBillingRequest;
import dev.billinggateway.config.ProviderHttp;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.mutiny.Uni;

/**
 * The fault-tolerant face of {@link HitPayApi}: timeouts, circuit breakers and bulkheads on every call,
 * retries with backoff on reads only (a mutation is never retried blindly). Failures leave as
 * {@link HitPayHttpException} or transport/fault-tolerance exceptions; {@link HitPayErrors} maps them.
 */
@ApplicationScoped
public class HitPayClient {

    static final String CB_FETCH = "hitpay-fetch";
    static final String CB_LIST = "hitpay-list";
    static final String CB_CREATE = "hitpay-create";
    static final String CB_UPDATE = "hitpay-update";
    static final String CB_CANCEL = "hitpay-cancel";

    @Inject
    HitPayModule module;

    @Inject
    HitPayConfig config;

    @Inject
    ObjectMapper mapper;

    /** The REST client for one base URL; replaced as a whole, so a reader never sees half of it. */
    private record BoundApi(String baseUrl, HitPayApi api) {
    }

    private volatile BoundApi bound;

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = { HitPayHttpException.Rejected.class, GatewayException.class })
    @ExponentialBackoff
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = { HitPayHttpException.Rejected.class, GatewayException.class, BulkheadException.class })
    @CircuitBreakerName(CB_FETCH)
    @Bulkhead(value = 20, waitingTaskQueue = 100)
    public Uni<RecurringBilling> fetch(String id) {
        return call(() -> api().get(module.apiKey(), id)).map(this::billing);
    }

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = { HitPayHttpException.Rejected.class, GatewayException.class })
    @ExponentialBackoff
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = { HitPayHttpException.Rejected.class, GatewayException.class, BulkheadException.class })
    @CircuitBreakerName(CB_LIST)
    @Bulkhead(value = 20, waitingTaskQueue = 100)
    public Uni<RecurringBillingPage> list(String customerEmail, String status, int page, int perPage) {
        return call(() -> api().list(module.apiKey(), customerEmail, status, page, perPage)).map(this::page);
    }

    @Timeout(value = 15, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = { HitPayHttpException.Rejected.class, GatewayException.class, BulkheadException.class })
    @CircuitBreakerName(CB_CREATE)
    @Bulkhead(value = 10, waitingTaskQueue = 50)
    public Uni<RecurringBilling> create(CreateRecurringBillingRequest request) {
        return call(() -> api().create(module.apiKey(), request)).map(this::billing);
    }

    @Timeout(value = 15, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = { HitPayHttpException.Rejected.class, GatewayException.class, BulkheadException.class })
    @CircuitBreakerName(CB_UPDATE)
    @Bulkhead(value = 10, waitingTaskQueue = 50)
    public Uni<RecurringBilling> update(String id, UpdateRecurringBillingRequest request) {
        return call(() -> api().update(module.apiKey(), id, request)).map(this::billing);
    }

    @Timeout(value = 15, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = { HitPayHttpException.Rejected.class, GatewayException.class, BulkheadException.class })
    @CircuitBreakerName(CB_CANCEL)
    @Bulkhead(value = 10, waitingTaskQueue = 50)
    public Uni<RecurringBilling> cancel(String id) {
        return call(() -> api().cancel(module.apiKey(), id)).map(this::billing);
    }

    /** Sends lazily (on subscription, so that a retry sends again) and keeps only 2xx bodies. */
    private Uni<String> call(Supplier<Uni<Response>> request) {
        return Uni.createFrom().<Response>deferred(request::get).map(response -> {
            try (response) {
                String body = response.hasEntity() ? response.readEntity(String.class) : null;
                int status = response.getStatus();
                if (status / 100 != 2) {
                    throw HitPayHttpException.of(status, body);
                }
                return body;
            }
        });
    }

    private RecurringBilling billing(String body) {
        try {
            JsonNode node = body == null ? null : mapper.readTree(body);
            if (node == null || !node.isObject() || !node.hasNonNull("id")) {
                throw new HitPayHttpException.Unreadable(200);
            }
            return mapper.treeToValue(node, RecurringBilling.class);
        } catch (JsonProcessingException e) {
            throw new HitPayHttpException.Unreadable(200);
        }
    }

    private RecurringBillingPage page(String body) {
        try {
            JsonNode node = body == null ? null : mapper.readTree(body);
            if (node != null && node.isArray()) {
                return new RecurringBillingPage(items(node), false);
            }
            if (node == null || !node.path("data").isArray()) {
                throw new HitPayHttpException.Unreadable(200);
            }
            JsonNode meta = node.path("meta");
            boolean hasMore = node.path("links").hasNonNull("next")
                    || (meta.hasNonNull("current_page") && meta.hasNonNull("last_page")
                            && meta.path("current_page").asInt() < meta.path("last_page").asInt());
            return new RecurringBillingPage(items(node.path("data")), hasMore);
        } catch (JsonProcessingException e) {
            throw new HitPayHttpException.Unreadable(200);
        }
    }

    private List<RecurringBilling> items(JsonNode array) throws JsonProcessingException {
        List<RecurringBilling> items = new ArrayList<>(array.size());
        for (JsonNode item : array) {
            items.add(mapper.treeToValue(item, RecurringBilling.class));
        }
        return items;
    }

    /** Built on first use: the sandbox's port is only known once it has started. */
    private HitPayApi api() {
        String baseUrl = module.baseUrl();
        BoundApi current = bound;
        if (current == null || !current.baseUrl().equals(baseUrl)) {
            current = new BoundApi(baseUrl, ProviderHttp.pooled(QuarkusRestClientBuilder.newBuilder(), config.http())
                    .baseUri(URI.create(baseUrl))
                    .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                    .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                    .disableDefaultMapper(true)
                    .build(HitPayApi.class));
            bound = current; // two racing first calls build two equivalent clients; either may stay
        }
        return current.api();
    }
}
