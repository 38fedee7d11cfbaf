package dev.billinggateway.provider.hitpay.sandbox;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.billinggateway.domain.Provider;
import dev.billinggateway.provider.hitpay.HitPayAuth;
import dev.billinggateway.sandbox.ProviderSandbox;
import io.quarkus.arc.profile.IfBuildProfile;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * HitPay's recurring-billing API as documented, over {@link HitPaySandboxStore}: the
 * {@code X-BUSINESS-API-KEY} check, Laravel's 422 envelope with HitPay's rules, 404 for unknown IDs, the
 * hosted checkout page behind a billing's {@code url} (binding a card activates a scheduled billing),
 * and the signed form webhook HitPay sends after a charge.
 */
@ApplicationScoped
@IfBuildProfile(anyOf = { "dev", "test" }) // not in the production build
public class HitPaySandbox implements ProviderSandbox {

    private static final Logger LOG = Logger.getLogger(HitPaySandbox.class);

    private static final Set<String> CYCLES = Set.of("weekly", "monthly", "yearly", "custom");
    private static final Set<String> FREQUENCIES = Set.of("day", "week", "month", "year");
    private static final Set<String> LIST_STATUSES = Set.of("active", "scheduled", "retrying", "inactive", "canceled");
    private static final BigDecimal MIN_AMOUNT = new BigDecimal("0.01");
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("999999.99");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");

    @Inject
    HitPaySandboxStore store;

    private volatile HttpClient webhookClient;

    @Override
    public Provider provider() {
        return Provider.HITPAY;
    }

    @Override
    public void install(Router router, String baseUrl) {
        router.route("/v1/*").handler(this::authenticate);
        router.get("/v1/recurring-billing/:id").handler(ctx -> get(ctx, baseUrl));
        router.get("/v1/recurring-billing").handler(ctx -> list(ctx, baseUrl));
        router.post("/v1/recurring-billing").handler(ctx -> create(ctx, baseUrl));
        router.put("/v1/recurring-billing/:id").handler(ctx -> update(ctx, baseUrl));
        router.delete("/v1/recurring-billing/:id").handler(ctx -> cancel(ctx, baseUrl));
        router.get("/:business/recurring-plan/:id").handler(this::checkoutPage);
        router.post("/:business/recurring-plan/:id").handler(this::checkoutSubmit);
    }

    // ---- API

    private void authenticate(RoutingContext ctx) {
        String key = ctx.request().getHeader("X-BUSINESS-API-KEY");
        if (key == null || !MessageDigest.isEqual(key.getBytes(StandardCharsets.UTF_8),
                HitPaySandboxData.API_KEY.getBytes(StandardCharsets.UTF_8))) {
            // as HitPay's backend answers a missing, unknown or disabled key
            json(ctx, 404, new JsonObject().put("message", "Invalid business api key."));
            return;
        }
        ctx.next();
    }

    private void get(RoutingContext ctx, String baseUrl) {
        String id = ctx.pathParam("id");
        store.find(id).ifPresentOrElse(b -> json(ctx, 200, b.toJson(baseUrl, false)), () -> notFound(ctx, id));
    }

