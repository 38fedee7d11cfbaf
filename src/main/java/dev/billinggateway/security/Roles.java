package dev.billinggateway.security;

/** The two roles a client can hold, read from the token's {@code groups} claim. */
public final class Roles {

    /** May run queries. */
    public static final String READ = "billing-read";
    /** May also run mutations. */
    public static final String WRITE = "billing-write";
    /** The identity every caller has while {@code gateway.auth.enabled=false} (dev mode, most tests). */
    public static final String DEV_SUBJECT = "developer";

    private Roles() {
    }
}
