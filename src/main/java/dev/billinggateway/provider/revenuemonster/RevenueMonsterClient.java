package dev.billinggateway.provider.revenuemonster;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.billinggateway.connector.CallPolicy;
import dev.billinggateway.connector.ProviderGuards;
import dev.billinggateway.domain.GatewayException;
import dev.billinggateway.domain.Provider;
import dev.billinggateway.provider.revenuemonster.dto.CreateRecurringCustomerRequest;
import dev.billinggateway.provider.revenuemonster.dto.RecurringCustomer;
import dev.billinggateway.provider.revenuemonster.dto.Order;
import dev.billinggateway.provider.revenuemonster.dto.OrderPage;
import dev.billinggateway.config.ProviderHttp;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.mutiny.Uni;

/**
 * The Revenue Monster Open API as the connector uses it: signed requests (provider doc §2), the bearer
 * token, RM's envelopes. Carries the fault tolerance: every call passes the read or write guard built from
 * {@code gateway.providers.revenue-monster.reads.*} / {@code .writes.*} ({@link ProviderGuards}); only reads are retried. Mutations are never retried, except once after a 401,
 * which RM gives before doing anything.
 *
 * <p>Failures come out as {@link GatewayException} (RM answered "no") or {@link RevenueMonsterFailure}
 * and fault-tolerance exceptions (no usable answer); {@link RevenueMonsterErrors} maps the latter.
 */
@ApplicationScoped
public class RevenueMonsterClient {

    private static final Logger LOG = Logger.getLogger(RevenueMonsterClient.class);

    @Inject
    RevenueMonsterSettings settings;

    @Inject
    RevenueMonsterAuthTokens tokens;

    @Inject
    ObjectMapper mapper;

    /** The REST clients for one base URL, one per kind of call (their HTTP read timeouts differ). */
    private record BoundApis(String base, RevenueMonsterApi reads, RevenueMonsterApi writes) {
    }

    private volatile BoundApis apis;
    private ProviderGuards guards;

    @PostConstruct
    void buildGuards() {
        RevenueMonsterConfig config = settings.config();
        guards = new ProviderGuards(Provider.REVENUE_MONSTER.slug(), config.reads(), config.writes(),
                RevenueMonsterClient::providerFailure);
    }

    /** RM did not answer usably (transport, 5xx, timeout); RM's "no" comes as a GatewayException and is not that. */
    static boolean providerFailure(Throwable t) {
        return t instanceof RevenueMonsterFailure || t instanceof TimeoutException;
    }

    ProviderGuards guards() {
        return guards;
    }

    public Uni<RecurringCustomer> getCustomer(String customerId) {
        return guards.read(() -> call("GET", customerPath(settings.config().customerPath(), customerId), null, null, true, true))
                .map(json -> item(json, RecurringCustomer.class));
    }

    /** One page of the customer's charges; {@code cursor} from the previous page, null for the first. */
    public Uni<OrderPage> getCustomerOrders(String customerId, String cursor) {
        return guards.read(() -> call("GET", customerPath(settings.config().customerOrdersPath(), customerId), cursor, null, true, true))
                .map(json -> {
                    List<Order> orders = new ArrayList<>();
                    for (JsonNode order : json.path("items")) {
                        orders.add(mapper.convertValue(order, Order.class));
                    }
                    String next = json.path("meta").path("cursor").asText(json.path("cursor").asText(""));
                    return new OrderPage(orders, next.isEmpty() ? null : next);
                });
    }

    public Uni<RecurringCustomer> createRecurringCustomer(CreateRecurringCustomerRequest request) {
        return guards.write(() -> call("POST", settings.config().recurringPaymentPath(), null, mapper.valueToTree(request), false, false))
                .map(json -> item(json, RecurringCustomer.class));
    }

    /** Flips {@code isActive}. Not idempotent: never retried here; the gateway reconciles unknown outcomes. */
    public Uni<RecurringCustomer> toggleCustomerStatus(String customerId) {
        return guards.write(() -> call(settings.config().toggleMethod(), customerPath(settings.config().togglePath(), customerId), null, null,
                true, false))
                .map(json -> item(json, RecurringCustomer.class));
    }

    // --- plumbing

