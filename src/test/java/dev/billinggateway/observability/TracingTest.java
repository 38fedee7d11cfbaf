package dev.billinggateway.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.billinggateway.domain.Provider;
import dev.billinggateway.sandbox.SandboxFaults;
import dev.billinggateway.sandbox.SandboxFaults.Fault;
import dev.billinggateway.sandbox.SandboxFaults.Mode;
import dev.billinggateway.testsupport.Gql;
import dev.billinggateway.testsupport.PostgresTestResource;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * The span tree of a request: one server span per GraphQL request named by its operation, one span per
 * provider operation below it (provider, operation, outcome), the HTTP client spans below those; the
 * fan-out's provider spans overlap in time. The trace id is in the errors' extensions and the log lines.
 */
@QuarkusTest
@TestProfile(ObservabilityProfile.class)
@QuarkusTestResource(PostgresTestResource.class)
class TracingTest {

    static final String FAN_OUT = "query %s { subscriptions(first: 50) { nodes { id provider } } }";

    @Inject
    InMemorySpanExporter exporter;

    @Inject
    SandboxFaults faults;

    @Inject
    CircuitBreakerMaintenance circuits;

    @BeforeEach
    @AfterEach
    void clean() {
        faults.clear();
        circuits.resetAll();
    }

    @Test
    void fanOutListIsOneServerSpanWithEachProvidersCallsBelowItInParallel() {
        // links and tokens in place; named apart: its last spans may be exported after the reset below
        Gql.post(FAN_OUT.formatted("WarmUp")).statusCode(200);
        for (Provider p : Provider.values()) {
            faults.set(p, Fault.delay(300)); // every provider call takes at least 300 ms
        }
        exporter.reset();
        Gql.post(FAN_OUT.formatted("FanOut")).statusCode(200).body("errors", org.hamcrest.Matchers.nullValue());

        // SmallRye GraphQL's span of the request, named by the gateway with the operation's name and type
        SpanData graphql = awaitSpan(s -> "FanOut".equals(s.getAttributes().get(GraphQLObservation.OPERATION_NAME)));
        assertThat(graphql.getAttributes().get(GraphQLObservation.OPERATION_TYPE)).isEqualTo("query");
        List<SpanData> trace = awaitTrace(graphql.getTraceId());
        List<SpanData> servers = trace.stream().filter(s -> s.getKind() == SpanKind.SERVER).toList();
        assertThat(servers).as("server spans").hasSize(1);
        SpanData server = servers.get(0);
        assertThat(server.getAttributes().get(AttributeKey.stringKey("http.route"))).isEqualTo("/graphql");
        assertThat(graphql.getParentSpanId()).isEqualTo(server.getSpanId());
        Map<String, SpanData> byId = trace.stream().collect(Collectors.toMap(SpanData::getSpanId, s -> s));
        List<SpanData> providerSpans = trace.stream()
                .filter(s -> s.getKind() == SpanKind.INTERNAL && s.getAttributes().get(ProviderSpanAttributes.PROVIDER) != null)
                .toList();
        Map<String, List<SpanData>> perProvider = providerSpans.stream()
                .collect(Collectors.groupingBy(s -> s.getAttributes().get(ProviderSpanAttributes.PROVIDER)));
        assertThat(perProvider.keySet()).as("providers asked; trace: %s; all provider spans: %s",
                trace.stream().map(SpanData::getName).toList(),
                exporter.getFinishedSpanItems().stream().filter(s -> s.getAttributes().get(ProviderSpanAttributes.PROVIDER) != null)
                        .map(s -> s.getName() + "@" + s.getTraceId().substring(0, 6) + "<" + s.getParentSpanId().substring(0, 4)).toList()).containsExactlyInAnyOrder("REVENUE_MONSTER", "HITPAY", "MONRI");
        for (SpanData span : providerSpans) {
            assertThat(ancestors(span, byId)).as("%s is below the server span", span.getName()).contains(server.getSpanId());
            assertThat(span.getAttributes().get(ProviderSpanAttributes.OPERATION)).isNotBlank();
            assertThat(span.getAttributes().get(ProviderSpanAttributes.OUTCOME)).isEqualTo("OK");
        }
        assertThat(perProvider.get("HITPAY")).extracting(s -> s.getAttributes().get(ProviderSpanAttributes.OPERATION))
                .contains("listSubscriptions");

        // in parallel: each provider's first call started before every other provider's last call ended
        for (var a : perProvider.entrySet()) {
            for (var b : perProvider.entrySet()) {
                if (!a.getKey().equals(b.getKey())) {
                    long firstStartA = a.getValue().stream().mapToLong(SpanData::getStartEpochNanos).min().orElseThrow();
                    long lastEndB = b.getValue().stream().mapToLong(SpanData::getEndEpochNanos).max().orElseThrow();
                    assertThat(firstStartA).as("%s started before %s finished", a.getKey(), b.getKey()).isLessThan(lastEndB);
                }
            }
        }

        // the HTTP requests (retries included) are client spans below the provider spans (method, route, status)
        List<SpanData> clientSpans = trace.stream()
                .filter(s -> s.getKind() == SpanKind.CLIENT && s.getAttributes().get(AttributeKey.stringKey("http.request.method")) != null)
                .toList();
        for (SpanData client : clientSpans) {
            SpanData parent = byId.get(client.getParentSpanId());
            assertThat(parent).as("parent of %s", client.getName()).isNotNull();
            assertThat(parent.getAttributes().get(ProviderSpanAttributes.PROVIDER)).as("provider of %s's parent", client.getName())
                    .isNotNull();
            assertThat(client.getAttributes().get(AttributeKey.longKey("http.response.status_code"))).isEqualTo(200L);
        }
        for (SpanData span : providerSpans) {
            long requests = clientSpans.stream().filter(c -> c.getParentSpanId().equals(span.getSpanId())).count();
            assertThat(requests).as("HTTP requests of %s", span.getName()).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void errorsAndLogLinesCarryTheTraceIdOfTheRequest() {
        Gql.post("{ subscriptions(first: 5, filter: {provider: HITPAY}) { nodes { id } } }").statusCode(200);
        try (ProviderCallLines log = ProviderCallLines.capture()) {
            faults.set(Provider.HITPAY, new Fault(Mode.ERROR, 0));
            String traceId = Gql.post("query HitPayDown { subscriptions(first: 5, filter: {provider: HITPAY}) { nodes { id } } }")
                    .statusCode(200)
                    .body("errors[0].extensions.code", org.hamcrest.Matchers.is("PROVIDER_UNAVAILABLE"))
                    .extract().path("errors[0].extensions.traceId");
            assertThat(traceId).as("extensions.traceId").matches("[0-9a-f]{32}");
            SpanData graphql = awaitSpan(s -> traceId.equals(s.getTraceId()) && s.getAttributes().get(GraphQLObservation.OPERATION_NAME) != null);
            assertThat(graphql.getAttributes().get(GraphQLObservation.OPERATION_NAME)).isEqualTo("HitPayDown");
            assertThat(log.lines()).as("provider failure lines of this request")
                    .anySatisfy(l -> {
                        assertThat(l.message()).startsWith("HITPAY ").contains("PROVIDER_UNAVAILABLE");
                        assertThat(l.traceId()).isEqualTo(traceId);
                    });
        }
    }

    private static Set<String> ancestors(SpanData span, Map<String, SpanData> byId) {
        Set<String> seen = new java.util.HashSet<>();
        SpanData current = span;
        while (current != null && current.getParentSpanContext().isValid() && seen.add(current.getParentSpanId())) {
            current = byId.get(current.getParentSpanId());
        }
        return seen;
    }

    private SpanData awaitSpan(Predicate<SpanData> match) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            for (SpanData s : exporter.getFinishedSpanItems()) {
                if (match.test(s)) {
                    return s;
                }
            }
            pause();
        }
        throw new AssertionError("no such span among " + exporter.getFinishedSpanItems().stream()
                .map(s -> s.getKind() + " " + s.getName() + (s.getKind() == SpanKind.SERVER || s.getName().equals("GraphQL") ? " " + s.getAttributes() : "")).toList());
    }

    /** The trace's spans once the count has stopped growing (children end before the server span; export is batched). */
    private List<SpanData> awaitTrace(String traceId) {
        List<SpanData> last = List.of();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            List<SpanData> now = exporter.getFinishedSpanItems().stream().filter(s -> s.getTraceId().equals(traceId)).toList();
            boolean open = now.stream().anyMatch(s -> s.getParentSpanContext().isValid()
                    && now.stream().noneMatch(p -> p.getSpanId().equals(s.getParentSpanId())));
            if (!open && now.size() == last.size() && !now.isEmpty()) {
                return now;
            }
            last = now;
            pause();
        }
        return last;
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
