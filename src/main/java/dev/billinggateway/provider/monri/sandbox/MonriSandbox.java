package dev.billinggateway.provider.monri.sandbox;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.billinggateway.connector.Digests;
import dev.billinggateway.connector.VerifiedWebhook;
import dev.billinggateway.domain.Currencies;
import dev.billinggateway.domain.Provider;
import dev.billinggateway.provider.monri.MonriModule;
import dev.billinggateway.provider.monri.MonriAuth;
import dev.billinggateway.sandbox.ProviderSandbox;
import io.quarkus.arc.profile.IfBuildProfile;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Monri API v2 simulator: customers, plans ({@code /v2/subscriptions}) and customer subscriptions at Monri's
 * paths, behind the {@code WP3-v2.1} digest check (401 when wrong), with Monri's date and field rules and its
 * {@code {"status","message"}} envelope. Paths Monri's docs leave implicit (GET of a plan or customer
 * subscription, the plan list) are served where the connector expects them.
 */
@ApplicationScoped
@IfBuildProfile(anyOf = { "dev", "test" }) // not in the production build
public class MonriSandbox implements ProviderSandbox {

    private static final Pattern AUTHORIZATION = Pattern.compile("WP3-v2\\.1 (\\S+) ([0-9]+) ([0-9a-f]{128})");
    private static final Pattern ID = Pattern.compile("[0-9]{1,18}");
    private static final Set<String> PERIODS = Set.of("day", "week", "month", "half_year", "year");
    private static final Map<String, Integer> CUSTOMER_FIELD_LENGTHS = Map.of(
            "merchant_customer_id", 100, "description", 200, "email", 200, "name", 50, "phone", 30,
            "zip_code", 9, "city", 30, "address", 100, "country", 2);

    @Inject
    MonriModule account;

    private volatile MonriSandboxState state;

    @Override
    public Provider provider() {
        return Provider.MONRI;
    }

    @Override
    public void install(Router router, String baseUrl) {
        state = new MonriSandboxState(today());
        router.route("/v2/*").handler(this::authenticate);
        router.get("/v2/customers").handler(this::listCustomers);
        router.post("/v2/customers").handler(this::createCustomer);
        router.get("/v2/customers/:uuid").handler(this::getCustomer);
        router.post("/v2/customers/:uuid").handler(this::updateCustomer);
        router.delete("/v2/customers/:uuid").handler(this::deleteCustomer);
        router.get("/v2/merchants/customers/:merchantCustomerId").handler(this::getCustomerByMerchantId);
        router.get("/v2/subscriptions").handler(this::listPlans);
        router.post("/v2/subscriptions").handler(this::createPlan);
        router.get("/v2/subscriptions/:id").handler(this::getPlan);
        router.post("/v2/customer-subscriptions").handler(this::createCustomerSubscription);
        router.get("/v2/customer-subscriptions/:id").handler(this::getCustomerSubscription);
        router.post("/v2/customer-subscriptions/:id").handler(this::updateCustomerSubscription);
        router.route("/v2/*").handler(ctx -> fail(ctx, 404, "invalid-request", "Not found"));
    }

    /**
     * Monri cannot list customer subscriptions, so the gateway links the demo ones at start; only when the
     * connector really calls this sandbox (an explicit api-url points it elsewhere).
     */
    @Override
    public List<VerifiedWebhook.ObjectRef> demoObjectsToLink() {
        if (!account.sandboxed()) {
            return List.of();
        }
        return java.util.stream.LongStream.of(MonriSandboxData.CS_ACTIVE, MonriSandboxData.CS_PENDING, MonriSandboxData.CS_ENDED,
                MonriSandboxData.CS_HALF_YEAR)
                .mapToObj(id -> new VerifiedWebhook.ObjectRef(VerifiedWebhook.Kind.SUBSCRIPTION, Long.toString(id)))
                .toList();
    }

    /** Today in Monri's calendar. */
    static LocalDate today() {
        return LocalDate.now(MonriSandboxState.MONRI_ZONE);
    }

