package dev.billinggateway.persistence;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.billinggateway.security.LogCapture;
import dev.billinggateway.testsupport.Await;
import dev.billinggateway.testsupport.Gql;
import dev.billinggateway.testsupport.PostgresTestResource;
import dev.billinggateway.testsupport.RestartablePostgres;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * PostgreSQL stopped under the running gateway and started again on the same port and data directory: while it is
 * down, what needs it answers STORAGE_UNAVAILABLE (retryable, naming the database), a subscription this instance read
 * recently is still answered from its in-process copy (stale once older than fresh-for), readiness is DOWN and
 * liveness UP, and the log says so once, without stack traces; once it is back, readiness comes back, requests
 * succeed, and the pool logs no errors (eclipse-vertx/vertx-sql-client#1706, see DatabasePoolCreatorTest).
 */
@QuarkusTest
@TestProfile(DatabaseRestartTest.Profile.class)
@QuarkusTestResource(PostgresTestResource.class)
class DatabaseRestartTest {

    /** Its own PostgreSQL (the shared one is never stopped); the in-process copy on, fresh for 2 s; quick recheck. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.cache.fresh-for", "2s", "gateway.storage.recheck-every", "1s");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(RestartablePostgres.class));
        }
    }

    static final String CREATE = """
            mutation($key: String) { createSubscription(idempotencyKey: $key, input: {
              provider: HITPAY, customer: { email: "restart@example.com", name: "Restart" }, productName: "Restart plan",
              amount: { amount: "9.90", currency: "SGD" }, interval: { unit: MONTH, count: 1 } }) { id } }""";
    static final String READ = "query($id: ID!) { subscription(id: $id) { id productName stale fetchedAt } }";
    static final String LIST = "{ subscriptions(first: 5) { nodes { id } } }";

    static final String WENT = "PostgreSQL (the gateway's storage) is unavailable";
    static final String BACK = "PostgreSQL (the gateway's storage) is reachable again";
    static final Duration FRESH_FOR = Duration.ofSeconds(2);

    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @AfterEach
    void databaseBack() {
        RestartablePostgres.startAgain(); // whatever happened above
        if (originalErr != null) {
            System.setErr(originalErr);
        }
    }

    /** What is printed to stderr from now on, bypassing the log (the SQL client prints unhandled connection errors). */
    private void captureStderr() {
        originalErr = System.err;
        PrintStream copy = new PrintStream(stderr, true, StandardCharsets.UTF_8);
        System.setErr(new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                originalErr.write(b);
                copy.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                originalErr.write(b, off, len);
                copy.write(b, off, len);
            }
        }, true, StandardCharsets.UTF_8));
    }

    @Test
    void anOutageIsNamedReadsUseTheLocalCopyAndRecoveryLeavesNoPoolErrors() {
        LogCapture log = LogCapture.install();
        Await.until("the gateway sees its database", () -> !StorageOutage.isDown());
        String id = Gql.post(CREATE, Map.of("key", "restart-before")).extract().path("data.createSubscription.id");
        assertThat(id).isNotNull();
        String fetchedAt = Gql.post(READ, Map.of("id", id)).body("data.subscription.stale", is(false))
                .extract().path("data.subscription.fetchedAt");
        int mark = log.lines().size();
        captureStderr();

        RestartablePostgres.stopServer();

        // what needs the database: a read of an object this instance never read, a list, a mutation
        for (var response : List.of(Gql.post(READ, Map.of("id", "sub_never_read_here")), Gql.post(LIST),
                Gql.post(CREATE, Map.of("key", "restart-during")))) {
            response.body("errors[0].extensions.code", is("STORAGE_UNAVAILABLE"))
                    .body("errors[0].extensions.retryable", is(true))
                    .body("errors[0].message", containsString("PostgreSQL"));
        }

        // the subscription read before the outage: from the in-process copy, stale once older than fresh-for
        Await.until("the copy is older than fresh-for",
                () -> OffsetDateTime.parse(fetchedAt).plus(FRESH_FOR).isBefore(OffsetDateTime.now()));
        Gql.post(READ, Map.of("id", id))
                .body("errors", nullValue())
                .body("data.subscription.id", is(id))
                .body("data.subscription.productName", is("Restart plan"))
                .body("data.subscription.stale", is(true))
                .body("data.subscription.fetchedAt", is(fetchedAt));

        given().get("/q/health/ready").then().statusCode(503).body("status", is("DOWN"));
        given().get("/q/health/live").then().statusCode(200).body("status", is("UP"));

        List<String> during = appLines(log, mark);
        assertThat(during).filteredOn(l -> l.contains(WENT)).as("one line when it goes").hasSize(1);
        assertThat(during).filteredOn(l -> l.contains(WENT)).allSatisfy(l -> assertThat(l).startsWith("ERROR"));
        assertThat(during).noneSatisfy(l -> assertThat(l).contains("\tat "));

        RestartablePostgres.startAgain();

        Await.until("readiness is UP again", () -> given().get("/q/health/ready").statusCode() == 200, Duration.ofSeconds(60));
        Await.until("the recovery is logged", () -> appLines(log, mark).stream().anyMatch(l -> l.contains(BACK)));
        Gql.post(READ, Map.of("id", id)).body("errors", nullValue()).body("data.subscription.stale", is(false));
        Gql.post(LIST).body("errors", nullValue()).body("data.subscriptions.nodes", notNullValue());
        Gql.post(CREATE, Map.of("key", "restart-after")).body("errors", nullValue()).body("data.createSubscription.id", notNullValue());

        List<String> all = appLines(log, mark);
        assertThat(all).filteredOn(l -> l.contains(WENT)).as("one line when it goes").hasSize(1);
        assertThat(all).filteredOn(l -> l.contains(BACK)).as("one line when it is back").hasSize(1);
        assertThat(all).noneSatisfy(l -> assertThat(l).contains("Result is already complete"));
        assertThat(all).noneSatisfy(l -> assertThat(l).containsAnyOf("IllegalStateException", "\tat "));
        assertThat(stderr.toString(StandardCharsets.UTF_8)).doesNotContain("Exception");
    }

    /** The gateway's and its libraries' lines since {@code mark}; not the embedded server's own output. */
    private static List<String> appLines(LogCapture log, int mark) {
        List<String> lines = log.lines();
        return lines.subList(Math.min(mark, lines.size()), lines.size()).stream()
                .filter(l -> !l.contains(" io.zonky.")).toList();
    }
}
