package dev.billinggateway.provider.hitpay.sandbox;

import java.util.List;

import dev.billinggateway.sandbox.SandboxSetting;

/**
 * The HitPay sandbox's fixed demo data and credentials, for tests, README examples and the GraphiQL
 * explorer. The sandbox starts with exactly these billings on every start.
 */
public final class HitPaySandboxData {

    private HitPaySandboxData() {
    }

    /** The demo {@code X-BUSINESS-API-KEY} the sandbox accepts (used when no api-key is configured). */
    public static final String API_KEY = "hitpay-sandbox-demo-api-key";
    /** The demo salt the sandbox signs its webhooks with (used when no webhook-salt is configured). */
    public static final String WEBHOOK_SALT = "hitpay-sandbox-demo-salt";

    /** What the sandbox configures for HitPay when it serves it ({@code gateway.providers.hitpay.*}). */
    public static List<SandboxSetting> settings(String baseUrl) {
        return List.of(SandboxSetting.of("api-key", API_KEY), SandboxSetting.of("webhook-salt", WEBHOOK_SALT));
    }
    /** The business whose checkout pages the sandbox serves ({@code /{business}/recurring-plan/{id}}). */
    public static final String BUSINESS_ID = "9673bdea-058c-44b5-a957-845a7c487bc2";

    /** A monthly subscription plan: "Spotify Premium", 9.90 SGD. */
    public static final String PLAN_MONTHLY = "973ee344-6737-4897-9929-edbc9d7bf433";

    public static final String ALICE = "alice@example.com";
    public static final String BOB = "bob@example.com";
    public static final String CAROL = "carol@example.com";
    /** An e-mail with no billing at all. */
    public static final String NOBODY = "nobody@example.com";

    /** alice: active, monthly, 12.90 SGD, visa 4242, 2 of 9 charges made. */
    public static final String ALICE_ACTIVE_MONTHLY = "9741164c-06a1-4dd7-a649-72cca8f9603a";
    /** alice: canceled save-card billing ({@code cycle: save_card}), 94.27 USD. */
    public static final String ALICE_CANCELED_SAVE_CARD = "9ad461a8-47ec-4f95-aeb3-1a3d16fec521";
    /** bob: scheduled (no card yet), weekly, 5.00 SGD. */
    public static final String BOB_SCHEDULED_WEEKLY = "9b1f7a52-3c1e-4d0a-9f5e-2d7c8a100001";
    /** bob: retrying a failed charge, yearly, 120.00 SGD. */
    public static final String BOB_RETRYING_YEARLY = "9b1f7a52-3c1e-4d0a-9f5e-2d7c8a100002";
    /** carol: inactive, custom cycle every 2 weeks, 20.00 SGD. */
    public static final String CAROL_INACTIVE_CUSTOM = "9b1f7a52-3c1e-4d0a-9f5e-2d7c8a100003";
    /** carol: completed (all 3 charges made), monthly, 30.00 SGD; not listable by HitPay's status filter. */
    public static final String CAROL_COMPLETED = "9b1f7a52-3c1e-4d0a-9f5e-2d7c8a100004";
    /** An ID the sandbox does not know (404). */
    public static final String UNKNOWN_BILLING = "00000000-0000-4000-8000-000000000000";

    public static final List<String> ALL_BILLINGS = List.of(ALICE_ACTIVE_MONTHLY, ALICE_CANCELED_SAVE_CARD,
            BOB_SCHEDULED_WEEKLY, BOB_RETRYING_YEARLY, CAROL_INACTIVE_CUSTOM, CAROL_COMPLETED);

    /** Checkout: this card number is accepted. */
    public static final String CARD_OK = "4242424242424242";
    /** Checkout: this card number is declined. */
    public static final String CARD_DECLINED = "4000000000000002";
}