    private void list(RoutingContext ctx, String baseUrl) {
        MultiMap query = ctx.queryParams();
        String status = Optional.ofNullable(query.get("status")).filter(s -> !s.isBlank()).orElse("active");
        Errors errors = new Errors();
        if (!LIST_STATUSES.contains(status)) {
            errors.add("status", "The selected status is invalid.");
        }
        int page = integer(query.get("page"), 1, "page", 1, Integer.MAX_VALUE, errors);
        int perPage = integer(query.get("per_page"), 20, "per_page", 1, 100, errors);
        if (errors.any()) {
            errors.send(ctx);
            return;
        }
        String email = query.get("customer_email");
        String reference = query.get("reference");
        String planId = query.get("business_recurring_plans_id");
        Predicate<SandboxBilling> filter = b -> b.status.equals(status)
                && (email == null || email.isBlank() || email.trim().equalsIgnoreCase(b.customerEmail))
                && (reference == null || reference.isBlank() || reference.equals(b.reference))
                && (planId == null || planId.isBlank() || planId.equals(b.planId));
        List<SandboxBilling> all = store.list(filter);
        int total = all.size();
        int lastPage = Math.max(1, (total + perPage - 1) / perPage);
        int from = Math.min(total, (page - 1) * perPage);
        int to = Math.min(total, from + perPage);
        JsonArray data = new JsonArray();
        all.subList(from, to).forEach(b -> data.add(b.toJson(baseUrl, false)));
        String path = baseUrl + "/v1/recurring-billing";
        JsonObject links = new JsonObject()
                .put("first", path + "?page=1")
                .put("last", path + "?page=" + lastPage)
                .put("prev", page > 1 ? path + "?page=" + (page - 1) : null)
                .put("next", page < lastPage ? path + "?page=" + (page + 1) : null);
        JsonObject meta = new JsonObject()
                .put("current_page", page)
                .put("from", to > from ? from + 1 : null)
                .put("last_page", lastPage)
                .put("path", path)
                .put("per_page", perPage)
                .put("to", to > from ? to : null)
                .put("total", total);
        json(ctx, 200, new JsonObject().put("data", data).put("links", links).put("meta", meta));
    }

    /** HitPay's rules for {@code plan_id} (create and update): it must exist, and rules out {@code save_card}. */
    private Optional<HitPaySandboxStore.Plan> plan(String planId, boolean saveCard, Errors errors) {
        if (planId == null) {
            return Optional.empty();
        }
        if (saveCard) {
            errors.add("save_card", "When save_card true, you disallow to set plan_id.");
        }
        Optional<HitPaySandboxStore.Plan> plan = store.plan(planId);
        if (plan.isEmpty()) {
            errors.add("plan_id", "The selected plan id is invalid.");
        }
        return plan;
    }

    private void create(RoutingContext ctx, String baseUrl) {
        Map<String, Object> body = body(ctx);
        Errors errors = new Errors();
        boolean saveCard = flag(body.get("save_card")) || flag(body.get("save_payment_method"));
        String planId = text(body.get("plan_id"));
        Optional<HitPaySandboxStore.Plan> plan = plan(planId, saveCard, errors);
        String email = text(body.get("customer_email"));
        if (email == null) {
            errors.add("customer_email", "The customer email field is required.");
        } else if (!EMAIL.matcher(email).matches()) {
            errors.add("customer_email", "The customer email must be a valid email address.");
        }
        String name = text(body.get("name"));
        if (name == null && (planId == null || saveCard)) {
            errors.add("name", "The name field is required.");
        }
        maxLength(errors, "name", name);
        maxLength(errors, "customer_name", text(body.get("customer_name")));
        maxLength(errors, "reference", text(body.get("reference")));
        if (planId == null && !saveCard) {
            cycle(body, errors, true);
        }
        BigDecimal amount = amount(body.get("amount"), errors);
        if (amount == null && planId == null && !errors.has("amount")) {
            errors.add("amount", "The amount field is required.");
        }
        LocalDate startDate = startDate(body.get("start_date"), errors);
        if (startDate == null && !saveCard && !errors.has("start_date")) {
            errors.add("start_date", "The start date field is required.");
        }
        Integer times = optionalInteger(body.get("times_to_be_charged"), "times to be charged", 1, 100, errors);
        String redirectUrl = text(body.get("redirect_url"));
        url(errors, "redirect_url", redirectUrl);
        String currency = Optional.ofNullable(text(body.get("currency"))).orElse("sgd").toLowerCase(Locale.ROOT);
        if (!currency.matches("[a-z]{3}")) {
            errors.add("currency", "The currency must be 3 characters.");
        }
        if (errors.any()) {
            errors.send(ctx);
            return;
        }
        HitPaySandboxStore.Plan chosenPlan = plan.orElse(null);
        SandboxBilling created = store.create(b -> {
            b.customerEmail = email;
            b.customerName = text(body.get("customer_name"));
            b.description = text(body.get("description"));
            b.reference = text(body.get("reference"));
            b.redirectUrl = redirectUrl;
            b.webhook = text(body.get("webhook"));
            b.sendEmail = flag(body.get("send_email"));
            b.saveCard = saveCard;
            b.timesToBeCharged = saveCard ? null : times == null ? 1 : times;
            b.timesCharged = 0;
            b.startDate = startDate;
            b.status = "scheduled";
            List<String> methods = list(body.get("payment_methods"));
            if (!methods.isEmpty()) {
                b.paymentMethods = new ArrayList<>(methods);
            }
            if (chosenPlan != null) {
                b.planId = chosenPlan.id();
                b.name = name != null ? name : chosenPlan.name();
                b.description = b.description != null ? b.description : chosenPlan.description();
                applyPlan(b, chosenPlan);
            } else {
                b.name = name;
                b.currency = currency;
                b.amount = amount;
                if (saveCard) {
                    b.cycle = "save_card";
                } else {
                    applyCycle(b, body);
                }
            }
        });
        json(ctx, 200, created.toJson(baseUrl, true));
    }

