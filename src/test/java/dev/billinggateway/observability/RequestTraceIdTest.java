package dev.billinggateway.observability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import java.util.Map;
import java.util.function.Function;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.context.ThreadContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.billinggateway.domain.Provider;
import dev.billinggateway.sandbox.SandboxFaults;
import dev.billinggateway.sandbox.SandboxFaults.Fault;
import dev.billinggateway.sandbox.SandboxFaults.Mode;
import dev.billinggateway.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * Without a collector the OpenTelemetry SDK is off ({@link TracingSwitch}), and every request still has a trace id
 * ({@link RequestTraceIds}): in its errors' {@code extensions.traceId} and its log lines, the caller's own when it
 * sends a valid {@code traceparent}.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class RequestTraceIdTest {

    static final String MISSING = "{ subscription(id: \"sub_0000000000000000000000000000dead\") { id } }";
    static final String CALLER_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Inject
    SandboxFaults faults;

    @Inject
    CircuitBreakerMaintenance circuits;

    @Inject
    ThreadContext threadContext;

    @BeforeEach
    @AfterEach
    void clean() {
        faults.clear();
        circuits.resetAll();
    }

    @Test
    void withoutACollectorNeitherTheSdkNorContextPropagationRuns() {
        assertThat(ConfigProvider.getConfig().getValue(TracingSwitch.SDK_DISABLED, Boolean.class)).isTrue();
        Function<Object, Object> step = x -> x;
        assertThat(threadContext.contextualFunction(step)).as("a reactive step, not wrapped").isSameAs(step);
    }

    @Test
    void eachRequestGetsItsOwnTraceIdInItsErrors() {
        String first = traceIdOf(null);
        String second = traceIdOf(null);
        assertThat(first).matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32));
        assertThat(second).matches("[0-9a-f]{32}").isNotEqualTo(first);
    }

    @Test
    void theCallersTraceparentGivesTheTraceId() {
        assertThat(traceIdOf("00-" + CALLER_TRACE + "-00f067aa0ba902b7-01")).isEqualTo(CALLER_TRACE);
        for (String invalid : new String[] { "00-" + "0".repeat(32) + "-00f067aa0ba902b7-01", "00-" + CALLER_TRACE.toUpperCase() + "-00f067aa0ba902b7-01",
                "garbage", "00-" + CALLER_TRACE }) {
            assertThat(traceIdOf(invalid)).as(invalid).matches("[0-9a-f]{32}").isNotEqualTo(CALLER_TRACE).isNotEqualTo("0".repeat(32));
        }
    }

    @Test
    void theLogLinesOfARequestCarryItsTraceId() {
        try (ProviderCallLines log = ProviderCallLines.capture()) {
            faults.set(Provider.HITPAY, new Fault(Mode.ERROR, 0));
            String traceId = given().contentType(ContentType.JSON).header("traceparent", "00-" + CALLER_TRACE + "-00f067aa0ba902b7-01")
                    .body(Map.of("query", "query HitPayDown { subscriptions(first: 5, filter: {provider: HITPAY}) { nodes { id } } }"))
                    .post("/graphql").then().statusCode(200)
                    .body("errors[0].extensions.code", is("PROVIDER_UNAVAILABLE"))
                    .extract().<String>path("errors[0].extensions.traceId");
            assertThat(traceId).isEqualTo(CALLER_TRACE);
            // background jobs may log meanwhile: this request's own line is the one looked for
            assertThat(log.lines()).as("provider failure lines of this request").anySatisfy(l -> {
                assertThat(l.message()).startsWith("HITPAY listSubscriptions").contains("PROVIDER_UNAVAILABLE");
                assertThat(l.traceId()).isEqualTo(CALLER_TRACE);
            });
        }
    }

    private static String traceIdOf(String traceparent) {
        var request = given().contentType(ContentType.JSON).body(Map.of("query", MISSING));
        if (traceparent != null) {
            request = request.header("traceparent", traceparent);
        }
        return request.post("/graphql").then().statusCode(200)
                .body("errors[0].extensions.code", is("NOT_FOUND"))
                .extract().path("errors[0].extensions.traceId");
    }
}
