package dev.billinggateway.provider.revenuemonster;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.billinggateway.domain.GatewayException;
import dev.billinggateway.provider.revenuemonster.dto.RmCreateRecurringCustomerRequest;
import dev.billinggateway.provider.revenuemonster.dto.RmCustomer;
import dev.billinggateway.provider.revenuemonster.dto.RmOrder;
import dev.billinggateway.provider.revenuemonster.dto.RmOrderPage;
import dev.billinggateway.config.ProviderHttp;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.mutiny.Uni;

/**
 * The Revenue Monster Open API as the connector uses it: signed requests (provider doc §2), the bearer
 * token, RM's envelopes. Carries the fault tolerance: every call has a timeout, a circuit breaker and a
 * bulkhead; only reads are retried (with backoff). Mutations are never retried, except once after a 401,
 * which RM gives before doing anything.
 *
 * <p>Failures come out as {@link GatewayException} (RM answered "no") or {@link RmTransportException}
 * and fault-tolerance exceptions (no usable answer); {@link RevenueMonsterFailures} maps the latter.
 */
@ApplicationScoped
public class RevenueMonsterClient {

    private static final Logger LOG = Logger.getLogger(RevenueMonsterClient.class);

    /** Circuit breaker names, prefixed with the provider slug; {@link RevenueMonsterModule#healthy()} reads them. */
    public static final String CB_GET_CUSTOMER = "revenue-monster-get-customer";
    public static final String CB_GET_ORDERS = "revenue-monster-get-customer-orders";
    public static final String CB_CREATE = "revenue-monster-create-recurring-customer";
    public static final String CB_TOGGLE = "revenue-monster-toggle-customer-status";
    public static final List<String> CIRCUIT_BREAKERS = List.of(CB_GET_CUSTOMER, CB_GET_ORDERS, CB_CREATE, CB_TOGGLE);

    @Inject
    RevenueMonsterSettings settings;

    @Inject
    RevenueMonsterTokens tokens;

    @Inject
    ObjectMapper mapper;

