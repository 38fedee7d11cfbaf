package dev.billinggateway.provider.revenuemonster;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * WireMock in place of Revenue Monster (OAuth and Open API on one base URL), with the documentation key
 * of test vector 1 as the merchant key and as the "server" key for notifies.
 */
public class RevenueMonsterWireMockResource implements QuarkusTestResourceLifecycleManager {

    public static final String CLIENT_ID = "3675930941412424316";
    public static final String CLIENT_SECRET = "wmn7FUauXHdkoYa9182kCMkjGnNJVgin";
    public static final String STORE_ID = "1602660043994159611";

    private WireMockServer server;

    static JsonNode vector() {
        try (InputStream in = RevenueMonsterWireMockResource.class.getResourceAsStream("/revenuemonster/revenue-monster-signature-v1.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        JsonNode vector = vector();
        return Map.of(
                "gateway.providers.revenue-monster.api-url", server.baseUrl(),
                "gateway.providers.revenue-monster.oauth-url", server.baseUrl(),
                "gateway.providers.revenue-monster.client-id", CLIENT_ID,
                "gateway.providers.revenue-monster.client-secret", CLIENT_SECRET,
                "gateway.providers.revenue-monster.private-key", vector.get("privateKeyPem").asText(),
                "gateway.providers.revenue-monster.server-public-key", vector.get("publicKeyPem").asText(),
                "gateway.providers.revenue-monster.store-id", STORE_ID,
                "gateway.public-url", "https://gateway.example.com");
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(server,
                new TestInjector.AnnotatedAndMatchesType(InjectRevenueMonsterWireMock.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
