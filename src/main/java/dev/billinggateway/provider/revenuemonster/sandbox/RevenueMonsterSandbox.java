package dev.billinggateway.provider.revenuemonster.sandbox;

import static dev.billinggateway.provider.revenuemonster.sandbox.RevenueMonsterDemoData.*;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.billinggateway.connector.VerifiedWebhook;
import dev.billinggateway.domain.Provider;
import dev.billinggateway.provider.revenuemonster.RevenueMonsterModule;
import dev.billinggateway.provider.revenuemonster.RevenueMonsterAuth;
import dev.billinggateway.sandbox.ProviderSandbox;
import io.quarkus.arc.profile.IfBuildProfile;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The built-in Revenue Monster: OAuth ({@code /v1/token}), the recurring customer endpoints of the Open
 * API at their documented paths, the card-binding page behind {@code paymentUrl}, and signed notify
 * callbacks. It checks what RM checks: the bearer token, {@code X-Timestamp} within 120 s, a fresh
 * {@code X-Nonce-Str}, and the SHA256withRSA {@code X-Signature} (with the merchant public key) over the
 * canonical body and the full request URL; errors come in RM's envelope. State is in memory.
 */
@ApplicationScoped
@IfBuildProfile(anyOf = { "dev", "test" }) // not in the production build
public class RevenueMonsterSandbox implements ProviderSandbox {

    private static final Logger LOG = Logger.getLogger(RevenueMonsterSandbox.class);

    static final long TOKEN_LIFETIME_SECONDS = 2_591_999;
    static final long REFRESH_TOKEN_LIFETIME_SECONDS = 1_576_799_999L;
    static final long TIMESTAMP_TOLERANCE_SECONDS = 120;
    static final long NONCE_MEMORY_SECONDS = 300;
    static final int ORDERS_PAGE_SIZE = 5;
    static final String DECLINED_CARD_NUMBER = "4000000000000002";

    @Inject
    ObjectMapper mapper;

    @Inject
    Vertx vertx;

    @Inject
    RevenueMonsterModule settings;

    private final Map<String, SandboxCustomer> customers = new ConcurrentHashMap<>();
    private final Map<String, Instant> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, Instant> refreshTokens = new ConcurrentHashMap<>();
    private final Map<String, Long> seenNonces = new ConcurrentHashMap<>();
    private final Set<String> stallNextToggle = ConcurrentHashMap.newKeySet();
    private volatile boolean refuseUnboundReads;
    private final AtomicLong ids = new AtomicLong(1_763_000_000_000_000_000L);
    private final AtomicLong tokenRequests = new AtomicLong();
    private volatile String baseUrl;
    private volatile PublicKey merchantPublicKey;
    private volatile PrivateKey serverPrivateKey;
    private volatile HttpClient notifyClient;

    @PostConstruct
    void init() {
        seed();
    }

    @Override
    public Provider provider() {
        return Provider.REVENUE_MONSTER;
    }

    @Override
    public void install(Router router, String baseUrl) {
        this.baseUrl = baseUrl;
        this.merchantPublicKey = RevenueMonsterAuth.publicKey(MERCHANT_PUBLIC_KEY_PEM);
        this.serverPrivateKey = RevenueMonsterAuth.privateKey(SERVER_PRIVATE_KEY_PEM);
        router.post("/v1/token").handler(this::token);
        // the hosted card-binding page (sb-pg.revenuemonster.my/v1/recurring?customerId=... at RM)
        router.get("/v1/recurring").handler(this::bindingPage);
        router.post("/v1/recurring/bind").handler(this::bindCard);
        router.route("/v3/*").handler(this::authenticate);
        router.post("/v3/recurring-payment").handler(this::createRecurringCustomer);
        router.get("/v3/customer/:customerId").handler(this::getCustomer);
        router.get("/v3/customer/:customerId/orders").handler(this::getOrders);
        router.put("/v3/customer/:customerId/status").handler(this::toggleStatus);
        router.post("/v3/customer/:customerId/order").handler(this::charge);
        router.route("/v3/*").handler(ctx -> error(ctx, 404, "API_ENDPOINT_NOT_FOUND", "The api endpoint does not exist", null));
    }

