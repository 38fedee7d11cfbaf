package dev.billinggateway.provider.hitpay.sandbox;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** One recurring billing held by the sandbox. Mutable; only touched under the store's lock. */
final class SandboxBilling {
    String id;
    String planId;
    String customerName;
    String customerEmail;
    String name;
    String description;
    String reference;
    String cycle;
    Integer cycleRepeat;
    String cycleFrequency;
    String currency = "sgd";
    BigDecimal amount;
    Integer timesToBeCharged;
    Integer timesCharged = 0;
    String status = "scheduled";
    boolean sendEmail;
    boolean saveCard;
    String redirectUrl;
    List<String> paymentMethods = new ArrayList<>(List.of("card"));
    /** Kept by the sandbox but, like HitPay's documented answers, not returned. */
    LocalDate startDate;
    LocalDateTime createdAt;
    LocalDateTime updatedAt;
    String webhook;
    String cardBrand;
    String cardLast4;

    SandboxBilling copy() {
        SandboxBilling c = new SandboxBilling();
        c.id = id;
        c.planId = planId;
        c.customerName = customerName;
        c.customerEmail = customerEmail;
        c.name = name;
        c.description = description;
        c.reference = reference;
        c.cycle = cycle;
        c.cycleRepeat = cycleRepeat;
        c.cycleFrequency = cycleFrequency;
        c.currency = currency;
        c.amount = amount;
        c.timesToBeCharged = timesToBeCharged;
        c.timesCharged = timesCharged;
        c.status = status;
        c.sendEmail = sendEmail;
        c.saveCard = saveCard;
        c.redirectUrl = redirectUrl;
        c.paymentMethods = new ArrayList<>(paymentMethods);
        c.startDate = startDate;
        c.createdAt = createdAt;
        c.updatedAt = updatedAt;
        c.webhook = webhook;
        c.cardBrand = cardBrand;
        c.cardLast4 = cardLast4;
        return c;
    }

    String checkoutUrl(String baseUrl) {
        return baseUrl + "/" + HitPaySandboxData.BUSINESS_ID + "/recurring-plan/" + id;
    }

    /**
     * HitPay's JSON for a billing, as in its documented examples: amounts as numbers, currency in lower
     * case, flags as 0/1 (create answers {@code send_email} as a boolean, as the create example does).
     */
    JsonObject toJson(String baseUrl, boolean flagsAsBooleans) {
        JsonObject json = new JsonObject()
                .put("id", id)
                .put("business_recurring_plans_id", planId)
                .put("customer_name", customerName)
                .put("customer_email", customerEmail)
                .put("customer_phone_number", null)
                .put("customer_phone_number_country_code", null)
                .put("name", name)
                .put("description", description)
                .put("reference", reference)
                .put("cycle", cycle)
                .put("cycle_repeat", cycleRepeat)
                .put("cycle_frequency", cycleFrequency)
                .put("currency", currency)
                .put("price", amount == null ? null : amount.doubleValue())
                .put("amount", amount == null ? null : amount.doubleValue())
                .put("times_to_be_charged", timesToBeCharged)
                .put("times_charged", timesCharged)
                .put("status", status)
                .put("send_email", flagsAsBooleans ? (Object) sendEmail : (Object) (sendEmail ? 1 : 0))
                .put("save_card", saveCard ? 1 : 0)
                .put("redirect_url", redirectUrl)
                .put("payment_methods", new JsonArray(new ArrayList<>(paymentMethods)))
                .put("created_at", createdAt.toString().length() == 16 ? createdAt + ":00" : createdAt.toString())
                .put("updated_at", updatedAt.toString().length() == 16 ? updatedAt + ":00" : updatedAt.toString())
                .put("pause_from", null)
                .put("pause_until", null)
                .put("expires_at", null)
                .put("url", checkoutUrl(baseUrl))
                .put("webhook", webhook);
        if (cardLast4 != null) {
            json.put("payment_method", new JsonObject().put("card", new JsonObject().put("brand", cardBrand).put("last4", cardLast4)));
        }
        return json;
    }
}
