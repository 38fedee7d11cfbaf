package dev.billinggateway.security;

import java.util.Set;
import java.util.function.BiConsumer;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Who may use the GraphQL API. With {@code gateway.auth.enabled=true} (the default, and always in a
 * production build unless switched off) a caller proves itself with a bearer JWT (MicroProfile JWT:
 * {@code mp.jwt.verify.publickey[.location]}, {@code mp.jwt.verify.issuer}) whose {@code groups} claim
 * carries {@link Roles#READ} and/or {@link Roles#WRITE}. With it off, every caller is the documented
 * development identity {@link Roles#DEV_SUBJECT} holding both roles.
 */
@ApplicationScoped
public class AccessPolicy {

    private static final Logger LOG = Logger.getLogger(AccessPolicy.class);

    /** What a request asks for. */
    public enum Need {
        READ(Roles.READ),
        WRITE(Roles.WRITE);

        final String role;

        Need(String role) {
            this.role = role;
        }
    }

    /** The result of checking a request; {@code ok} lets it through. */
    public record Verdict(boolean ok, String code, int status, String message) {
        static final Verdict OK = new Verdict(true, null, 200, null);

        static Verdict unauthenticated(String message) {
            return new Verdict(false, "UNAUTHENTICATED", 401, message);
        }

        static Verdict forbidden(String message) {
            return new Verdict(false, "FORBIDDEN", 403, message);
        }
    }

    static final SecurityIdentity DEV_IDENTITY = QuarkusSecurityIdentity.builder()
            .setPrincipal(new QuarkusPrincipal(Roles.DEV_SUBJECT))
            .addRoles(Set.of(Roles.READ, Roles.WRITE))
            .build();

    @Inject
    SecurityConfig.Auth config;

    boolean enabled;

    @PostConstruct
    void init() {
        enabled = config.enabled();
    }

    void onStart(@Observes StartupEvent event) {
        if (!enabled) {
            LOG.warnf("gateway.auth.enabled=false: every GraphQL caller is '%s' with roles %s and %s (development only)",
                    Roles.DEV_SUBJECT, Roles.READ, Roles.WRITE);
            return;
        }
        var config = ConfigProvider.getConfig();
        boolean key = config.getOptionalValue("mp.jwt.verify.publickey", String.class).isPresent()
                || config.getOptionalValue("mp.jwt.verify.publickey.location", String.class).isPresent();
        if (!key) {
            LOG.warn("gateway.auth.enabled=true but neither mp.jwt.verify.publickey nor mp.jwt.verify.publickey.location is set: "
                    + "no token can be verified, every GraphQL request will be refused as UNAUTHENTICATED");
        }
        if (config.getOptionalValue("mp.jwt.verify.issuer", String.class).isEmpty()) {
            LOG.warn("gateway.auth.enabled=true but mp.jwt.verify.issuer is not set: tokens of any issuer signed with the key are accepted");
        }
    }

    public boolean enabled() {
        return enabled;
    }

    /**
     * Resolves the caller of this request (the bearer token is verified here, lazily) and remembers it
     * on the request, so that SmallRye GraphQL and {@code Caller} see the same identity.
     */
    public Uni<SecurityIdentity> identify(RoutingContext ctx) {
        if (!enabled) {
            QuarkusHttpUser.setIdentity(DEV_IDENTITY, ctx);
            return Uni.createFrom().item(DEV_IDENTITY);
        }
        // the guard answers a failed authentication itself (GraphQL error, code UNAUTHENTICATED), not Quarkus' bare 401
        ctx.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, (BiConsumer<RoutingContext, Throwable>) (c, failure) -> {
        });
        return QuarkusHttpUser.getSecurityIdentity(ctx, null)
                .invoke(identity -> {
                    if (identity != null) {
                        QuarkusHttpUser.setIdentity(identity, ctx);
                    }
                });
    }

    /** Whether the identity may do what the request needs. */
    public Verdict decide(SecurityIdentity identity, Need need) {
        if (identity == null || identity.isAnonymous()) {
            return Verdict.unauthenticated("a valid bearer token is required (Authorization: Bearer <JWT>)");
        }
        if (need == Need.WRITE && !identity.hasRole(Roles.WRITE)) {
            return Verdict.forbidden("this operation needs the role " + Roles.WRITE);
        }
        if (!identity.hasRole(Roles.READ) && !identity.hasRole(Roles.WRITE)) {
            return Verdict.forbidden("this operation needs the role " + Roles.READ);
        }
        return Verdict.OK;
    }

    /** A failure while verifying the token: bad signature, expired, wrong issuer, not a JWT at all. */
    public Verdict failed(Throwable failure) {
        if (failure instanceof AuthenticationFailedException || failure.getClass().getName().contains("Unauthorized")
                || failure.getClass().getName().contains("Authentication")) {
            return Verdict.unauthenticated("the bearer token is not valid (bad signature, expired, wrong issuer or malformed)");
        }
        LOG.errorf("Could not check the caller's token: %s", failure.getClass().getName());
        return Verdict.unauthenticated("the bearer token could not be verified");
    }
}
