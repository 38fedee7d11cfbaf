package dev.billinggateway.domain;

/** The payment providers the gateway can hold customers and subscriptions at. */
public enum Provider {
    REVENUE_MONSTER("revenue-monster"),
    HITPAY("hitpay"),
    MONRI("monri");

    private final String slug;

    Provider(String slug) {
        this.slug = slug;
    }

    /** The name used in URLs and configuration keys, e.g. {@code /webhooks/revenue-monster}. */
    public String slug() {
        return slug;
    }

    public static Provider fromSlug(String slug) {
        for (Provider p : values()) {
            if (p.slug.equals(slug)) {
                return p;
            }
        }
        return null;
    }
}
