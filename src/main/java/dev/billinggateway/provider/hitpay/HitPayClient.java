package dev.billinggateway.provider.hitpay;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;


import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.billinggateway.connector.CallPolicy;
import dev.billinggateway.connector.ProviderGuards;
import dev.billinggateway.domain.GatewayException;
import dev.billinggateway.domain.Provider;
import dev.billinggateway.provider.hitpay.dto.CreateRecurringBillingRequest;
import dev.billinggateway.provider.hitpay.dto.RecurringBilling;
import dev.billinggateway.provider.hitpay.dto.RecurringBillingPage;
import dev.billinggateway.provider.hitpay.dto.UpdateRecurringBillingRequest;
import dev.billinggateway.config.ProviderHttp;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.mutiny.Uni;

/**
 * The fault-tolerant face of {@link HitPayApi}: every call passes the read or write guard built from
 * {@code gateway.providers.hitpay.reads.*} / {@code .writes.*} ({@link ProviderGuards}); only reads are retried. Failures leave as
 * {@link HitPayFailure} or transport/fault-tolerance exceptions; {@link HitPayErrors} maps them.
 */
@ApplicationScoped
public class HitPayClient {

    @Inject
    HitPayModule module;

    @Inject
    HitPayConfig config;

    @Inject
    ObjectMapper mapper;

    /** The REST client for one base URL and kind of call; replaced as a whole, so a reader never sees half of it. */
    private record BoundApi(String baseUrl, HitPayApi api) {
    }

    private volatile BoundApi readApi;
    private volatile BoundApi writeApi;
    private ProviderGuards guards;

    @PostConstruct
    void buildGuards() {
        guards = new ProviderGuards(Provider.HITPAY.slug(), config.reads(), config.writes(), HitPayClient::providerFailure);
    }

    /** HitPay did not answer usably (transport, 5xx, timeout); a refusal (4xx) or a gateway-side error is not that. */
    static boolean providerFailure(Throwable t) {
        return !(t instanceof HitPayFailure.Rejected) && !(t instanceof GatewayException);
    }

    ProviderGuards guards() {
        return guards;
    }

    public Uni<RecurringBilling> fetch(String id) {
        return guards.read(() -> call(() -> reads().get(module.apiKey(), id))).map(this::billing);
    }

    public Uni<RecurringBillingPage> list(String customerEmail, String status, int page, int perPage) {
        return guards.read(() -> call(() -> reads().list(module.apiKey(), customerEmail, status, page, perPage))).map(this::page);
    }

    public Uni<RecurringBilling> create(CreateRecurringBillingRequest request) {
        return guards.write(() -> call(() -> writes().create(module.apiKey(), request))).map(this::billing);
    }

    public Uni<RecurringBilling> update(String id, UpdateRecurringBillingRequest request) {
        return guards.write(() -> call(() -> writes().update(module.apiKey(), id, request))).map(this::billing);
    }

    public Uni<RecurringBilling> cancel(String id) {
        return guards.write(() -> call(() -> writes().cancel(module.apiKey(), id))).map(this::billing);
    }

    /** Sends lazily (on subscription, so that a retry sends again) and keeps only 2xx bodies. */
    private Uni<String> call(Supplier<Uni<Response>> request) {
        return Uni.createFrom().<Response>deferred(request::get).map(response -> {
            try (response) {
                String body = response.hasEntity() ? response.readEntity(String.class) : null;
                int status = response.getStatus();
                if (status / 100 != 2) {
                    throw HitPayFailure.of(status, body);
                }
                return body;
            }
        });
    }

    private RecurringBilling billing(String body) {
        try {
            // straight into the record (a tree first would parse every read twice); not an object: refused by Jackson
            RecurringBilling billing = body == null ? null : mapper.readValue(body, RecurringBilling.class);
            if (billing == null || billing.id() == null) {
                throw new HitPayFailure.Unreadable(200);
            }
            return billing;
        } catch (JsonProcessingException e) {
            throw new HitPayFailure.Unreadable(200);
        }
    }

    private RecurringBillingPage page(String body) {
        try {
            JsonNode node = body == null ? null : mapper.readTree(body);
            if (node != null && node.isArray()) {
                return new RecurringBillingPage(items(node), false);
            }
            if (node == null || !node.path("data").isArray()) {
                throw new HitPayFailure.Unreadable(200);
            }
            JsonNode meta = node.path("meta");
            boolean hasMore = node.path("links").hasNonNull("next")
                    || (meta.hasNonNull("current_page") && meta.hasNonNull("last_page")
                            && meta.path("current_page").asInt() < meta.path("last_page").asInt());
            return new RecurringBillingPage(items(node.path("data")), hasMore);
        } catch (JsonProcessingException e) {
            throw new HitPayFailure.Unreadable(200);
        }
    }

    private List<RecurringBilling> items(JsonNode array) throws JsonProcessingException {
        List<RecurringBilling> items = new ArrayList<>(array.size());
        for (JsonNode item : array) {
            items.add(mapper.treeToValue(item, RecurringBilling.class));
        }
        return items;
    }

    private HitPayApi reads() {
        BoundApi current = bind(readApi, config.reads().timeout());
        readApi = current;
        return current.api();
    }

    private HitPayApi writes() {
        BoundApi current = bind(writeApi, config.writes().timeout());
        writeApi = current;
        return current.api();
    }

    /** Built on first use, and again when the effective base URL changes. */
    private BoundApi bind(BoundApi current, Duration policyTimeout) {
        String baseUrl = module.baseUrl();
        if (current != null && current.baseUrl().equals(baseUrl)) {
            return current;
        }
        // two racing first calls build two equivalent clients; either may stay
        CallPolicy.HttpTimeouts timeouts = CallPolicy.HttpTimeouts.of(config.connectTimeout(), policyTimeout);
        return new BoundApi(baseUrl, ProviderHttp.pooled(QuarkusRestClientBuilder.newBuilder(), config.http())
                .baseUri(URI.create(baseUrl))
                .connectTimeout(timeouts.connectMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(timeouts.readMillis(), TimeUnit.MILLISECONDS)
                .disableDefaultMapper(true)
                .build(HitPayApi.class));
    }
}
