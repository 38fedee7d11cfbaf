package dev.billinggateway.provider.monri.sandbox;

import static dev.billinggateway.provider.monri.sandbox.MonriSandboxData.*;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.vertx.core.json.JsonObject;

/**
 * The Monri sandbox's objects, in memory, held as the JSON Monri answers with (without {@code status}).
 * Every method is synchronized: cheap, never blocks for long, safe from any event loop.
 */
final class MonriSandboxState {

    static final ZoneId MONRI_ZONE = ZoneId.of("Europe/Zagreb");

    private final Map<String, JsonObject> customers = new LinkedHashMap<>();
    private final Map<Long, JsonObject> plans = new LinkedHashMap<>();
    private final Map<Long, JsonObject> customerSubscriptions = new LinkedHashMap<>();
    private long nextPlanId = FIRST_CREATED_ID;
    private long nextCustomerSubscriptionId = FIRST_CREATED_ID;

    MonriSandboxState(LocalDate today) {
        String created = today.minusDays(200).atTime(9, 30).atZone(MONRI_ZONE).toOffsetDateTime().truncatedTo(ChronoUnit.SECONDS).toString();
        customers.put(CUSTOMER_ANA, customer(CUSTOMER_ANA, EMAIL_ANA, "Ana Horvat", "+385 911234567", "Zagreb", created));
        customers.put(CUSTOMER_MARKO, customer(CUSTOMER_MARKO, EMAIL_MARKO, "Marko Kovač", "+385 981112233", "Split", created));
        customers.put(CUSTOMER_LEJLA, customer(CUSTOMER_LEJLA, EMAIL_LEJLA, "Lejla Hadžić", "+387 61123456", "Sarajevo", created));
        JsonObject ivan = customer(CUSTOMER_IVAN_DELETED, EMAIL_IVAN, "Ivan Babić", null, "Rijeka", created);
        ivan.put("deleted", true).put("deleted_at", created);
        customers.put(CUSTOMER_IVAN_DELETED, ivan);

        plans.put(PLAN_BASIC_MONTHLY, plan(PLAN_BASIC_MONTHLY, "Basic monthly", "Basic plan, billed monthly", 1000, "EUR", "month"));
        plans.put(PLAN_PRO_YEARLY, plan(PLAN_PRO_YEARLY, "Pro yearly", "Pro plan, billed yearly", 9900, "EUR", "year"));
        plans.put(PLAN_WEEKLY_BOX, plan(PLAN_WEEKLY_BOX, "Weekly box", "A box a week", 2500, "BAM", "week"));
        plans.put(PLAN_HALF_YEAR, plan(PLAN_HALF_YEAR, "Half-year", "Billed every six months", 4990, "EUR", "half_year"));

        customerSubscriptions.put(CS_ACTIVE, customerSubscription(CS_ACTIVE, CUSTOMER_ANA, PLAN_BASIC_MONTHLY,
                today.plusDays(5), today.minusDays(40), today.plusDays(325)));
        customerSubscriptions.put(CS_PENDING, customerSubscription(CS_PENDING, CUSTOMER_MARKO, PLAN_PRO_YEARLY,
                today.plusDays(11), today.plusDays(10), today.plusDays(375)));
        customerSubscriptions.put(CS_ENDED, customerSubscription(CS_ENDED, CUSTOMER_LEJLA, PLAN_WEEKLY_BOX,
                today.minusDays(35), today.minusDays(120), today.minusDays(30)));
        customerSubscriptions.put(CS_HALF_YEAR, customerSubscription(CS_HALF_YEAR, CUSTOMER_LEJLA, PLAN_HALF_YEAR,
                today.plusDays(170), today.minusDays(10), today.plusDays(720)));
    }

    // --- customers

    synchronized List<JsonObject> customers(int limit, int offset) {
        return customers.values().stream().skip(offset).limit(limit).map(JsonObject::copy).toList();
    }

    synchronized Optional<JsonObject> customer(String uuid) {
        return Optional.ofNullable(customers.get(uuid)).map(JsonObject::copy);
    }

    synchronized Optional<JsonObject> customerByMerchantId(String merchantCustomerId) {
        return customers.values().stream()
                .filter(c -> merchantCustomerId.equals(c.getString("merchant_customer_id")) && !c.getBoolean("deleted"))
                .findFirst().map(JsonObject::copy);
    }

    /** @return the new customer, or empty when the merchant_customer_id is taken */
    synchronized Optional<JsonObject> createCustomer(JsonObject fields) {
        String merchantCustomerId = fields.getString("merchant_customer_id");
        if (merchantCustomerId != null && customerByMerchantId(merchantCustomerId).isPresent()) {
            return Optional.empty();
        }
        String now = now();
        String uuid = UUID.randomUUID().toString();
        JsonObject customer = new JsonObject().put("uuid", uuid).put("merchant_customer_id", null).put("description", null)
                .put("email", null).put("name", null).put("phone", null).put("metadata", new JsonObject())
                .put("zip_code", null).put("city", null).put("address", null).put("country", null)
                .put("deleted", false).put("created_at", now).put("updated_at", now).put("deleted_at", null);
        merge(customer, fields);
        customers.put(uuid, customer);
        return Optional.of(customer.copy());
    }

