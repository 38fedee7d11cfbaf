package dev.billinggateway.provider.revenuemonster;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.billinggateway.domain.ErrorCode;
import dev.billinggateway.domain.GatewayException;
import dev.billinggateway.domain.Provider;
import dev.billinggateway.provider.revenuemonster.dto.AccessToken;
import dev.billinggateway.config.ProviderHttp;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.mutiny.Uni;

/**
 * The OAuth2 client-credentials access token (provider doc §1.2). Cached until {@code token-renew-before}
 * ahead of {@code expiresIn}; renewed with the refresh token while that is valid (falling back to client
 * credentials); fetched once however many calls need it at the same moment; dropped after a 401 so the
 * next call fetches a fresh one.
 */
@ApplicationScoped
class RevenueMonsterAuthTokens {

    private static final Logger LOG = Logger.getLogger(RevenueMonsterAuthTokens.class);

    @Inject
    RevenueMonsterSettings settings;

    @Inject
    ObjectMapper mapper;

    private record CachedToken(String accessToken, Instant renewAt, String refreshToken, Instant refreshUntil) {
        @Override
        public String toString() {
            return "CachedToken[renewAt=" + renewAt + "]";
        }
    }

    private volatile CachedToken cached;
    private Uni<CachedToken> inflight; // guarded by this
    private volatile RevenueMonsterTokenApi api;
    private volatile String apiBase;

    /** A valid access token, from the cache or fetched (once for all concurrent callers). */
    Uni<String> accessToken() {
        CachedToken current = cached;
        if (current != null && Instant.now().isBefore(current.renewAt())) {
            return Uni.createFrom().item(current.accessToken());
        }
        return Uni.createFrom().deferred(this::renewal).map(CachedToken::accessToken);
    }

    /** Forgets the token RM just refused (401), unless another caller already replaced it. */
    synchronized void invalidate(String refusedToken) {
        if (cached != null && cached.accessToken().equals(refusedToken)) {
            cached = null;
        }
    }

    /** Tests: start from an empty cache. */
    synchronized void reset() {
        cached = null;
        inflight = null;
        api = null;
    }

    private synchronized Uni<CachedToken> renewal() {
        CachedToken current = cached;
        if (current != null && Instant.now().isBefore(current.renewAt())) {
            return Uni.createFrom().item(current);
        }
        if (inflight == null) {
            Uni<CachedToken> fetch;
            if (current != null && current.refreshToken() != null && Instant.now().isBefore(current.refreshUntil())) {
                fetch = request(refreshBody(current.refreshToken()))
                        .onFailure().recoverWithUni(failure -> {
                            LOG.debugf("Revenue Monster refresh token refused (%s); using client credentials", failure.getClass().getSimpleName());
                            return request(clientCredentialsBody());
                        });
            } else {
                fetch = request(clientCredentialsBody());
            }
            inflight = fetch
                    .invoke(token -> cached = token)
                    .onTermination().invoke(this::clearInflight)
                    .memoize().indefinitely();
        }
        return inflight;
    }

    private synchronized void clearInflight() {
        inflight = null;
    }

    private String clientCredentialsBody() {
        return "{\"grantType\":\"client_credentials\"}";
    }

    private String refreshBody(String refreshToken) {
        ObjectNode body = mapper.createObjectNode().put("grantType", "refresh_token").put("refreshToken", refreshToken);
        return RevenueMonsterAuthCanonicalJson.of(body);
    }

    private Uni<CachedToken> request(String body) {
        String basic;
        RevenueMonsterTokenApi client;
        try {
            basic = "Basic " + Base64.getEncoder().encodeToString(
                    (settings.clientId() + ":" + settings.clientSecret()).getBytes(StandardCharsets.UTF_8));
            client = api();
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(e);
        }
        Instant requestedAt = Instant.now();
        return client.token(basic, body)
                .onFailure().transform(failure -> {
                    RevenueMonsterFailure transport = RevenueMonsterErrors.transport(failure);
                    // the Open API call that needed this token has not been sent
                    return new RevenueMonsterFailure(RevenueMonsterFailure.Stage.NOT_SENT,
                            "cannot obtain a Revenue Monster access token", null, transport);
                })
                .map(response -> parse(response, requestedAt));
    }

    private CachedToken parse(Response response, Instant requestedAt) {
        JsonNode json;
        try {
            String entity = RevenueMonsterClient.bodyOf(response);
            json = entity == null || entity.isBlank() ? mapper.createObjectNode() : mapper.readTree(entity);
        } catch (Exception e) {
            json = mapper.createObjectNode();
        }
        JsonNode error = json.path("error");
        if (error.isObject() || response.getStatus() >= 300 || !json.path("accessToken").isTextual()) {
            int status = response.getStatus();
            if (status >= 500 || status == 429) {
                throw new RevenueMonsterFailure(RevenueMonsterFailure.Stage.NOT_SENT,
                        "Revenue Monster OAuth answered " + status, error.path("code").asText(null), null);
            }
            String code = error.path("code").asText("HTTP_" + status);
            String message = error.path("message").asText("access token refused");
            throw GatewayException.of(ErrorCode.PROVIDER_REJECTED, "Revenue Monster refused the gateway's credentials: " + message)
                    .provider(Provider.REVENUE_MONSTER).providerCode(code).providerMessage(message).retryable(false).build();
        }
        AccessToken token = mapper.convertValue(json, AccessToken.class);
        long expiresIn = token.expiresIn() == null ? 3600 : token.expiresIn();
        long renewBefore = Math.min(settings.config().tokenRenewBefore().toSeconds(), expiresIn / 2);
        Instant renewAt = requestedAt.plusSeconds(expiresIn - renewBefore);
        Instant refreshUntil = token.refreshTokenExpiresIn() == null ? renewAt
                : requestedAt.plus(Duration.ofSeconds(token.refreshTokenExpiresIn())).minusSeconds(renewBefore);
        return new CachedToken(token.accessToken(), renewAt, token.refreshToken(), refreshUntil);
    }

    private RevenueMonsterTokenApi api() {
        String base = settings.oauthUrl();
        RevenueMonsterTokenApi client = api;
        if (client == null || !base.equals(apiBase)) {
            synchronized (this) {
                // the token is fetched inside a guarded call: bounded like a read
                var timeouts = dev.billinggateway.connector.CallPolicy.HttpTimeouts.of(settings.config().connectTimeout(),
                        settings.config().reads().timeout());
                client = ProviderHttp.pooled(QuarkusRestClientBuilder.newBuilder(), settings.config().http())
                        .baseUri(URI.create(base))
                        .connectTimeout(timeouts.connectMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                        .readTimeout(timeouts.readMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                        .disableDefaultMapper(true)
                        .build(RevenueMonsterTokenApi.class);
                api = client;
                apiBase = base;
            }
        }
        return client;
    }
}
