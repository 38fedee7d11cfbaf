package dev.billinggateway.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.function.BiConsumer;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.stats.CacheStats;

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

    @Inject
    ObjectMapper mapper;

    boolean enabled;

    /** How far {@code iat}/{@code nbf} may lie in the future: the clock skew MicroProfile JWT allows for {@code exp}. */
    long clockSkewSeconds;

    /**
     * Identities of tokens verified before, by the raw token: the RS256 check costs more CPU than a cached read,
     * and a client sends the same token for many requests. Bounded, and an entry never outlives the token's
     * {@code exp} (nor {@link #MAX_CACHED}), so an expired token is verified again, and refused.
     */
    final Cache<String, SecurityIdentity> verified = Caffeine.newBuilder().maximumSize(TOKEN_CACHE_SIZE)
            .expireAfter(Expiry.creating((String token, SecurityIdentity identity) -> untilExpiry(identity)))
            .recordStats().build();

    static final int TOKEN_CACHE_SIZE = 10_000;
    static final Duration MAX_CACHED = Duration.ofMinutes(10);

    @PostConstruct
    void init() {
        enabled = config.enabled();
        clockSkewSeconds = ConfigProvider.getConfig().getOptionalValue("mp.jwt.verify.clock.skew", Long.class).orElse(60L);
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
        String token = bearer(ctx);
        SecurityIdentity known = token == null ? null : verified.getIfPresent(token);
        if (known != null) {
            QuarkusHttpUser.setIdentity(known, ctx);
            return Uni.createFrom().item(known);
        }
        // the guard answers a failed authentication itself (GraphQL error, code UNAUTHENTICATED), not Quarkus' bare 401
        ctx.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, (BiConsumer<RoutingContext, Throwable>) (c, failure) -> {
        });
        return QuarkusHttpUser.getSecurityIdentity(ctx, null)
                .invoke(identity -> {
                    if (identity != null && identity.getPrincipal() instanceof JsonWebToken jwt) {
                        checkClaims(jwt);
                        if (token != null) {
                            verified.put(token, identity);
                        }
                    }
                    if (identity != null) {
                        QuarkusHttpUser.setIdentity(identity, ctx);
                    }
                });
    }

    private static String bearer(RoutingContext ctx) {
        String authorization = ctx.request().getHeader("Authorization");
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7) ? authorization.substring(7).trim() : null;
    }

    /**
     * What MicroProfile JWT leaves unchecked: a token issued (or valid only) in the future beyond the clock skew is a
     * forgery or a broken issuer; {@code groups} must be an array of strings (a string would be split on spaces into roles).
     */
    void checkClaims(JsonWebToken jwt) {
        JsonNode claims;
        try {
            // the verified token's own claims: smallrye-jwt hands groups over as a set, already split from a string
            String raw = jwt.getRawToken();
            claims = mapper.readTree(Base64.getUrlDecoder().decode(raw.substring(raw.indexOf('.') + 1, raw.lastIndexOf('.'))));
        } catch (Exception e) {
            throw new AuthenticationFailedException("unreadable claims");
        }
        long latest = Instant.now().getEpochSecond() + clockSkewSeconds;
        if (claims.path("iat").asLong(0) > latest || claims.path("nbf").asLong(0) > latest) {
            throw new AuthenticationFailedException("token issued or valid only in the future");
        }
        JsonNode groups = claims.get("groups");
        if (groups != null) {
            boolean strings = groups.isArray();
            for (JsonNode group : groups) {
                strings &= group.isTextual();
            }
            if (!strings) {
                throw new AuthenticationFailedException("groups is not an array of strings");
            }
        }
    }

    static Duration untilExpiry(SecurityIdentity identity) {
        long now = Instant.now().getEpochSecond();
        long exp = identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getExpirationTime() : now;
        Duration left = Duration.ofSeconds(Math.max(0, exp - now));
        return left.compareTo(MAX_CACHED) < 0 ? left : MAX_CACHED;
    }

    /** Hits and misses of the verified-token cache (the benchmark and tests read them). */
    public CacheStats tokenCacheStats() {
        return verified.stats();
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