    private void update(RoutingContext ctx, String baseUrl) {
        String id = ctx.pathParam("id");
        Optional<SandboxBilling> found = store.find(id);
        if (found.isEmpty()) {
            notFound(ctx, id);
            return;
        }
        SandboxBilling current = found.get();
        Map<String, Object> body = body(ctx);
        Errors errors = new Errors();
        String planId = text(body.get("plan_id"));
        boolean saveCard = body.containsKey("save_card") ? flag(body.get("save_card")) : current.saveCard;
        Optional<HitPaySandboxStore.Plan> plan = plan(planId, saveCard, errors);
        if (body.containsKey("customer_email")) {
            String email = text(body.get("customer_email"));
            if (email == null || !EMAIL.matcher(email).matches()) {
                errors.add("customer_email", "The customer email must be a valid email address.");
            }
        }
        maxLength(errors, "name", text(body.get("name")));
        maxLength(errors, "customer_name", text(body.get("customer_name")));
        maxLength(errors, "reference", text(body.get("reference")));
        if (body.containsKey("cycle")) {
            cycle(body, errors, false);
        }
        BigDecimal amount = amount(body.get("amount"), errors);
        LocalDate startDate = startDate(body.get("start_date"), errors);
        if (startDate != null && !current.status.equals("scheduled") && !current.status.equals("active")) {
            errors.add("start_date", "The start date can only be changed for a recurring billing that is scheduled or active.");
        }
        url(errors, "redirect_url", text(body.get("redirect_url")));
        if (errors.any()) {
            errors.send(ctx);
            return;
        }
        HitPaySandboxStore.Plan chosenPlan = plan.orElse(null);
        SandboxBilling updated = store.change(id, b -> {
            if (chosenPlan != null) {
                b.planId = chosenPlan.id();
                applyPlan(b, chosenPlan);
            } else {
                if (amount != null) {
                    b.amount = amount;
                }
                if (body.containsKey("cycle")) {
                    applyCycle(b, body);
                }
            }
            setIfPresent(body, "name", v -> b.name = v);
            setIfPresent(body, "description", v -> b.description = v);
            setIfPresent(body, "customer_email", v -> b.customerEmail = v);
            setIfPresent(body, "customer_name", v -> b.customerName = v);
            setIfPresent(body, "reference", v -> b.reference = v);
            setIfPresent(body, "redirect_url", v -> b.redirectUrl = v);
            setIfPresent(body, "webhook", v -> b.webhook = v);
            if (body.containsKey("send_email")) {
                b.sendEmail = flag(body.get("send_email"));
            }
            if (startDate != null) {
                b.startDate = startDate;
            }
        }).orElseThrow();
        json(ctx, 200, updated.toJson(baseUrl, false));
    }

    private void cancel(RoutingContext ctx, String baseUrl) {
        String id = ctx.pathParam("id");
        store.change(id, b -> b.status = "canceled")
                .ifPresentOrElse(b -> json(ctx, 200, b.toJson(baseUrl, false)), () -> notFound(ctx, id));
    }

    // ---- hosted checkout