    /** RM has no customer list: the gateway links the demo customers (and their subscriptions) at start. */
    @Override
    public List<VerifiedWebhook.ObjectRef> demoObjectsToLink() {
        if (!settings.sandboxed()) {
            return List.of(); // the connector talks to another Revenue Monster (api-url set)
        }
        List<VerifiedWebhook.ObjectRef> refs = new ArrayList<>();
        for (String id : CUSTOMER_IDS) {
            refs.add(new VerifiedWebhook.ObjectRef(VerifiedWebhook.Kind.CUSTOMER, id));
            refs.add(new VerifiedWebhook.ObjectRef(VerifiedWebhook.Kind.SUBSCRIPTION, id));
        }
        return refs;
    }

    // --- test and demo controls (not part of RM's API)

    /** Puts the demo customers back as they were and forgets created ones, tokens and nonces. */
    public void resetDemoData() {
        customers.clear();
        accessTokens.clear();
        refreshTokens.clear();
        seenNonces.clear();
        stallNextToggle.clear();
        refuseUnboundReads = false;
        seed();
    }

    /**
     * Whether {@code GET /v3/customer/{id}} refuses customers who have not bound a card, as the documentation says RM
     * does (§3.3). Off by default, so that demos can show a PENDING customer as read from the provider.
     */
    public void refuseReadsOfUnboundCustomers(boolean refuse) {
        refuseUnboundReads = refuse;
    }

    /** The next toggle of this customer is applied, but its answer never comes (the caller times out). */
    public void stallNextToggle(String customerId) {
        stallNextToggle.add(customerId);
    }

    /** Every access token issued so far stops working (RM answers 401 until a new one is fetched). */
    public void expireAccessTokens() {
        accessTokens.replaceAll((token, expiry) -> Instant.EPOCH);
    }

    /** How many times {@code /v1/token} issued a token. */
    public long tokenRequests() {
        return tokenRequests.get();
    }

    /** Whether the customer is active right now, or null when unknown. */
    public Boolean isActive(String customerId) {
        SandboxCustomer customer = customers.get(customerId);
        if (customer == null) {
            return null;
        }
        synchronized (customer) {
            return customer.active;
        }
    }

    /** Binds the test card, as the binding page does; true when the customer exists. */
    public boolean bindTestCard(String customerId) {
        SandboxCustomer customer = customers.get(customerId);
        if (customer == null) {
            return false;
        }
        bind(customer, TEST_CARD_NUMBER);
        return true;
    }

    /** Package-private seam for tests in this package (RM's scheduler is simulated in test code). */
    SandboxCustomer customer(String customerId) {
        return customers.get(customerId);
    }

    /** The notify body RM would send for a charge, and the headers that sign it with the sandbox server key. */
    public Map<String, String> signNotify(String canonicalOrAnyJsonBody, String method, String nonce, long timestamp) {
        String canonical;
        try {
            canonical = RevenueMonsterAuth.canonicalJson(mapper.readTree(canonicalOrAnyJsonBody));
        } catch (Exception e) {
            throw new IllegalArgumentException("not JSON", e);
        }
        String plainText = RevenueMonsterAuth.plainText(canonical, method, nonce, null, timestamp);
        return Map.of(RevenueMonsterAuth.HEADER_SIGNATURE, RevenueMonsterAuth.header(plainText, serverKey()),
                RevenueMonsterAuth.HEADER_NONCE, nonce, RevenueMonsterAuth.HEADER_TIMESTAMP, Long.toString(timestamp));
    }

    private PrivateKey serverKey() {
        PrivateKey key = serverPrivateKey;
        if (key == null) {
            key = RevenueMonsterAuth.privateKey(SERVER_PRIVATE_KEY_PEM);
            serverPrivateKey = key;
        }
        return key;
    }

    // --- demo data

