package dev.billinggateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;

/** A verified token stays in the cache no longer than its {@code exp} (and at most ten minutes). */
class TokenCacheTest {

    @Test
    void anEntryNeverOutlivesTheToken() {
        assertThat(AccessPolicy.untilExpiry(expiringIn(30))).isBetween(Duration.ofSeconds(28), Duration.ofSeconds(30));
        assertThat(AccessPolicy.untilExpiry(expiringIn(-5))).isEqualTo(Duration.ZERO);
        assertThat(AccessPolicy.untilExpiry(expiringIn(86_400))).isEqualTo(AccessPolicy.MAX_CACHED);
    }

    private static QuarkusSecurityIdentity expiringIn(long seconds) {
        JwtClaims claims = new JwtClaims();
        claims.setSubject("cache@billing.example");
        claims.setExpirationTime(NumericDate.fromSeconds(Instant.now().getEpochSecond() + seconds));
        return QuarkusSecurityIdentity.builder().setPrincipal(new DefaultJWTCallerPrincipal(claims)).build();
    }
}
