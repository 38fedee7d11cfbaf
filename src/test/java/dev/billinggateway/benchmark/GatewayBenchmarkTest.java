package dev.billinggateway.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.billinggateway.domain.Provider;
import dev.billinggateway.persistence.QueryCounter;
import dev.billinggateway.sandbox.SandboxFaults;
import dev.billinggateway.security.AccessPolicy;
import dev.billinggateway.security.AuthSwitch;
import dev.billinggateway.security.Roles;
import dev.billinggateway.security.Tokens;
import dev.billinggateway.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The gateway against the built-in sandbox with a fixed 100 ms provider latency, authentication on. Prints, for
 * a few loads: requests/s and p50/p99 latency of a single-object read from a fresh snapshot (with a bearer token
 * and, side by side, with authentication off), of a fan-out list,
 * and of the same fan-out with one provider hanging; the fan-out latency over the slowest provider's; and
 * provider calls and database queries per request for a nested query.
 *
 * <p>Run with {@code ./mvnw test -Pbenchmark} (never part of {@code verify}).
 */
@QuarkusTest
@TestProfile(BenchmarkProfile.class)
@QuarkusTestResource(PostgresTestResource.class)
@Tag("benchmark")
class GatewayBenchmarkTest {

    /** The JIT needs about a minute of load on two cores before the figures settle (C2 compiles ~20,000 methods). */
    static final Duration WARMUP = Duration.ofSeconds(Long.getLong("benchmark.warmup", 45));
    static final Duration RUN = Duration.ofSeconds(Long.getLong("benchmark.seconds", 8));

    @TestHTTPResource("/graphql")
    URI graphql;

    @Inject
    SandboxFaults faults;

    @Inject
    QueryCounter queries;

    @Inject
    Pool pool;

    @Inject
    AccessPolicy access;

    final ObjectMapper json = new ObjectMapper();

    @Test
    void benchmark() throws Exception {
        try (LoadDriver load = new LoadDriver(graphql)) {
            load.authorize(Tokens.token("benchmark@billing.example", Set.of(Roles.READ), Duration.ofHours(2)));
            measure(load);
        }
    }

    private void measure(LoadDriver load) throws Exception {
        List<String> report = new ArrayList<>();
        report.add("machine: " + Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.version") + ", sandbox latency 100 ms per provider call, load driver in the same JVM, "
                + WARMUP.toSeconds() + " s warm-up, " + RUN.toSeconds() + " s per load");

        // every demo object linked and snapshotted
        JsonNode seed = json.readTree(load.once(body("{ subscriptions(first: 100) { nodes { id provider customer { id } } } }")));
        String subscriptionId = seed.at("/data/subscriptions/nodes/0/id").asText();
        assertThat(subscriptionId).isNotEmpty();

        // 1. single object from a fresh snapshot
        String single = body("{ subscription(id: \"" + subscriptionId + "\") { id status amount { amount currency } } }");
        load.run("warm-up", 64, WARMUP, single);
        report.add(load.run("single subscription (fresh snapshot), JWT", 1, RUN, single).toString());
        for (int clients : new int[] {16, 64}) {
            // side by side: the same read with a bearer token (verified once, then from the token cache) and with
            // authentication switched off (no token at all)
            LoadDriver.Result withToken = load.run("single subscription (fresh snapshot), JWT", clients, RUN, single);
            AuthSwitch.set(access, false);
            String token = load.token();
            LoadDriver.Result without;
            try {
                load.authorize(null);
                without = load.run("single subscription (fresh snapshot), no auth", clients, RUN, single);
            } finally {
                load.authorize(token);
                AuthSwitch.set(access, true);
            }
            report.add(withToken.toString());
            report.add(without.toString());
            report.add(String.format("  JWT / no auth throughput at %d clients = %.2f", clients, withToken.perSecond() / without.perSecond()));
        }
        AuthSwitch.set(access, false); // the wrk script sends no token
        try {
            for (int connections : new int[] {16, 64}) {
                report.add(Wrk.singleSubscription(graphql, subscriptionId, connections, RUN)
                        .orElse("single subscription, wrk: not installed (apt-get install wrk) - in-JVM figures only"));
            }
        } finally {
            AuthSwitch.set(access, true);
        }

        // 2. each provider's list alone, then the fan-out over all three
        String list = "{ subscriptions(first: 10%s) { nodes { id provider status } } }";
        Map<Provider, LoadDriver.Result> alone = new EnumMap<>(Provider.class);
        for (Provider p : Provider.values()) {
            LoadDriver.Result r = load.run("list, " + p + " only", 4, RUN, body(String.format(list, ", filter: { provider: " + p + " }")));
            alone.put(p, r);
            report.add(r.toString());
        }
        LoadDriver.Result fanOut1 = null;
        for (int clients : new int[] {1, 16, 64}) {
            LoadDriver.Result r = load.run("list, fan-out over 3 providers", clients, RUN, body(String.format(list, "")));
            fanOut1 = fanOut1 == null ? r : fanOut1;
            report.add(r.toString());
        }
        double slowest = alone.values().stream().mapToDouble(LoadDriver.Result::p50Millis).max().orElseThrow();
        report.add(String.format("fan-out p50 / slowest single-provider p50 = %.1f / %.1f = %.2f", fanOut1.p50Millis(), slowest,
                fanOut1.p50Millis() / slowest));

        // 3. nested query: provider calls and database statements per request, cold and warm snapshots
        String nested = body("{ subscriptions(first: 50) { nodes { id customer { id email } } } }");
        pool.query("DELETE FROM provider_snapshot").execute().await().indefinitely();
        Thread.sleep(1000);
        for (String state : new String[] {"cold snapshots", "fresh snapshots"}) {
            int callsBefore = faults.calls().size();
            long queriesBefore = queries.total();
            JsonNode answer = json.readTree(load.once(nested));
            int nodes = answer.at("/data/subscriptions/nodes").size();
            report.add(String.format("nested subscriptions{customer} (%s): %d subscriptions, %d provider calls, %d database statements, %d errors",
                    state, nodes, faults.calls().size() - callsBefore, queries.total() - queriesBefore, answer.path("errors").size()));
        }

        // 4. the same fan-out with one provider hanging (errors = answers carrying the PROVIDER_UNAVAILABLE error)
        faults.set(Provider.HITPAY, new SandboxFaults.Fault(SandboxFaults.Mode.HANG, 0));
        try {
            report.add(load.run("list, fan-out, HITPAY hanging", 16, RUN, body(String.format(list, ""))).toString()
                    + "   (each answer has the other providers' data + 1 error)");
        } finally {
            faults.set(Provider.HITPAY, SandboxFaults.Fault.NONE);
        }

        System.gc();
        report.add("after load: RSS " + PassThroughBenchmarkTest.rss() + " (gateway, load driver and test JVM together)");

        System.out.println("\n===== billing-gateway benchmark =====");
        report.forEach(System.out::println);
        System.out.println("=====================================\n");
    }

    private String body(String query) throws Exception {
        return json.writeValueAsString(Map.of("query", query));
    }
}
