package dev.billinggateway.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.billinggateway.service.NoSchedulersProfile;
import dev.billinggateway.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Background work claimed across instances: two instances' worth of workers (the claiming code constructed twice,
 * against the same PostgreSQL) claim at the same time, again and again, until nothing is left; no row is claimed by
 * both, and every row is claimed once. The gateway's own schedulers are off here, so only these two workers claim.
 */
@QuarkusTest
@TestProfile(NoSchedulersProfile.class)
@QuarkusTestResource(PostgresTestResource.class)
class BackgroundClaimsTest {

    @Inject
    Pool pool;

    @Inject
    Db db;

    @Inject
    QueryCounter queries;

    @Test
    void twoReconcilersNeverClaimTheSameRecord() {
        pool.query("DELETE FROM idempotency_record WHERE idempotency_key LIKE 'claim-%'").execute().await().indefinitely();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String key = "claim-unknown-" + i;
            expected.add(key);
            insertRecord(key, "OUTCOME_UNKNOWN", null);
        }
        for (int i = 0; i < 10; i++) {
            String key = "claim-abandoned-" + i; // IN_PROGRESS past its lease: its instance died
            expected.add(key);
            insertRecord(key, "IN_PROGRESS", "now() - interval '1 second'");
        }
        insertRecord("claim-running", "IN_PROGRESS", "now() + interval '1 minute'"); // still its instance's

        IdempotencyStore one = idempotencyStore();
        IdempotencyStore two = idempotencyStore();
        List<Set<String>> claimed = claimUntilEmpty(
                store -> store.claimUnsettled(7, Duration.ofMinutes(5)).map(records -> records.stream().map(r -> r.key).toList()),
                one, two);

        assertOnceEach(claimed, expected);
        assertThat(claimed.get(0)).doesNotContain("claim-running");
        assertThat(claimed.get(1)).doesNotContain("claim-running");
    }

    @Test
    void twoWebhookWorkersNeverClaimTheSameEvent() {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Long id = pool.preparedQuery("""
                    INSERT INTO webhook_event (provider, dedup_key, event_type, payload, affected, status)
                    VALUES ('HITPAY', $1, 'test', '{}', '[]', 'RECEIVED') RETURNING id""")
                    .execute(Tuple.of("claim-" + System.nanoTime() + "-" + i)).await().indefinitely().iterator().next().getLong(0);
            expected.add(String.valueOf(id));
        }
        WebhookInboxStore one = webhookStore();
        WebhookInboxStore two = webhookStore();
        List<Set<String>> claimed = claimUntilEmpty(store -> store.claimPending(7).map(ids -> ids.stream().map(String::valueOf).toList()),
                one, two);
        Set<String> mine = new HashSet<>(expected);
        claimed.forEach(set -> set.retainAll(mine)); // events other tests left pending are claimed too
        assertOnceEach(claimed, expected);
    }

    /** Both workers claim at the same time, round after round, until a round gives neither anything. */
    private <S> List<Set<String>> claimUntilEmpty(Function<S, Uni<List<String>>> claim, S one, S two) {
        Set<String> byOne = new HashSet<>();
        Set<String> byTwo = new HashSet<>();
        List<String> duplicates = new ArrayList<>();
        for (int round = 0; round < 100; round++) {
            var both = Uni.combine().all().unis(claim.apply(one), claim.apply(two)).asTuple().await().atMost(Duration.ofSeconds(30));
            for (String k : both.getItem1()) {
                if (!byOne.add(k)) {
                    duplicates.add(k);
                }
            }
            for (String k : both.getItem2()) {
                if (!byTwo.add(k)) {
                    duplicates.add(k);
                }
            }
            if (both.getItem1().isEmpty() && both.getItem2().isEmpty()) {
                break;
            }
        }
        assertThat(duplicates).as("claimed twice by the same worker").isEmpty();
        return List.of(byOne, byTwo);
    }

    private static void assertOnceEach(List<Set<String>> claimed, List<String> expected) {
        Set<String> both = new HashSet<>(claimed.get(0));
        both.retainAll(claimed.get(1));
        assertThat(both).as("claimed by both workers").isEmpty();
        Set<String> all = new HashSet<>(claimed.get(0));
        all.addAll(claimed.get(1));
        assertThat(all).containsAll(expected);
    }

    private void insertRecord(String key, String state, String leaseUntil) {
        pool.query("INSERT INTO idempotency_record (subject, idempotency_key, operation, request_hash, state, lease_until) VALUES ('claim-test', '"
                + key + "', 'claimTest', 'h', '" + state + "', " + (leaseUntil == null ? "NULL" : leaseUntil) + ")")
                .execute().await().indefinitely();
    }

    private IdempotencyStore idempotencyStore() {
        IdempotencyStore store = new IdempotencyStore();
        store.pool = pool;
        store.db = db;
        store.queries = queries;
        return store;
    }

    private WebhookInboxStore webhookStore() {
        WebhookInboxStore store = new WebhookInboxStore();
        store.pool = pool;
        store.db = db;
        return store;
    }
}
