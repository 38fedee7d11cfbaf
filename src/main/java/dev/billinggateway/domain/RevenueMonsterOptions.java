package dev.billinggateway.domain;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("RevenueMonsterOptions")
@Description("Revenue Monster specifics of Create Recurring Customer (see the recurring target rules)")
public class RevenueMonsterOptions {
    @Description("the store the customer belongs to; defaults to gateway.providers.revenue-monster.store-id")
    public String storeId;
    @NonNull
    @Description("WEEKLY: 0 (Sunday) to 6 (Saturday); MONTHLY: -1 (end of month), 0 (start of month) or 1 to 28")
    public String recurringTarget;
    @Description("how many times the card is charged; at least 1")
    public int recurringRepetition;
    @NonNull
    public String redirectUrl;
    @Description("defaults to {gateway.public-url}/webhooks/revenue-monster")
    public String notifyUrl;
}