    private void checkoutPage(RoutingContext ctx) {
        Optional<SandboxBilling> billing = checkoutBilling(ctx);
        if (billing.isEmpty()) {
            return;
        }
        SandboxBilling b = billing.get();
        String action = "/" + HitPaySandboxData.BUSINESS_ID + "/recurring-plan/" + b.id;
        String html = """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>HitPay sandbox checkout</title></head>
                <body>
                <h1>%s</h1>
                <p>%s</p>
                <p id="amount">%s %s, %s</p>
                <p id="status">Status: %s</p>
                <form method="post" action="%s">
                  <label>Card number <input name="card_number" value="%s" autocomplete="off"></label>
                  <label>Expiry <input name="expiry" value="12/30"></label>
                  <label>CVC <input name="cvc" value="123"></label>
                  <button type="submit">Save card and subscribe</button>
                </form>
                <p>Sandbox: %s is accepted, %s is declined.</p>
                </body></html>
                """.formatted(html(b.name), html(b.description == null ? "" : b.description),
                html(b.currency.toUpperCase(Locale.ROOT)), b.amount == null ? "" : b.amount.toPlainString(),
                html(b.cycle), html(b.status), action, HitPaySandboxData.CARD_OK, HitPaySandboxData.CARD_OK,
                HitPaySandboxData.CARD_DECLINED);
        ctx.response().setStatusCode(200).putHeader("Content-Type", "text/html; charset=utf-8").end(html);
    }

    /** Binding a card activates a scheduled billing, charges it when its start date has come, and sends the webhook. */
    private void checkoutSubmit(RoutingContext ctx) {
        Optional<SandboxBilling> billing = checkoutBilling(ctx);
        if (billing.isEmpty()) {
            return;
        }
        String card = Optional.ofNullable(ctx.request().getFormAttribute("card_number")).orElse("").replaceAll("\\s", "");
        if (!card.matches("\\d{12,19}") || card.equals(HitPaySandboxData.CARD_DECLINED)) {
            page(ctx, 402, "Card declined", "The card was declined. Nothing was charged.");
            return;
        }
        boolean chargeNow = billing.get().startDate == null || !billing.get().startDate.isAfter(HitPaySandboxStore.today());
        SandboxBilling activated = store.change(billing.get().id, b -> {
            b.status = "active";
            b.cardBrand = card.startsWith("4") ? "visa" : card.startsWith("5") ? "mastercard" : "card";
            b.cardLast4 = card.substring(card.length() - 4);
            if (chargeNow && !b.saveCard) {
                b.timesCharged = (b.timesCharged == null ? 0 : b.timesCharged) + 1;
            }
        }).orElseThrow();
        if (chargeNow && !activated.saveCard) {
            sendChargeWebhook(ctx, activated);
        }
        if (activated.redirectUrl != null) {
            String separator = activated.redirectUrl.contains("?") ? "&" : "?";
            ctx.response().setStatusCode(302)
                    .putHeader("Location", activated.redirectUrl + separator + "reference=" + activated.id + "&status=active&type=recurring")
                    .end();
        } else {
            page(ctx, 200, "Subscribed", "Your card is saved and the subscription is active.");
        }
    }

    private Optional<SandboxBilling> checkoutBilling(RoutingContext ctx) {
        Optional<SandboxBilling> billing = HitPaySandboxData.BUSINESS_ID.equals(ctx.pathParam("business"))
                ? store.find(ctx.pathParam("id"))
                : Optional.empty();
        if (billing.isEmpty()) {
            page(ctx, 404, "Not found", "This checkout link is not valid.");
            return Optional.empty();
        }
        String status = billing.get().status;
        if (!status.equals("scheduled") && !status.equals("active")) {
            page(ctx, 410, "Not available", "This subscription is " + html(status) + " and cannot be paid.");
            return Optional.empty();
        }
        return billing;
    }

