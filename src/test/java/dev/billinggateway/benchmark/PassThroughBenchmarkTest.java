package dev.billinggateway.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.billinggateway.persistence.QueryCounter;
import dev.billinggateway.provider.hitpay.sandbox.HitPaySandboxData;
import dev.billinggateway.sandbox.SandboxFaults;
import dev.billinggateway.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The pass-through read ({@code fresh-for=0}: every read asks the provider, which answers in about a millisecond)
 * of a HitPay subscription, with and without its customer: requests/s, p50/p99, and per request the provider
 * calls, database statements and database writes; then the JVM's resident memory after the load.
 *
 * <p>Run with {@code ./mvnw test -Pbenchmark} (never part of {@code verify}).
 */
@QuarkusTest
@TestProfile(PassThroughProfile.class)
@QuarkusTestResource(PostgresTestResource.class)
@Tag("benchmark")
class PassThroughBenchmarkTest {

    @TestHTTPResource("/graphql")
    URI graphql;

    @Inject
    SandboxFaults faults;

    @Inject
    QueryCounter queries;

    final ObjectMapper json = new ObjectMapper();

    @Test
    void benchmark() throws Exception {
        List<String> report = new ArrayList<>();
        report.add("machine: " + Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.version") + ", fresh-for=0s, sandbox latency 1 ms, load driver in the same JVM, "
                + GatewayBenchmarkTest.WARMUP.toSeconds() + " s warm-up, " + GatewayBenchmarkTest.RUN.toSeconds() + " s per load");
        try (LoadDriver load = new LoadDriver(graphql)) {
            String id = json.readTree(load.once(body("{ subscriptions(first: 50, filter: { provider: HITPAY, customerEmail: \""
                    + HitPaySandboxData.ALICE + "\" }) { nodes { id providerSubscriptionId } } }")))
                    .at("/data/subscriptions/nodes").findParents("providerSubscriptionId").stream()
                    .filter(n -> n.get("providerSubscriptionId").asText().equals(HitPaySandboxData.ALICE_ACTIVE_MONTHLY))
                    .map(n -> n.get("id").asText()).findFirst().orElseThrow();
            String read = "{ subscription(id: \"" + id + "\") { id status amount { amount currency }%s } }";
            String withCustomer = body(String.format(read, " customer { email }"));
            String without = body(String.format(read, ""));
            String customerRead = body(String.format(read, " customer { email isActive }"));

            load.run("warm-up", 64, GatewayBenchmarkTest.WARMUP, withCustomer);
            for (int clients : new int[] {16, 64}) {
                report.add(measured(load, "pass-through, customer { email }", clients, withCustomer));
            }
            for (int clients : new int[] {16, 64}) {
                report.add(measured(load, "pass-through, no customer", clients, without));
            }
            report.add(measured(load, "pass-through, customer { email isActive }", 16, customerRead));
            for (int connections : new int[] {16, 64}) {
                for (String customer : new String[] {"email", "none"}) {
                    report.add(wrk("pass-through wrk, customer " + customer, id, customer, connections)
                            .orElse("pass-through, wrk: not installed (apt-get install wrk) - in-JVM figures only"));
                }
            }
        }
        System.gc();
        report.add(String.format("after load: RSS %s (gateway, load driver and test JVM together), heap used %d MB of %d MB committed,"
                + " max %d MB", rss(), heapMb(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed()),
                heapMb(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted()),
                heapMb(Runtime.getRuntime().maxMemory())));

        System.out.println("\n===== billing-gateway pass-through benchmark =====");
        report.forEach(System.out::println);
        System.out.println("==================================================\n");
    }

    private String measured(LoadDriver load, String name, int clients, String body) throws Exception {
        long calls = faults.received();
        long statements = queries.total();
        long writes = queries.writes();
        LoadDriver.Result r = load.run(name, clients, GatewayBenchmarkTest.RUN, body);
        assertThat(r.requests()).isPositive();
        return r + perRequest(r.requests(), calls, statements, writes);
    }

    private Optional<String> wrk(String name, String id, String customer, int connections) throws Exception {
        long calls = faults.received();
        long statements = queries.total();
        long writes = queries.writes();
        return Wrk.run(name, "pass-through.lua", Map.of("SUBSCRIPTION_ID", id, "CUSTOMER", customer), graphql, connections,
                GatewayBenchmarkTest.RUN).map(run -> run.line() + perRequest(run.requests(), calls, statements, writes));
    }

    private String perRequest(long requests, long callsBefore, long statementsBefore, long writesBefore) {
        double n = Math.max(1, requests);
        return String.format("  per request: provider calls %.2f, db statements %.2f, db writes %.3f",
                (faults.received() - callsBefore) / n, (queries.total() - statementsBefore) / n, (queries.writes() - writesBefore) / n);
    }

    private String body(String query) throws Exception {
        return json.writeValueAsString(Map.of("query", query));
    }

    private static long heapMb(long bytes) {
        return bytes / (1024 * 1024);
    }

    /** VmRSS of this JVM (Linux). */
    static String rss() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                    .map(l -> l.substring(6).trim()).findFirst().orElse("?");
        } catch (Exception e) {
            return "?";
        }
    }
}