    // --- auth: WP3-v2.1 over the request-target as received and the raw body

    private void authenticate(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        Matcher m = header == null ? null : AUTHORIZATION.matcher(header);
        if (m == null || !m.matches() || !MonriSandboxData.AUTHENTICITY_TOKEN.equals(m.group(1))) {
            fail(ctx, 401, "error", "Authorization failed");
            return;
        }
        Buffer body = ctx.body().buffer();
        boolean hasBody = "POST".equals(ctx.request().method().name());
        String expected = MonriAuth.requestDigest(MonriSandboxData.MERCHANT_KEY, m.group(2), m.group(1), ctx.request().uri(),
                hasBody && body != null ? body.getBytes() : new byte[0]);
        if (!Digests.sameText(expected, m.group(3))) {
            fail(ctx, 401, "error", "Authorization failed");
            return;
        }
        if (hasBody && !isJson(ctx.request().getHeader("Content-Type"))) {
            fail(ctx, 400, "invalid-request", "Content-Type must be application/json");
            return;
        }
        ctx.next();
    }

    private static boolean isJson(String contentType) {
        return contentType != null && contentType.toLowerCase().startsWith("application/json");
    }

    // --- customers

    private void listCustomers(RoutingContext ctx) {
        Optional<int[]> page = page(ctx);
        if (page.isEmpty()) {
            return;
        }
        List<JsonObject> data = state.customers(page.get()[0], page.get()[1]);
        ok(ctx, new JsonObject().put("status", "approved").put("data", new JsonArray(List.copyOf(data))));
    }

    private void getCustomer(RoutingContext ctx) {
        state.customer(ctx.pathParam("uuid")).ifPresentOrElse(c -> ok(ctx, approved(c)),
                () -> fail(ctx, 404, "invalid-request", "Customer not found"));
    }

    private void getCustomerByMerchantId(RoutingContext ctx) {
        state.customerByMerchantId(ctx.pathParam("merchantCustomerId")).ifPresentOrElse(c -> ok(ctx, approved(c)),
                () -> fail(ctx, 404, "invalid-request", "Customer not found"));
    }

    private void createCustomer(RoutingContext ctx) {
        JsonObject fields = customerFields(ctx);
        if (fields == null) {
            return;
        }
        state.createCustomer(fields).ifPresentOrElse(c -> ok(ctx, approved(c)),
                () -> fail(ctx, 400, "invalid-request", "merchant_customer_id has already been taken"));
    }

    private void updateCustomer(RoutingContext ctx) {
        JsonObject fields = customerFields(ctx);
        if (fields == null) {
            return;
        }
        fields.remove("merchant_customer_id"); // Monri: the merchant's id is set once
        state.updateCustomer(ctx.pathParam("uuid"), fields).ifPresentOrElse(c -> ok(ctx, approved(c)),
                () -> fail(ctx, 404, "invalid-request", "Customer not found"));
    }

    private void deleteCustomer(RoutingContext ctx) {
        state.deleteCustomer(ctx.pathParam("uuid")).ifPresentOrElse(
                c -> ok(ctx, new JsonObject().put("status", "approved").put("uuid", c.getString("uuid")).put("deleted", true)),
                () -> fail(ctx, 404, "invalid-request", "Customer not found"));
    }

    /** The documented create/update fields with their lengths; null when the answer is already sent. */
    private JsonObject customerFields(RoutingContext ctx) {
        JsonObject body = jsonBody(ctx);
        if (body == null) {
            return null;
        }
        JsonObject fields = new JsonObject();
        for (String name : body.fieldNames()) {
            Object value = body.getValue(name);
            if ("metadata".equals(name)) {
                if (value != null && !(value instanceof JsonObject)) {
                    fail(ctx, 400, "invalid-request", "metadata must be a dictionary");
                    return null;
                }
                fields.put(name, value);
                continue;
            }
            Integer max = CUSTOMER_FIELD_LENGTHS.get(name);
            if (max == null) {
                continue; // unknown fields are ignored
            }
            if (value != null && !(value instanceof String)) {
                fail(ctx, 400, "invalid-request", name + " must be a string");
                return null;
            }
            String text = (String) value;
            int min = "city".equals(name) || "address".equals(name) ? 3 : 1;
            if (text != null && (text.length() < min || text.length() > max)) {
                fail(ctx, 400, "invalid-request", name + " must be " + min + " to " + max + " characters long");
                return null;
            }
            fields.put(name, text);
        }
        return fields;
    }