    /** The legacy form webhook of a recurring charge, signed with the demo salt (fire and forget). */
    private void sendChargeWebhook(RoutingContext ctx, SandboxBilling billing) {
        if (billing.webhook == null) {
            return;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("payment_id", UUID.randomUUID().toString());
        fields.put("recurring_billing_id", billing.id);
        fields.put("amount", billing.amount.setScale(2).toPlainString());
        fields.put("currency", billing.currency);
        fields.put("status", "succeeded");
        fields.put("reference", billing.reference == null ? "" : billing.reference);
        fields.put(HitPayAuth.HMAC_FIELD, HitPayAuth.formHmac(HitPaySandboxData.WEBHOOK_SALT, fields));
        StringBuilder form = new StringBuilder();
        fields.forEach((k, v) -> form.append(form.length() == 0 ? "" : "&").append(k).append('=')
                .append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8)));
        try {
            RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(billing.webhook)
                    .putHeader("Content-Type", "application/x-www-form-urlencoded")
                    .putHeader("User-Agent", "HitPay v1.0");
            webhookClient(ctx).request(options)
                    .compose(request -> request.send(form.toString()))
                    .onComplete(result -> {
                        if (result.failed()) {
                            LOG.debugf("sandbox webhook for %s not delivered: %s", billing.id, result.cause().getMessage());
                        }
                    });
        } catch (RuntimeException badUrl) {
            LOG.debugf("sandbox webhook URL of %s is unusable", billing.id);
        }
    }

    /** On the Vert.x the sandbox runs on, whichever that is. */
    private HttpClient webhookClient(RoutingContext ctx) {
        if (webhookClient == null) {
            synchronized (this) {
                if (webhookClient == null) {
                    webhookClient = ctx.vertx().createHttpClient();
                }
            }
        }
        return webhookClient;
    }

    // ---- HitPay's rules

    private static void applyPlan(SandboxBilling b, HitPaySandboxStore.Plan plan) {
        b.cycle = plan.cycle();
        b.cycleRepeat = plan.cycleRepeat();
        b.cycleFrequency = plan.cycleFrequency();
        b.currency = plan.currency();
        b.amount = plan.amount();
    }

    private static void applyCycle(SandboxBilling b, Map<String, Object> body) {
        b.cycle = text(body.get("cycle")).toLowerCase(Locale.ROOT);
        if (b.cycle.equals("custom")) {
            b.cycleFrequency = text(body.get("cycle_frequency")).toLowerCase(Locale.ROOT);
            b.cycleRepeat = Integer.parseInt(text(body.get("cycle_repeat")));
        } else {
            b.cycleFrequency = null;
            b.cycleRepeat = null;
        }
    }

    private static void cycle(Map<String, Object> body, Errors errors, boolean required) {
        String cycle = text(body.get("cycle"));
        if (cycle == null) {
            if (required) {
                errors.add("cycle", "The cycle field is required.");
            }
            return;
        }
        if (!CYCLES.contains(cycle.toLowerCase(Locale.ROOT))) {
            errors.add("cycle", "The selected cycle is invalid.");
            return;
        }
        if (cycle.equalsIgnoreCase("custom")) {
            String frequency = text(body.get("cycle_frequency"));
            if (frequency == null) {
                errors.add("cycle_frequency", "The cycle frequency field is required when cycle is custom.");
            } else if (!FREQUENCIES.contains(frequency.toLowerCase(Locale.ROOT))) {
                errors.add("cycle_frequency", "The selected cycle frequency is invalid.");
            }
            if (text(body.get("cycle_repeat")) == null) {
                errors.add("cycle_repeat", "The cycle repeat field is required when cycle is custom.");
            } else {
                optionalInteger(body.get("cycle_repeat"), "cycle repeat", 1, 999, errors);
            }
        }
    }

    private static BigDecimal amount(Object value, Errors errors) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(text);
            if (amount.compareTo(MIN_AMOUNT) < 0 || amount.compareTo(MAX_AMOUNT) > 0) {
                errors.add("amount", "The amount must be between 0.01 and 999999.99.");
                return null;
            }
            return amount;
        } catch (NumberFormatException e) {
            errors.add("amount", "The amount must be a number.");
            return null;
        }
    }

    private static LocalDate startDate(Object value, Errors errors) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        try {
            if (!DATE.matcher(text).matches()) {
                throw new DateTimeParseException("format", text, 0);
            }
            LocalDate date = LocalDate.parse(text);
            if (date.isBefore(HitPaySandboxStore.today())) {
                errors.add("start_date", "The start date must be a date after or equal to today.");
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            errors.add("start_date", "The start date does not match the format Y-m-d.");
            return null;
        }
    }

    private static Integer optionalInteger(Object value, String label, int min, int max, Errors errors) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        String field = label.replace(' ', '_');
        try {
            int number = Integer.parseInt(text);
            if (number < min || number > max) {
                errors.add(field, "The " + label + " must be between " + min + " and " + max + ".");
                return null;
            }
            return number;
        } catch (NumberFormatException e) {
            errors.add(field, "The " + label + " must be an integer.");
            return null;
        }
    }

    private static int integer(String text, int fallback, String field, int min, int max, Errors errors) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        Integer value = optionalInteger(text, field.replace('_', ' '), min, max, errors);
        return value == null ? fallback : value;
    }

    private static void maxLength(Errors errors, String field, String value) {
        if (value != null && value.length() > 255) {
            errors.add(field, "The " + field.replace('_', ' ') + " may not be greater than 255 characters.");
        }
    }

    private static void url(Errors errors, String field, String value) {
        if (value == null) {
            return;
        }
        try {
            URI uri = URI.create(value);
            if (uri.getScheme() != null && uri.getScheme().matches("https?") && uri.getHost() != null) {
                return;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        errors.add(field, "The " + field.replace('_', ' ') + " format is invalid.");
    }

    // ---- plumbing

    /** The request body as HitPay reads it: JSON, or form fields ({@code payment_methods[]} as a list). */
    private static Map<String, Object> body(RoutingContext ctx) {
        Map<String, Object> fields = new LinkedHashMap<>();
        String contentType = Optional.ofNullable(ctx.request().getHeader("Content-Type")).orElse("").toLowerCase(Locale.ROOT);
        if (contentType.startsWith("application/json")) {
            try {
                JsonObject json = ctx.body().asJsonObject();
                if (json != null) {
                    json.forEach(e -> fields.put(e.getKey(), e.getValue() instanceof JsonArray a ? a.getList() : e.getValue()));
                }
            } catch (RuntimeException notJson) {
                // an unreadable body is an empty one: the required-field rules answer it
            }
        } else {
            MultiMap form = ctx.request().formAttributes();
            for (String name : form.names()) {
                if (name.endsWith("[]")) {
                    fields.put(name.substring(0, name.length() - 2), form.getAll(name));
                } else {
                    fields.put(name, form.get(name));
                }
            }
        }
        return fields;
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString().trim();
        return text.isEmpty() ? null : text;
    }

    private static boolean flag(Object value) {
        String text = text(value);
        return text != null && (text.equalsIgnoreCase("true") || text.equals("1"));
    }

    private static List<String> list(Object value) {
        if (value instanceof List<?> items) {
            return items.stream().map(String::valueOf).toList();
        }
        String text = text(value);
        return text == null ? List.of() : List.of(text);
    }

    private static void setIfPresent(Map<String, Object> body, String field, java.util.function.Consumer<String> setter) {
        if (body.containsKey(field)) {
            setter.accept(text(body.get(field)));
        }
    }

    private static void notFound(RoutingContext ctx, String id) {
        json(ctx, 404, new JsonObject().put("message", "No query results for model [App\\Business\\RecurringBilling] " + id));
    }

    private static void json(RoutingContext ctx, int status, JsonObject body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
    }

    private static void page(RoutingContext ctx, int status, String title, String message) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "text/html; charset=utf-8")
                .end("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + html(title)
                        + "</title></head><body><h1>" + html(title) + "</h1><p>" + message + "</p></body></html>");
    }

    private static String html(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Laravel's 422: {@code {"message": first error [+ " (and N more errors)"], "errors": {field: [...]}}}. */
    private static final class Errors {
        private final Map<String, List<String>> byField = new LinkedHashMap<>();

        void add(String field, String message) {
            byField.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
        }

        boolean has(String field) {
            return byField.containsKey(field);
        }

        boolean any() {
            return !byField.isEmpty();
        }

        void send(RoutingContext ctx) {
            int count = byField.values().stream().mapToInt(List::size).sum();
            String first = byField.values().iterator().next().get(0);
            String message = count == 1 ? first : first + " (and " + (count - 1) + " more error" + (count > 2 ? "s" : "") + ")";
            JsonObject errors = new JsonObject();
            byField.forEach((field, messages) -> errors.put(field, new JsonArray(messages)));
            json(ctx, 422, new JsonObject().put("message", message).put("errors", errors));
        }
    }
}
