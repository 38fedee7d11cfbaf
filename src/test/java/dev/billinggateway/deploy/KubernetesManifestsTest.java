package dev.billinggateway.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

/**
 * The Kubernetes manifests in docker/kubernetes: every resource the kustomization lists parses and is there; the
 * probes hit the gateway's health endpoints; credentials come from the Secret, never inline; and the shutdown fits:
 * the grace period covers the preStop sleep plus the gateway's own shutdown delay and timeout from application.properties.
 */
class KubernetesManifestsTest {

    static final Path DIR = Path.of("docker/kubernetes");
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final Map<String, JsonNode> BY_KIND = new HashMap<>();

    @BeforeAll
    static void read() throws IOException {
        for (JsonNode resource : read("kustomization.yaml").get(0).get("resources")) {
            for (JsonNode doc : read(resource.asText())) {
                BY_KIND.put(doc.get("kind").asText(), doc);
            }
        }
    }

    @Test
    void theKustomizationHasEveryResourceTheGatewayNeeds() {
        assertThat(BY_KIND.keySet()).containsExactlyInAnyOrder("ConfigMap", "Deployment", "Service", "PodDisruptionBudget",
                "HorizontalPodAutoscaler");
        JsonNode selector = deployment().at("/spec/selector/matchLabels");
        assertThat(deployment().at("/spec/template/metadata/labels")).isEqualTo(selector);
        assertThat(BY_KIND.get("Service").at("/spec/selector")).isEqualTo(selector);
        assertThat(BY_KIND.get("PodDisruptionBudget").at("/spec/selector/matchLabels")).isEqualTo(selector);
        assertThat(BY_KIND.get("HorizontalPodAutoscaler").at("/spec/scaleTargetRef/name").asText())
                .isEqualTo(deployment().at("/metadata/name").asText());
        assertThat(BY_KIND.get("HorizontalPodAutoscaler").at("/spec/minReplicas").asInt())
                .as("two instances at least, so that the disruption budget can let one go")
                .isGreaterThan(BY_KIND.get("PodDisruptionBudget").at("/spec/minAvailable").asInt());
    }

    @Test
    void probesUseTheHealthEndpointsAndResourcesAreBounded() {
        JsonNode gateway = container();
        assertThat(gateway.at("/startupProbe/httpGet/path").asText()).isEqualTo("/q/health/started");
        assertThat(gateway.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
        assertThat(gateway.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            assertThat(gateway.at("/" + probe + "/httpGet/port").asText()).isEqualTo(gateway.at("/ports/0/name").asText());
        }
        assertThat(gateway.at("/ports/0/containerPort").asInt()).isEqualTo(8080);
        assertThat(gateway.at("/resources/requests/cpu").isMissingNode()).isFalse();
        assertThat(gateway.at("/resources/requests/memory").isMissingNode()).isFalse();
        assertThat(gateway.at("/resources/limits/memory").isMissingNode()).isFalse();
    }

    @Test
    void credentialsComeFromTheSecretAndConfigurationFromTheConfigMap() {
        JsonNode gateway = container();
        assertThat(gateway.at("/envFrom/0/configMapRef/name").asText()).isEqualTo(BY_KIND.get("ConfigMap").at("/metadata/name").asText());
        Set<String> fromSecret = new HashSet<>();
        for (JsonNode env : gateway.get("env")) {
            String name = env.get("name").asText();
            if (env.has("valueFrom")) {
                assertThat(env.at("/valueFrom/secretKeyRef/name").asText()).as(name).isEqualTo("billing-gateway-secrets");
                fromSecret.add(name);
            } else {
                assertThat(name).as("an inline value is a file path, never a credential").endsWith("_FILE");
                assertThat(env.get("value").asText()).startsWith("/etc/billing-gateway/secrets/");
            }
        }
        assertThat(fromSecret).contains("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD", "GATEWAY_CURSOR_SIGNING_KEY",
                "GATEWAY_PROVIDERS_REVENUE_MONSTER_CLIENT_SECRET", "GATEWAY_PROVIDERS_HITPAY_API_KEY",
                "GATEWAY_PROVIDERS_HITPAY_WEBHOOK_SALT", "GATEWAY_PROVIDERS_MONRI_MERCHANT_KEY");
        JsonNode keys = deployment().at("/spec/template/spec/volumes").findParent("secret");
        assertThat(keys.at("/secret/secretName").asText()).isEqualTo("billing-gateway-secrets");
        // nothing secret-looking in the ConfigMap
        BY_KIND.get("ConfigMap").get("data").fieldNames().forEachRemaining(key -> assertThat(key)
                .doesNotContainIgnoringCase("PASSWORD").doesNotContainIgnoringCase("SECRET").doesNotContainIgnoringCase("API_KEY")
                .doesNotContainIgnoringCase("MERCHANT_KEY").doesNotContainIgnoringCase("SALT"));
    }

    @Test
    void theGracePeriodCoversThePreStopSleepTheShutdownDelayAndTheShutdownTimeout() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
            properties.load(in);
        }
        String timeout = properties.getProperty("quarkus.shutdown.timeout");
        assertThat(timeout).as("quarkus.shutdown.timeout in application.properties").isNotNull();
        long shutdownSeconds = Duration.parse("PT" + timeout.toUpperCase()).toSeconds();
        // with the shutdown delay on, readiness is DOWN but requests are still served for the delay first
        if (Boolean.parseBoolean(properties.getProperty("quarkus.shutdown.delay-enabled", "false"))) {
            shutdownSeconds += Duration.parse("PT" + properties.getProperty("quarkus.shutdown.delay").toUpperCase()).toSeconds();
        }
        JsonNode preStop = container().at("/lifecycle/preStop/exec/command");
        assertThat(preStop.get(0).asText()).isEqualTo("sleep");
        long preStopSeconds = preStop.get(1).asLong();
        long grace = deployment().at("/spec/template/spec/terminationGracePeriodSeconds").asLong();
        assertThat(preStopSeconds).as("endpoints need a moment to stop routing here").isGreaterThanOrEqualTo(3);
        assertThat(grace).as("terminationGracePeriodSeconds").isGreaterThanOrEqualTo(preStopSeconds + shutdownSeconds);
    }

    private static JsonNode deployment() {
        return BY_KIND.get("Deployment");
    }

    private static JsonNode container() {
        return deployment().at("/spec/template/spec/containers/0");
    }

    private static List<JsonNode> read(String file) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        try (YAMLParser parser = new YAMLFactory().createParser(DIR.resolve(file).toFile())) {
            YAML.readValues(parser, JsonNode.class).forEachRemaining(docs::add);
        }
        return docs;
    }
}