    // --- plans

    private void listPlans(RoutingContext ctx) {
        Optional<int[]> page = page(ctx);
        if (page.isEmpty()) {
            return;
        }
        List<JsonObject> data = state.plans(page.get()[0], page.get()[1]);
        ok(ctx, new JsonObject().put("status", "approved").put("data", new JsonArray(List.copyOf(data))));
    }

    private void getPlan(RoutingContext ctx) {
        id(ctx).flatMap(state::plan).ifPresentOrElse(p -> ok(ctx, approved(p)),
                () -> fail(ctx, 404, "invalid-request", "Subscription not found"));
    }

    private void createPlan(RoutingContext ctx) {
        JsonObject body = jsonBody(ctx);
        if (body == null) {
            return;
        }
        String name = body.getValue("name") instanceof String s ? s : null;
        Object description = body.getValue("description");
        Object price = body.getValue("price");
        String currency = body.getValue("currency") instanceof String s ? s : null;
        String period = body.getValue("period") instanceof String s ? s : null;
        String problem = name == null || name.isEmpty() || name.length() > 255 ? "name must be 1 to 255 characters long"
                : !(description instanceof String) ? "description is required"
                : !(price instanceof Integer || price instanceof Long) || ((Number) price).longValue() <= 0 ? "price must be a positive integer (minor units)"
                : currency == null || !currency.matches("[A-Z]{3}") || !Currencies.isKnown(currency) ? "currency must be a supported ISO 4217 code"
                : period == null || !PERIODS.contains(period) ? "period must be one of day, week, month, half_year, year"
                : null;
        if (problem != null) {
            fail(ctx, 400, "invalid-request", problem);
            return;
        }
        state.createPlan(name, (String) description, ((Number) price).longValue(), currency, period)
                .ifPresentOrElse(p -> ok(ctx, approved(p)), () -> fail(ctx, 400, "invalid-request", "name has already been taken"));
    }

    // --- customer subscriptions

    private void getCustomerSubscription(RoutingContext ctx) {
        id(ctx).flatMap(state::customerSubscription).ifPresentOrElse(cs -> ok(ctx, approved(cs)),
                () -> fail(ctx, 404, "invalid-request", "Customer subscription not found"));
    }

    private void createCustomerSubscription(RoutingContext ctx) {
        JsonObject body = jsonBody(ctx);
        if (body == null) {
            return;
        }
        Object planId = body.getValue("subscription_id");
        Object customerId = body.getValue("customer_id");
        if (!(planId instanceof Integer || planId instanceof Long)) {
            fail(ctx, 400, "invalid-request", "subscription_id is required");
            return;
        }
        if (!(customerId instanceof String)) {
            fail(ctx, 400, "invalid-request", "customer_id is required");
            return;
        }
        Dates dates = dates(ctx, body, null);
        if (dates == null) {
            return;
        }
        if (state.plan(((Number) planId).longValue()).isEmpty()) {
            fail(ctx, 400, "invalid-request", "Subscription not found");
            return;
        }
        if (state.customer((String) customerId).filter(c -> !c.getBoolean("deleted")).isEmpty()) {
            fail(ctx, 400, "invalid-request", "Customer not found");
            return;
        }
        ok(ctx, approved(state.createCustomerSubscription((String) customerId, ((Number) planId).longValue(),
                dates.nextChargeDate, dates.activeFrom, dates.activeTo)));
    }