    synchronized Optional<JsonObject> updateCustomer(String uuid, JsonObject fields) {
        JsonObject customer = customers.get(uuid);
        if (customer == null) {
            return Optional.empty();
        }
        merge(customer, fields);
        customer.put("updated_at", now());
        return Optional.of(customer.copy());
    }

    synchronized Optional<JsonObject> deleteCustomer(String uuid) {
        JsonObject customer = customers.get(uuid);
        if (customer == null) {
            return Optional.empty();
        }
        customer.put("deleted", true).put("deleted_at", now());
        return Optional.of(customer.copy());
    }

    /** Partial update: given fields replace, a null in metadata removes that key. */
    private static void merge(JsonObject customer, JsonObject fields) {
        for (String name : fields.fieldNames()) {
            if ("metadata".equals(name) && fields.getValue(name) instanceof JsonObject metadata) {
                JsonObject current = customer.getJsonObject("metadata", new JsonObject());
                for (String key : metadata.fieldNames()) {
                    if (metadata.getValue(key) == null) {
                        current.remove(key);
                    } else {
                        current.put(key, metadata.getValue(key));
                    }
                }
                customer.put("metadata", current);
            } else {
                customer.put(name, fields.getValue(name));
            }
        }
    }

    // --- plans

    synchronized List<JsonObject> plans(int limit, int offset) {
        return plans.values().stream().skip(offset).limit(limit).map(JsonObject::copy).toList();
    }

    synchronized Optional<JsonObject> plan(long id) {
        return Optional.ofNullable(plans.get(id)).map(JsonObject::copy);
    }

    synchronized boolean planNameTaken(String name) {
        return plans.values().stream().anyMatch(p -> name.equals(p.getString("name")));
    }

    /** @return the new plan, or empty when the name is taken */
    synchronized Optional<JsonObject> createPlan(String name, String description, long price, String currency, String period) {
        if (planNameTaken(name)) {
            return Optional.empty();
        }
        long id = nextPlanId++;
        JsonObject plan = plan(id, name, description, price, currency, period);
        plans.put(id, plan);
        return Optional.of(plan.copy());
    }

    // --- customer subscriptions

    synchronized Optional<JsonObject> customerSubscription(long id) {
        return Optional.ofNullable(customerSubscriptions.get(id)).map(JsonObject::copy);
    }

    synchronized JsonObject createCustomerSubscription(String customerUuid, long planId, LocalDate nextChargeDate,
            LocalDate activeFrom, LocalDate activeTo) {
        long id = nextCustomerSubscriptionId++;
        JsonObject cs = customerSubscription(id, customerUuid, planId, nextChargeDate, activeFrom, activeTo);
        customerSubscriptions.put(id, cs);
        return cs.copy();
    }

    synchronized Optional<JsonObject> updateCustomerSubscription(long id, LocalDate nextChargeDate, LocalDate activeFrom, LocalDate activeTo) {
        JsonObject cs = customerSubscriptions.get(id);
        if (cs == null) {
            return Optional.empty();
        }
        cs.put("next_charge_date", nextChargeDate.toString()).put("active_from", activeFrom.toString()).put("active_to", activeTo.toString());
        return Optional.of(cs.copy());
    }

    // --- object shapes

    private static JsonObject customer(String uuid, String email, String name, String phone, String city, String created) {
        return new JsonObject().put("uuid", uuid).put("merchant_customer_id", email).put("description", null)
                .put("email", email).put("name", name).put("phone", phone).put("metadata", new JsonObject())
                .put("zip_code", null).put("city", city).put("address", null).put("country", null)
                .put("deleted", false).put("created_at", created).put("updated_at", created).put("deleted_at", null);
    }

    private static JsonObject plan(long id, String name, String description, long price, String currency, String period) {
        return new JsonObject().put("id", id).put("name", name).put("merchant_id", MERCHANT_ID).put("sku", null)
                .put("description", description).put("price", price).put("currency", currency).put("period", period);
    }

    private JsonObject customerSubscription(long id, String customerUuid, long planId, LocalDate nextChargeDate,
            LocalDate activeFrom, LocalDate activeTo) {
        return new JsonObject().put("id", id).put("name", plans.get(planId).getString("name"))
                .put("customer_id", customerUuid).put("subscription_id", planId)
                .put("active_from", activeFrom.toString()).put("active_to", activeTo.toString())
                .put("next_charge_date", nextChargeDate.toString());
    }

    private static String now() {
        return OffsetDateTime.now(MONRI_ZONE).truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