    private void seed() {
        Instant jan = Instant.parse("2025-01-06T02:00:00Z");
        SandboxCustomer active = demo(ACTIVE_CUSTOMER_ID, "aisyah.rahman@example.com", "Aisyah Rahman", "187824152",
                "Streaming Plus", "Monthly streaming plan", 2990, "MONTHLY", "1", 12, jan);
        active.label = TEST_CARD_LABEL;
        active.active = true;
        for (int i = 0; i < 3; i++) {
            addSeedOrder(active, "SUCCESS", jan.plus(31L * (i + 1), ChronoUnit.DAYS));
        }
        addSeedOrder(active, "FAILED", jan.plus(31L * 4, ChronoUnit.DAYS));

        SandboxCustomer weekly = demo(WEEKLY_CUSTOMER_ID, "tan.weiming@example.com", "Tan Wei Ming", "123456789",
                "Weekly Greens Box", "Vegetable box every Monday", 4500, "WEEKLY", "1", 52, jan);
        weekly.label = "555555******4444";
        weekly.active = true;
        for (int i = 0; i < 12; i++) {
            addSeedOrder(weekly, "SUCCESS", jan.plus(7L * (i + 1), ChronoUnit.DAYS));
        }

        SandboxCustomer inactive = demo(INACTIVE_CUSTOMER_ID, "rajesh.kumar@example.com", "Rajesh Kumar", "162233445",
                "Gym Membership", "Monthly gym access", 12000, "MONTHLY", "-1", 6, jan);
        inactive.label = TEST_CARD_LABEL;
        inactive.active = false;
        addSeedOrder(inactive, "SUCCESS", jan.plus(25, ChronoUnit.DAYS));

        demo(PENDING_CUSTOMER_ID, "nurul.huda@example.com", "Nurul Huda", "139876543", "Cloud Storage 1TB",
                "Monthly cloud storage", 1200, "MONTHLY", "0", 12, jan.plus(40, ChronoUnit.DAYS));

        SandboxCustomer completed = demo(COMPLETED_CUSTOMER_ID, "lim.meiling@example.com", "Lim Mei Ling", "177654321",
                "Language Course", "Two weekly lessons", 5000, "WEEKLY", "3", 2, jan);
        completed.label = TEST_CARD_LABEL;
        completed.active = true;
        addSeedOrder(completed, "SUCCESS", jan.plus(2, ChronoUnit.DAYS));
        addSeedOrder(completed, "SUCCESS", jan.plus(9, ChronoUnit.DAYS));
    }

    private SandboxCustomer demo(String id, String email, String name, String phone, String product, String description,
            long amount, String interval, String target, int repetition, Instant createdAt) {
        SandboxCustomer customer = new SandboxCustomer(id, STORE_ID, email, name, "60", phone, product, description, "MYR",
                amount, "https://merchant.example.com/subscribed", "http://localhost:8080/webhooks/revenue-monster", interval,
                target, repetition, createdAt);
        customers.put(id, customer);
        return customer;
    }

    private void addSeedOrder(SandboxCustomer customer, String status, Instant at) {
        // deterministic IDs for seeded orders: customer ID + running number
        int n = customer.orders.size() + 1;
        String reference = DateTimeFormatter.BASIC_ISO_DATE.format(at.atOffset(ZoneOffset.ofHours(8)));
        customer.orders.add(new SandboxCustomer.Order(customer.id + "R" + n, "2501" + customer.id.substring(8) + n, status,
                reference, customer.amount, customer.currency, "FAILED".equals(status) ? customer.id + "C" + n : "", at,
                at.plusSeconds(20)));
    }