    private void updateCustomerSubscription(RoutingContext ctx) {
        Optional<JsonObject> current = id(ctx).flatMap(state::customerSubscription);
        if (current.isEmpty()) {
            fail(ctx, 404, "invalid-request", "Customer subscription not found");
            return;
        }
        JsonObject body = jsonBody(ctx);
        if (body == null) {
            return;
        }
        Dates dates = dates(ctx, body, current.get());
        if (dates == null) {
            return;
        }
        state.updateCustomerSubscription(current.get().getLong("id"), dates.nextChargeDate, dates.activeFrom, dates.activeTo)
                .ifPresentOrElse(cs -> ok(ctx, approved(cs)), () -> fail(ctx, 404, "invalid-request", "Customer subscription not found"));
    }

    private record Dates(LocalDate nextChargeDate, LocalDate activeFrom, LocalDate activeTo) {
    }

    /**
     * Monri's date rules: YYYY-MM-DD; active_from before next_charge_date before active_to. On update
     * ({@code current} given) every field is optional and an absent one keeps its value.
     */
    private Dates dates(RoutingContext ctx, JsonObject body, JsonObject current) {
        LocalDate[] values = new LocalDate[3];
        String[] names = { "next_charge_date", "active_from", "active_to" };
        for (int i = 0; i < names.length; i++) {
            Object value = body.getValue(names[i]);
            if (value == null) {
                if (current == null) {
                    fail(ctx, 400, "invalid-request", names[i] + " is required");
                    return null;
                }
                value = current.getString(names[i]);
            }
            if (!(value instanceof String text) || !text.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
                fail(ctx, 400, "invalid-request", names[i] + " must be a date in format YYYY-MM-DD");
                return null;
            }
            try {
                values[i] = LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                fail(ctx, 400, "invalid-request", names[i] + " must be a date in format YYYY-MM-DD");
                return null;
            }
        }
        Dates dates = new Dates(values[0], values[1], values[2]);
        String problem = !dates.activeFrom.isBefore(dates.activeTo) ? "active_from has to be before active_to"
                : !dates.nextChargeDate.isAfter(dates.activeFrom) ? "next_charge_date should be after active_from"
                : !dates.nextChargeDate.isBefore(dates.activeTo) ? "next_charge_date should be before active_to"
                : null;
        if (problem != null) {
            fail(ctx, 400, "invalid-request", problem);
            return null;
        }
        return dates;
    }

    // --- helpers

    private static Optional<Long> id(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        return ID.matcher(id).matches() ? Optional.of(Long.parseLong(id)) : Optional.empty();
    }

    /** limit (1..100, default 20) and offset (default 0); empty when the answer is already sent. */
    private static Optional<int[]> page(RoutingContext ctx) {
        try {
            int limit = Integer.parseInt(Optional.ofNullable(ctx.queryParams().get("limit")).orElse("20"));
            int offset = Integer.parseInt(Optional.ofNullable(ctx.queryParams().get("offset")).orElse("0"));
            if (limit >= 1 && limit <= 100 && offset >= 0) {
                return Optional.of(new int[] { limit, offset });
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        fail(ctx, 400, "invalid-request", "limit must be 1 to 100 and offset at least 0");
        return Optional.empty();
    }

    private static JsonObject jsonBody(RoutingContext ctx) {
        try {
            JsonObject body = ctx.body().asJsonObject();
            if (body != null) {
                return body;
            }
        } catch (DecodeException | ClassCastException ignored) {
            // answered below
        }
        fail(ctx, 400, "invalid-request", "Request body must be a JSON object");
        return null;
    }

    private static JsonObject approved(JsonObject object) {
        return new JsonObject().put("status", "approved").mergeIn(object);
    }

    private static void ok(RoutingContext ctx, JsonObject body) {
        ctx.response().setStatusCode(200).putHeader("Content-Type", "application/json").end(body.encode());
    }

    private static void fail(RoutingContext ctx, int status, String monriStatus, String message) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("status", monriStatus).put("message", message).encode());
    }
}