    static String customerPath(String template, String customerId) {
        return template.replace("{customer_id}", URLEncoder.encode(customerId, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    private <T> T item(JsonNode json, Class<T> type) {
        JsonNode item = json.path("item");
        if (!item.isObject()) {
            throw new RevenueMonsterFailure(RevenueMonsterFailure.Stage.SERVER_ERROR, "Revenue Monster answered without an item", null, null);
        }
        return mapper.convertValue(item, type);
    }

    /**
     * Signs and sends one call; after a 401 drops the token and tries once more with a fresh token, nonce
     * and timestamp (a 401 means RM did nothing).
     */
    private Uni<JsonNode> call(String method, String path, String cursor, JsonNode body, boolean customerCall, boolean read) {
        String canonicalBody = body == null ? null : RevenueMonsterAuthCanonicalJson.of(body);
        return attempt(method, path, cursor, canonicalBody, customerCall, read, true);
    }

    private Uni<JsonNode> attempt(String method, String path, String cursor, String canonicalBody, boolean customerCall,
            boolean read, boolean mayRenewToken) {
        return tokens.accessToken().chain(token -> {
            String relative = path.startsWith("/") ? path.substring(1) : path;
            String encodedCursor = cursor == null ? null : URLEncoder.encode(cursor, StandardCharsets.UTF_8);
            String base = settings.apiUrl();
            String url = base + "/" + relative + (encodedCursor == null ? "" : "?cursor=" + encodedCursor);
            String nonce = RevenueMonsterAuth.nonce();
            long timestamp = System.currentTimeMillis() / 1000;
            String plainText = RevenueMonsterAuth.plainText(canonicalBody, method, nonce, url, timestamp);
            String signature = RevenueMonsterAuth.header(plainText, settings.privateKey());
            String bearer = "Bearer " + token;
            String ts = Long.toString(timestamp);
            RevenueMonsterApi client = read ? apis(base).reads() : apis(base).writes();
            Uni<Response> sent = switch (method.toUpperCase(Locale.ROOT)) {
                case "GET" -> client.get(relative, encodedCursor, bearer, signature, nonce, ts);
                case "POST" -> client.post(relative, bearer, signature, nonce, ts, canonicalBody);
                case "PUT" -> client.put(relative, bearer, signature, nonce, ts, canonicalBody);
                case "PATCH" -> client.patch(relative, bearer, signature, nonce, ts, canonicalBody);
                default -> throw new IllegalStateException("unsupported HTTP method for Revenue Monster: " + method);
            };
            return sent
                    .onFailure().transform(RevenueMonsterErrors::transport)
                    .chain(response -> {
                        LOG.debugf("Revenue Monster %s %s -> %d", method, path, response.getStatus());
                        if (response.getStatus() == 401 && mayRenewToken) {
                            tokens.invalidate(token);
                            return attempt(method, path, cursor, canonicalBody, customerCall, read, false);
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
                throw RevenueMonsterErrors.fromEnvelope(status, null, null, customerCall);
            }
            throw new RevenueMonsterFailure(RevenueMonsterFailure.Stage.SERVER_ERROR,
                    "Revenue Monster answered HTTP " + status + " without JSON", null, null);
        }
        JsonNode error = json.path("error");
        if (error.isObject() || status >= 300) {
            throw RevenueMonsterErrors.fromEnvelope(status, error.path("code").asText(null), error.path("message").asText(null),
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

    private BoundApis apis(String base) {
        BoundApis current = apis;
        if (current == null || !base.equals(current.base())) {
            // two racing first calls build two equivalent pairs; either may stay
            current = new BoundApis(base, build(base, settings.config().reads().timeout()), build(base, settings.config().writes().timeout()));
            apis = current;
        }
        return current;
    }

    private RevenueMonsterApi build(String base, java.time.Duration policyTimeout) {
        CallPolicy.HttpTimeouts timeouts = CallPolicy.HttpTimeouts.of(settings.config().connectTimeout(), policyTimeout);
        return ProviderHttp.pooled(QuarkusRestClientBuilder.newBuilder(), settings.config().http())
                .baseUri(URI.create(base))
                .connectTimeout(timeouts.connectMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(timeouts.readMillis(), TimeUnit.MILLISECONDS)
                .disableDefaultMapper(true)
                .build(RevenueMonsterApi.class);
    }
}