    private volatile RevenueMonsterOpenApi api;
    private volatile String apiBase;

    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = { RmTransportException.class, TimeoutException.class },
            abortOn = GatewayException.class)
    @ExponentialBackoff
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            successThreshold = 2, skipOn = { GatewayException.class, BulkheadException.class })
    @CircuitBreakerName(CB_GET_CUSTOMER)
    @Bulkhead(value = 20, waitingTaskQueue = 100)
    public Uni<RmCustomer> getCustomer(String customerId) {
        return call("GET", customerPath(settings.config().customerPath(), customerId), null, null, true)
                .map(json -> item(json, RmCustomer.class));
    }

    /** One page of the customer's charges; {@code cursor} from the previous page, null for the first. */
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = { RmTransportException.class, TimeoutException.class },
            abortOn = GatewayException.class)
    @ExponentialBackoff
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            successThreshold = 2, skipOn = { GatewayException.class, BulkheadException.class })
    @CircuitBreakerName(CB_GET_ORDERS)
    @Bulkhead(value = 20, waitingTaskQueue = 100)
    public Uni<RmOrderPage> getCustomerOrders(String customerId, String cursor) {
        return call("GET", customerPath(settings.config().customerOrdersPath(), customerId), cursor, null, true)
                .map(json -> {
                    List<RmOrder> orders = new ArrayList<>();
                    for (JsonNode order : json.path("items")) {
                        orders.add(mapper.convertValue(order, RmOrder.class));
                    }
                    String next = json.path("meta").path("cursor").asText(json.path("cursor").asText(""));
                    return new RmOrderPage(orders, next.isEmpty() ? null : next);
                });
    }

    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            successThreshold = 2, skipOn = { GatewayException.class, BulkheadException.class })
    @CircuitBreakerName(CB_CREATE)
    @Bulkhead(value = 10, waitingTaskQueue = 50)
    public Uni<RmCustomer> createRecurringCustomer(RmCreateRecurringCustomerRequest request) {
        return call("POST", settings.config().recurringPaymentPath(), null, mapper.valueToTree(request), false)
                .map(json -> item(json, RmCustomer.class));
    }

    /** Flips {@code isActive}. Not idempotent: never retried here; the gateway reconciles unknown outcomes. */
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            successThreshold = 2, skipOn = { GatewayException.class, BulkheadException.class })
    @CircuitBreakerName(CB_TOGGLE)
    @Bulkhead(value = 10, waitingTaskQueue = 50)
    public Uni<RmCustomer> toggleCustomerStatus(String customerId) {
        return call(settings.config().toggleMethod(), customerPath(settings.config().togglePath(), customerId), null, null, true)
                .map(json -> item(json, RmCustomer.class));
    }

    // --- plumbing

    static String customerPath(String template, String customerId) {
        return template.replace("{customer_id}", URLEncoder.encode(customerId, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    private <T> T item(JsonNode json, Class<T> type) {
        JsonNode item = json.path("item");
        if (!item.isObject()) {
            throw new RmTransportException(RmTransportException.Stage.SERVER_ERROR, "Revenue Monster answered without an item", null, null);
        }
        return mapper.convertValue(item, type);
    }

    /**
     * Signs and sends one call; after a 401 drops the token and tries once more with a fresh token, nonce
     * and timestamp (a 401 means RM did nothing).
     */
    private Uni<JsonNode> call(String method, String path, String cursor, JsonNode body, boolean customerCall) {
        String canonicalBody = body == null ? null : RmCanonicalJson.of(body);
        return attempt(method, path, cursor, canonicalBody, customerCall, true);
    }

    private Uni<JsonNode> attempt(String method, String path, String cursor, String canonicalBody, boolean customerCall,
            boolean mayRenewToken) {
        return tokens.accessToken().chain(token -> {
            String relative = path.startsWith("/") ? path.substring(1) : path;
            String encodedCursor = cursor == null ? null : URLEncoder.encode(cursor, StandardCharsets.UTF_8);
            String base = settings.apiUrl();
            String url = base + "/" + relative + (encodedCursor == null ? "" : "?cursor=" + encodedCursor);
            String nonce = RmSignature.nonce();
            long timestamp = System.currentTimeMillis() / 1000;
            String plainText = RmSignature.plainText(canonicalBody, method, nonce, url, timestamp);
            String signature = RmSignature.header(plainText, settings.privateKey());
            String bearer = "Bearer " + token;
            String ts = Long.toString(timestamp);
            RevenueMonsterOpenApi client = api(base);
            Uni<Response> sent = switch (method.toUpperCase(Locale.ROOT)) {
                case "GET" -> client.get(relative, encodedCursor, bearer, signature, nonce, ts);
                case "POST" -> client.post(relative, bearer, signature, nonce, ts, canonicalBody);
                case "PUT" -> client.put(relative, bearer, signature, nonce, ts, canonicalBody);
                case "PATCH" -> client.patch(relative, bearer, signature, nonce, ts, canonicalBody);
                default -> throw new IllegalStateException("unsupported HTTP method for Revenue Monster: " + method);
            };
            return sent
                    .onFailure().transform(RevenueMonsterFailures::transport)
                    .chain(response -> {
                        LOG.debugf("Revenue Monster %s %s -> %d", method, path, response.getStatus());
                        if (response.getStatus() == 401 && mayRenewToken) {
                            tokens.invalidate(token);
                            return attempt(method, path, cursor, canonicalBody, customerCall, false);
                        }
                        return Uni.createFrom().item(() -> envelope(response, customerCall));
                    });
        });
    }

    /** The success envelope's JSON, or RM's error envelope (on any status, 200 included) as an exception. */
    private JsonNode envelope(Response response, boolean customerCall) {
        int status = response.getStatus();
        JsonNode json;
        try {
            String entity = bodyOf(response);
            json = entity == null || entity.isBlank() ? mapper.createObjectNode() : mapper.readTree(entity);
        } catch (Exception e) {
            if (status >= 500 || status == 429) {
                throw RevenueMonsterFailures.fromEnvelope(status, null, null, customerCall);
            }
            throw new RmTransportException(RmTransportException.Stage.SERVER_ERROR,
                    "Revenue Monster answered HTTP " + status + " without JSON", null, null);
        }
        JsonNode error = json.path("error");
        if (error.isObject() || status >= 300) {
            throw RevenueMonsterFailures.fromEnvelope(status, error.path("code").asText(null), error.path("message").asText(null),
                    customerCall);
        }
        return json;
    }

    /** The answer's text, whatever the status (RM's error envelope comes with any status). */
    static String bodyOf(Response response) {
        try {
            return response.hasEntity() ? response.readEntity(String.class) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private RevenueMonsterOpenApi api(String base) {
        RevenueMonsterOpenApi client = api;
        if (client == null || !base.equals(apiBase)) {
            synchronized (this) {
                client = ProviderHttp.pooled(QuarkusRestClientBuilder.newBuilder(), settings.config().http())
                        .baseUri(URI.create(base))
                        .connectTimeout(settings.config().connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                        .readTimeout(settings.config().readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                        .disableDefaultMapper(true)
                        .build(RevenueMonsterOpenApi.class);
                api = client;
                apiBase = base;
            }
        }
        return client;
    }
}
