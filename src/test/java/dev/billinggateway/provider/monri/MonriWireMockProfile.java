package dev.billinggateway.provider.monri;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The one profile of every Monri WireMock test: Monri's {@code api-url} points at a WireMock server, with the
 * credentials of the test vectors. Tests get the server through {@link InjectMonriWireMock}.
 */
public class MonriWireMockProfile implements QuarkusTestProfile {

    public static final String TOKEN = "7db11ea5d4a1af32421b564c79b946d1ead3daf0";
    public static final String MERCHANT_KEY = "qwert1234";

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Server.class));
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "gateway.providers.monri.authenticity-token", TOKEN,
                "gateway.providers.monri.merchant-key", MERCHANT_KEY,
                // short, so that the lost-answer test does not wait long
                "gateway.providers.monri.reads.timeout", "2s",
                "gateway.providers.monri.writes.timeout", "2s",
                // the sandbox servers' HTTP metrics carry a server.port tag the test server's lack, and Prometheus
                // then refuses the second server (start-up hangs); see the note in the Monri report
                "quarkus.micrometer.binder.http-server.enabled", "false");
    }

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface InjectMonriWireMock {
    }

    public static class Server implements QuarkusTestResourceLifecycleManager {

        private WireMockServer wireMock;

        @Override
        public Map<String, String> start() {
            wireMock = new WireMockServer(WireMockConfiguration.wireMockConfig().dynamicPort());
            wireMock.start();
            return Map.of("gateway.providers.monri.api-url", wireMock.baseUrl());
        }

        @Override
        public void inject(TestInjector testInjector) {
            testInjector.injectIntoFields(wireMock,
                    new TestInjector.AnnotatedAndMatchesType(InjectMonriWireMock.class, WireMockServer.class));
        }

        @Override
        public void stop() {
            if (wireMock != null) {
                wireMock.stop();
            }
        }
    }
}
