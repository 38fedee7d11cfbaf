package dev.billinggateway.provider.hitpay;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** A WireMock standing in for HitPay; the connector is pointed at it with an explicit api-url and key. */
public class HitPayWireMockResource implements QuarkusTestResourceLifecycleManager {

    static final String API_KEY = "test-business-api-key";
    static final String WEBHOOK_SALT = "test-webhook-salt";
    static final String WEBHOOK_URL = "https://gateway.example.com/webhooks/hitpay";

    private static WireMockServer server;

    static WireMockServer server() {
        return server;
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        return Map.of(
                "gateway.providers.hitpay.api-url", server.baseUrl(),
                "gateway.providers.hitpay.api-key", API_KEY,
                "gateway.providers.hitpay.webhook-url", WEBHOOK_URL,
                "gateway.providers.hitpay.webhook-salt", WEBHOOK_SALT);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