    SandboxCustomer.Order addOrder(SandboxCustomer customer, long amount, String status) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String id = Long.toString(ids.incrementAndGet());
        String reference = DateTimeFormatter.BASIC_ISO_DATE.format(now.atOffset(ZoneOffset.ofHours(8)));
        SandboxCustomer.Order order = new SandboxCustomer.Order(id, now.toEpochMilli() + id.substring(id.length() - 6), status,
                reference, amount, customer.currency, "FAILED".equals(status) ? id + "C" : "", now, now);
        synchronized (customer) {
            customer.orders.add(order);
            customer.updatedAt = now;
        }
        return order;
    }

    // --- OAuth

    private void token(RoutingContext ctx) {
        String authorization = ctx.request().getHeader("Authorization");
        String expected = "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(authorization)) {
            error(ctx, 401, "INVALID_CLIENT", "Invalid client", null);
            return;
        }
        JsonNode body = json(ctx);
        if (body == null || !body.isObject()) {
            error(ctx, 400, "INVALID_REQUEST", "The request is missing a required parameter, includes an invalid parameter value, "
                    + "includes a parameter more than once, or is otherwise malformed.", null);
            return;
        }
        String grantType = body.path("grantType").asText("");
        if (grantType.equals("refresh_token")) {
            String refreshToken = body.path("refreshToken").asText("");
            Instant until = refreshTokens.remove(refreshToken);
            if (until == null || until.isBefore(Instant.now())) {
                error(ctx, 400, "INVALID_GRANT", "Invalid grant", null);
                return;
            }
        } else if (!grantType.equals("client_credentials")) {
            error(ctx, 400, "UNSUPPORTED_GRANT_TYPE", "Unsupported grant type", null);
            return;
        }
        tokenRequests.incrementAndGet();
        String accessToken = "sbx." + UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
        String refreshToken = "sbxr." + UUID.randomUUID().toString().replace("-", "");
        accessTokens.put(accessToken, Instant.now().plusSeconds(TOKEN_LIFETIME_SECONDS));
        refreshTokens.put(refreshToken, Instant.now().plusSeconds(REFRESH_TOKEN_LIFETIME_SECONDS));
        ObjectNode answer = mapper.createObjectNode()
                .put("accessToken", accessToken)
                .put("tokenType", "Bearer")
                .put("expiresIn", TOKEN_LIFETIME_SECONDS)
                .put("refreshToken", refreshToken)
                .put("refreshTokenExpiresIn", REFRESH_TOKEN_LIFETIME_SECONDS);
        send(ctx, 200, answer);
    }

    // --- Open API authentication: token, timestamp, nonce, signature

    private void authenticate(RoutingContext ctx) {
        String authorization = ctx.request().getHeader("Authorization");
        String token = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7).trim() : null;
        Instant expiry = token == null ? null : accessTokens.get(token);
        if (expiry == null) {
            error(ctx, 401, "TOKEN_INVALID", "Unable to verify your credentials", null);
            return;
        }
        if (expiry.isBefore(Instant.now())) {
            error(ctx, 401, "TOKEN_EXPIRED", "Invalid or expired token", null);
            return;
        }
        String timestampHeader = ctx.request().getHeader(RevenueMonsterAuth.HEADER_TIMESTAMP);
        long now = Instant.now().getEpochSecond();
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader == null ? "" : timestampHeader.trim());
        } catch (NumberFormatException e) {
            timestamp = Long.MIN_VALUE;
        }
        if (timestamp == Long.MIN_VALUE || Math.abs(now - timestamp) > TIMESTAMP_TOLERANCE_SECONDS) {
            error(ctx, 400, "INVALID_TIMESTAMP", "Could not authenticate - Timestamp",
                    "Make sure the timestamp generated on UTC timezone and must be maximum the time difference is 120 second");
            return;
        }
        String nonce = ctx.request().getHeader(RevenueMonsterAuth.HEADER_NONCE);
        if (nonce == null || nonce.isBlank() || nonce.contains(" ")) {
            error(ctx, 400, "INVALID_REQUEST", "Invalid request", "X-Nonce-Str is missing or contains a space");
            return;
        }
        String canonical = null;
        String rawBody = ctx.body() == null ? null : ctx.body().asString();
        if (rawBody != null && !rawBody.isBlank()) {
            try {
                canonical = RevenueMonsterAuth.canonicalJson(mapper.readTree(rawBody));
            } catch (Exception e) {
                error(ctx, 400, "INVALID_REQUEST", "Invalid request", "the body is not JSON");
                return;
            }
        }
        String requestUrl = baseUrl + ctx.request().uri();
        String plainText = RevenueMonsterAuth.plainText(canonical, ctx.request().method().name(), nonce, requestUrl, timestamp);
        if (!RevenueMonsterAuth.verify(plainText, ctx.request().getHeader(RevenueMonsterAuth.HEADER_SIGNATURE), merchantPublicKey)) {
            ObjectNode debug = mapper.createObjectNode();
            ObjectNode steps = debug.putObject("preVerifyContent");
            steps.put("step1", canonical == null ? "" : canonical);
            steps.put("step2", RevenueMonsterAuth.base64Data(canonical) == null ? "" : RevenueMonsterAuth.base64Data(canonical));
            steps.put("step3", plainText);
            ObjectNode envelope = envelope("INVALID_REQUEST_SIGNATURE", "The request signature is invalid", null);
            envelope.set("debug", debug);
            send(ctx, 400, envelope);
            return;
        }
        forgetOldNonces(now);
        if (seenNonces.putIfAbsent(nonce, now) != null) {
            error(ctx, 400, "INVALID_REQUEST", "Invalid request",
                    "duplicate request: the nonce str must be unique for at least 120 second");
            return;
        }
        ctx.next();
    }

    private void forgetOldNonces(long now) {
        if (seenNonces.size() > 1000) {
            seenNonces.values().removeIf(seenAt -> now - seenAt > NONCE_MEMORY_SECONDS);
        }
    }

    // --- recurring customers

    private void createRecurringCustomer(RoutingContext ctx) {
        JsonNode body = json(ctx);
        if (body == null || !body.isObject()) {
            error(ctx, 400, "INVALID_REQUEST", "Invalid request", "the body must be a JSON object");
            return;
        }
        List<String> problems = new ArrayList<>();
        for (String field : List.of("storeId", "email", "name", "countryCode", "phoneNumber", "productName",
                "productDescription", "currency", "redirectUrl", "notifyUrl", "recurringInterval", "recurringTarget")) {
            if (!body.path(field).isTextual() || body.path(field).asText().isBlank()) {
                problems.add(field + " is required");
            }
        }
        if (!body.path("amount").canConvertToLong() || !body.path("amount").isIntegralNumber()) {
            problems.add("amount must be an integer in sen");
        }
        if (!body.path("recurringRepetition").isIntegralNumber() || body.path("recurringRepetition").asLong() < 1) {
            problems.add("recurringRepetition must be an integer of at least 1");
        }
        if (!problems.isEmpty()) {
            error(ctx, 400, "VALIDATION_ERROR", "Validations error", String.join("; ", problems));
            return;
        }
        if (!"MYR".equals(body.path("currency").asText())) {
            error(ctx, 400, "PAYMENT_UNSUPPORTED_CURRENCY_TYPE", "Unsupported currency type", null);
            return;
        }
        if (body.path("amount").asLong() < 10) {
            error(ctx, 400, "MINIMUM_AMOUNT_REQUIRED", "Minimum amount should be 10sen", null);
            return;
        }
        String interval = body.path("recurringInterval").asText();
        String target = body.path("recurringTarget").asText();
        if (!validTarget(interval, target)) {
            error(ctx, 400, "VALIDATION_ERROR", "Validations error",
                    "recurringInterval must be WEEKLY (recurringTarget 0..6) or MONTHLY (recurringTarget -1, 0, 1..28)");
            return;
        }
        if (!STORE_ID.equals(body.path("storeId").asText())) {
            error(ctx, 400, "STORE_NOT_FOUND", "Store not found", null);
            return;
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String id = Long.toString(ids.incrementAndGet());
        SandboxCustomer customer = new SandboxCustomer(id, body.path("storeId").asText(), body.path("email").asText(),
                body.path("name").asText(), body.path("countryCode").asText(), body.path("phoneNumber").asText(),
                body.path("productName").asText(), body.path("productDescription").asText(), "MYR", body.path("amount").asLong(),
                body.path("redirectUrl").asText(), body.path("notifyUrl").asText(), interval, target,
                body.path("recurringRepetition").asInt(), now);
        customers.put(id, customer);
        send(ctx, 200, success(render(customer)));
    }

    static boolean validTarget(String interval, String target) {
        int value;
        try {
            value = Integer.parseInt(target);
        } catch (NumberFormatException e) {
            return false;
        }
        return switch (interval) {
            case "WEEKLY" -> value >= 0 && value <= 6;
            case "MONTHLY" -> value >= -1 && value <= 28;
            default -> false;
        };
    }

    private void getCustomer(RoutingContext ctx) {
        SandboxCustomer customer = customer(ctx);
        if (customer == null) {
            return;
        }
        if (!customer.bound() && refuseUnboundReads) {
            // doc §3.3: "only after the customer has bound a card once"
            error(ctx, 400, "NOT_PERMITTED", "Customer has not bound a card yet", "the customer has not bound a card yet");
            return;
        }
        send(ctx, 200, success(render(customer)));
    }

    private void getOrders(RoutingContext ctx) {
        SandboxCustomer customer = customer(ctx);
        if (customer == null) {
            return;
        }
        int start = 0;
        String cursor = ctx.request().getParam("cursor");
        if (cursor != null && !cursor.isEmpty()) {
            try {
                start = Integer.parseInt(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                error(ctx, 400, "INVALID_PARAMETER", "Invalid parameters", "unknown cursor");
                return;
            }
        }
        List<SandboxCustomer.Order> orders;
        synchronized (customer) {
            orders = new ArrayList<>(customer.orders);
        }
        // newest first, as RM lists them
        orders.sort((a, b) -> b.createdAt().compareTo(a.createdAt()));
        ObjectNode answer = mapper.createObjectNode();
        ArrayNode items = answer.putArray("items");
        int end = Math.min(orders.size(), start + ORDERS_PAGE_SIZE);
        for (int i = start; i < end; i++) {
            items.add(render(customer, orders.get(i)));
        }
        answer.put("code", "SUCCESS");
        ObjectNode meta = answer.putObject("meta");
        if (end < orders.size()) {
            meta.put("cursor", Base64.getUrlEncoder().withoutPadding().encodeToString(Integer.toString(end).getBytes(StandardCharsets.UTF_8)));
        }
        send(ctx, 200, answer);
    }

    private void toggleStatus(RoutingContext ctx) {
        SandboxCustomer customer = customer(ctx);
        if (customer == null) {
            return;
        }
        if (!customer.bound()) {
            // seed 001: "Only available after the customer has successfully bound their card."
            error(ctx, 400, "NOT_PERMITTED", "Not permitted to perform this action.", "the customer has not bound a card yet");
            return;
        }
        synchronized (customer) {
            customer.active = !customer.active;
            customer.updatedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        }
        if (stallNextToggle.remove(customer.id)) {
            // applied, but the answer is lost: the connection is dropped long after the caller gave up
            ctx.vertx().setTimer(Duration.ofSeconds(30).toMillis(), t -> ctx.request().connection().close());
            return;
        }
        send(ctx, 200, success(render(customer)));
    }

    /** Create Customer Order: charges the bound card now. */
    private void charge(RoutingContext ctx) {
        SandboxCustomer customer = customer(ctx);
        if (customer == null) {
            return;
        }
        JsonNode body = json(ctx);
        if (body == null || !"MYR".equals(body.path("currency").asText()) || !body.path("amount").isIntegralNumber()) {
            error(ctx, 400, "VALIDATION_ERROR", "Validations error", "currency MYR and an integer amount are required");
            return;
        }
        if (!customer.bound()) {
            error(ctx, 400, "NOT_PERMITTED", "Not permitted to perform this action.", "the customer has not bound a card yet");
            return;
        }
        SandboxCustomer.Order order = addOrder(customer, body.path("amount").asLong(), customer.active ? "SUCCESS" : "FAILED");
        ObjectNode item = mapper.createObjectNode();
        item.put("transactionId", order.transactionId());
        ObjectNode orderNode = item.putObject("order");
        orderNode.put("id", order.id());
        orderNode.put("title", body.path("title").asText(customer.productName));
        orderNode.put("detail", body.path("description").asText(""));
        orderNode.put("amount", order.amount());
        item.put("type", "RECURRING_PAYMENT");
        item.put("source", "RECURRING");
        item.put("status", order.status());
        item.put("currencyType", order.currency());
        item.put("finalAmount", order.amount());
        item.put("createdAt", rfc3339(order.createdAt()));
        item.put("updatedAt", rfc3339(order.updatedAt()));
        send(ctx, 200, success(item));
        if ("SUCCESS".equals(order.status())) {
            sendNotify(customer, order);
        }
    }

    private SandboxCustomer customer(RoutingContext ctx) {
        SandboxCustomer customer = customers.get(ctx.pathParam("customerId"));
        if (customer == null) {
            // RM documents no dedicated code; ACCOUNT_NOT_FOUND ("Account does not exist") is the closest in its list
            error(ctx, 404, "ACCOUNT_NOT_FOUND", "Account does not exist", null);
        }
        return customer;
    }

    // --- card binding page

    private void bindingPage(RoutingContext ctx) {
        SandboxCustomer customer = customers.get(String.valueOf(ctx.request().getParam("customerId")));
        if (customer == null) {
            ctx.response().setStatusCode(404).putHeader("Content-Type", "text/html; charset=utf-8")
                    .end("<!doctype html><title>Not found</title><p>Unknown customer.</p>");
            return;
        }
        String amount = String.format("%d.%02d", customer.amount / 100, customer.amount % 100);
        String html = """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>Revenue Monster sandbox: bind your card</title>
                <style>body{font-family:sans-serif;max-width:28rem;margin:3rem auto}label{display:block;margin:.6rem 0}
                input{width:100%%;padding:.4rem}button{margin-top:1rem;padding:.5rem 1rem}</style></head>
                <body><h1>Bind your card</h1>
                <p>%s: <strong>MYR %s</strong> %s, %d times.</p>
                <p>Sandbox: <code>%s</code> binds, <code>%s</code> is declined. No real card is charged.</p>
                <form method="post" action="/v1/recurring/bind">
                <input type="hidden" name="customerId" value="%s">
                <label>Card number <input name="cardNumber" value="%s" autocomplete="off"></label>
                <label>Expiry (MM/YY) <input name="expiry" value="12/30"></label>
                <label>CVC <input name="cvc" value="123"></label>
                <button type="submit" name="action" value="bind">Bind card</button>
                <button type="submit" name="action" value="cancel">Cancel</button>
                </form></body></html>
                """.formatted(escape(customer.productName), amount, customer.recurringInterval.toLowerCase(),
                customer.recurringRepetition, TEST_CARD_NUMBER, DECLINED_CARD_NUMBER, escape(customer.id), TEST_CARD_NUMBER);
        ctx.response().putHeader("Content-Type", "text/html; charset=utf-8").end(html);
    }

    private void bindCard(RoutingContext ctx) {
        String customerId = ctx.request().getFormAttribute("customerId");
        SandboxCustomer customer = customerId == null ? null : customers.get(customerId);
        if (customer == null) {
            ctx.response().setStatusCode(404).putHeader("Content-Type", "text/html; charset=utf-8")
                    .end("<!doctype html><title>Not found</title><p>Unknown customer.</p>");
            return;
        }
        String status;
        String reason = null;
        String card = String.valueOf(ctx.request().getFormAttribute("cardNumber")).replaceAll("[\\s-]", "");
        if ("cancel".equals(ctx.request().getFormAttribute("action"))) {
            status = "CANCELLED";
        } else if (!card.matches("\\d{12,19}") || !luhn(card)) {
            status = "FAILED";
            reason = "INVALID_CARD";
        } else if (card.equals(DECLINED_CARD_NUMBER)) {
            status = "FAILED";
            reason = "CARD_DECLINED";
        } else {
            bind(customer, card);
            status = "SUCCESS";
        }
        // RM redirects the browser to redirectUrl with status, customerId and (on failure) reason
        String location = customer.redirectUrl + (customer.redirectUrl.contains("?") ? "&" : "?") + "status=" + status
                + "&customerId=" + customer.id + (reason == null ? "" : "&reason=" + reason);
        ctx.response().setStatusCode(303).putHeader("Location", location).end();
    }

    private static void bind(SandboxCustomer customer, String card) {
        synchronized (customer) {
            customer.label = card.substring(0, 6) + "******" + card.substring(card.length() - 4);
            customer.active = true;
            customer.updatedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        }
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean doubleIt = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubleIt) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return sum % 10 == 0;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    // --- notify

    void sendNotify(SandboxCustomer customer, SandboxCustomer.Order order) {
        ObjectNode body = mapper.createObjectNode();
        body.put("eventType", "RECURRING_PAYMENT");
        ObjectNode data = body.putObject("data");
        data.put("amount", order.amount());
        data.put("currency", order.currency());
        data.put("countryCode", customer.countryCode);
        data.put("phoneNumber", customer.phoneNumber);
        data.put("customerId", customer.id);
        data.put("email", customer.email);
        data.put("name", customer.name);
        data.put("merchantId", MERCHANT_ID);
        data.put("storeId", customer.storeId);
        data.put("orderId", order.id());
        data.put("status", order.status());
        data.put("createdAt", rfc3339(order.createdAt()));
        data.put("updatedAt", rfc3339(order.updatedAt()));
        String canonical = RevenueMonsterAuth.canonicalJson(body);
        Map<String, String> headers = signNotify(canonical, "post", RevenueMonsterAuth.nonce(), Instant.now().getEpochSecond());
        HttpClient client = notifyClient;
        if (client == null) {
            client = vertx.createHttpClient();
            notifyClient = client;
        }
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(customer.notifyUrl)
                .putHeader("Content-Type", "application/json");
        headers.forEach(options::putHeader);
        client.request(options)
                .compose(request -> request.send(canonical))
                .onSuccess(response -> LOG.debugf("Revenue Monster sandbox notify for %s answered %d", customer.id, response.statusCode()))
                .onFailure(failure -> LOG.debugf("Revenue Monster sandbox notify for %s failed: %s", customer.id, failure.getMessage()));
    }

    // --- rendering

    private ObjectNode render(SandboxCustomer customer) {
        ObjectNode item = mapper.createObjectNode();
        synchronized (customer) {
            item.put("id", customer.id);
            item.put("merchantId", MERCHANT_ID);
            item.put("storeId", customer.storeId);
            item.put("label", customer.label);
            item.put("email", customer.email);
            item.put("name", customer.name);
            item.put("countryCode", customer.countryCode);
            item.put("phoneNumber", customer.phoneNumber);
            item.put("isActive", customer.active);
            item.put("createdAt", rfc3339(customer.createdAt));
            item.put("updatedAt", rfc3339(customer.updatedAt));
            item.put("clientKey", "EhcKC09BdXRoQ2xpZW50" + customer.id.substring(customer.id.length() - 8));
            item.put("redirectUrl", customer.redirectUrl);
            item.put("notifyUrl", customer.notifyUrl);
            item.put("paymentUrl", baseUrl + "/v1/recurring?customerId=" + customer.id);
            ObjectNode schedule = item.putObject("recurringPayment");
            schedule.put("amount", customer.amount);
            schedule.put("currency", customer.currency);
            schedule.put("recurringInterval", customer.recurringInterval);
            schedule.put("recurringTarget", customer.recurringTarget);
            schedule.put("productName", customer.productName);
            schedule.put("productDescription", customer.productDescription);
            schedule.put("recurringRepetition", customer.recurringRepetition);
        }
        return item;
    }

    private ObjectNode render(SandboxCustomer customer, SandboxCustomer.Order order) {
        ObjectNode item = mapper.createObjectNode();
        item.put("id", order.id());
        item.put("paymentUrl", order.checkoutId().isEmpty() ? "" : baseUrl + "/v3/checkout?checkoutId=" + order.checkoutId());
        item.put("recurringPaymentId", "0");
        item.put("recurringCustomerId", customer.id);
        item.put("merchantId", MERCHANT_ID);
        item.put("storeId", customer.storeId);
        item.put("checkoutId", order.checkoutId());
        item.put("transactionId", order.transactionId());
        item.put("status", order.status());
        item.put("recurringReference", order.recurringReference());
        item.put("createdAt", rfc3339(order.createdAt()));
        item.put("updatedAt", rfc3339(order.updatedAt()));
        item.put("amount", order.amount());
        item.put("currency", order.currency());
        return item;
    }

    private static String rfc3339(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    private ObjectNode success(ObjectNode item) {
        ObjectNode answer = mapper.createObjectNode();
        answer.set("item", item);
        answer.put("code", "SUCCESS");
        return answer;
    }

    private ObjectNode envelope(String code, String message, String debug) {
        ObjectNode answer = mapper.createObjectNode();
        ObjectNode error = answer.putObject("error");
        error.put("code", code);
        error.put("message", message);
        if (debug != null) {
            error.put("debug", debug);
        }
        return answer;
    }

    private void error(RoutingContext ctx, int status, String code, String message, String debug) {
        send(ctx, status, envelope(code, message, debug));
    }

    private JsonNode json(RoutingContext ctx) {
        String raw = ctx.body() == null ? null : ctx.body().asString();
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return mapper.readTree(raw);
        } catch (Exception e) {
            return null;
        }
    }

    private void send(RoutingContext ctx, int status, JsonNode body) {
        String text;
        try {
            text = mapper.writeValueAsString(body);
        } catch (Exception e) {
            text = "{\"error\":{\"code\":\"INTERNAL_ERROR\",\"message\":\"Internal error\"}}";
            status = 500;
        }
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8").end(text);
    }
}
