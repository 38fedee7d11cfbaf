package dev.billinggateway.domain;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("UpdateSubscriptionInput")
@Description("Only the fields that are set are changed; a field the provider does not accept is an error and nothing is sent")
public class UpdateSubscriptionInput {
    public MoneyInput amount;
    public String productName;
    public String productDescription;
    public IntervalInput interval;
    public String customerEmail;
    public String customerName;
    public LocalDate startDate;
    public LocalDate nextChargeDate;
    public LocalDate activeFrom;
    public LocalDate activeTo;
    public String redirectUrl;
    public String reference;

    /** The fields that are set, by GraphQL name, in schema order. */
    public Map<String, Object> setFields() {
        Map<String, Object> set = new LinkedHashMap<>();
        put(set, "amount", amount);
        put(set, "productName", productName);
        put(set, "productDescription", productDescription);
        put(set, "interval", interval);
        put(set, "customerEmail", customerEmail);
        put(set, "customerName", customerName);
        put(set, "startDate", startDate);
        put(set, "nextChargeDate", nextChargeDate);
        put(set, "activeFrom", activeFrom);
        put(set, "activeTo", activeTo);
        put(set, "redirectUrl", redirectUrl);
        put(set, "reference", reference);
        return set;
    }

    private static void put(Map<String, Object> map, String name, Object value) {
        if (value != null) {
            map.put(name, value);
        }
    }
}
