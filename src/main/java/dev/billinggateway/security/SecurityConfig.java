package dev.billinggateway.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The security settings (README "## Security"); every key also works as an environment variable. */
public final class SecurityConfig {

    private SecurityConfig() {
    }

    /** {@code gateway.auth.*} */
    @ConfigMapping(prefix = "gateway.auth")
    public interface Auth {
        /** Bearer JWTs required for GraphQL; false: every caller is the development identity "developer" with both roles. */
        @WithDefault("true")
        boolean enabled();
    }

    /** {@code gateway.limits.*} beyond the page sizes (those are in {@code GatewayConfig}). */
    @ConfigMapping(prefix = "gateway.limits")
    public interface Limits {
        /** Deepest field nesting a query may have (a root field is depth 1). */
        @WithDefault("10")
        int maxQueryDepth();

        /** Most fields a query may select, fragments expanded. */
        @WithDefault("500")
        int maxQueryComplexity();

        /** Most grammar tokens a GraphQL document may have. */
        @WithDefault("2000")
        int maxQueryTokens();
    }

    /** {@code gateway.graphql.*} */
    @ConfigMapping(prefix = "gateway.graphql")
    public interface Exposure {
        /** Introspection and {@code GET /graphql/schema.graphql} (for authenticated readers when auth is on). */
        @WithDefault("true")
        boolean introspectionEnabled();
    }

    /** {@code gateway.cursor.*} */
    @ConfigMapping(prefix = "gateway.cursor")
    public interface Cursors {
        /** HMAC key that signs list cursors; the same on every instance. Empty: a random key per start (with a warning). */
        java.util.Optional<String> signingKey();
    }
}
