package dev.billinggateway.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.billinggateway.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;

/** Pruning after the default periods: what is old and finished goes, what is recent, unsettled or audit stays. */
@QuarkusTest
@TestProfile(NoSchedulersProfile.class)
@QuarkusTestResource(PostgresTestResource.class)
class RetentionTest {

    @Inject
    Retention retention;

    @Inject
    Pool pool;

    @Test
    void oldFinishedRowsArePrunedAndTheRestKept() {
        sql("DELETE FROM idempotency_record WHERE idempotency_key LIKE 'retention-%'");
        sql("DELETE FROM provider_snapshot WHERE gateway_id LIKE 'retention-%'");
        // idempotency keys: settled and older than a day go; recent, and unsettled however old, stay
        sql("INSERT INTO idempotency_record (subject, idempotency_key, operation, request_hash, state, updated_at) VALUES"
                + " ('tester', 'retention-old-done', 'op', 'h', 'COMPLETED', now() - interval '25 hours'),"
                + " ('tester', 'retention-old-failed', 'op', 'h', 'FAILED', now() - interval '25 hours'),"
                + " ('tester', 'retention-recent-done', 'op', 'h', 'COMPLETED', now() - interval '23 hours'),"
                + " ('tester', 'retention-old-unknown', 'op', 'h', 'OUTCOME_UNKNOWN', now() - interval '40 days')");
        sql("INSERT INTO webhook_event (provider, dedup_key, payload, affected, status, received_at) VALUES"
                + " ('HITPAY', 'retention-old-processed', '{}', '[]', 'PROCESSED', now() - interval '31 days'),"
                + " ('HITPAY', 'retention-old-received', '{}', '[]', 'RECEIVED', now() - interval '31 days'),"
                + " ('HITPAY', 'retention-recent-processed', '{}', '[]', 'PROCESSED', now() - interval '29 days')");
        sql("INSERT INTO provider_snapshot (gateway_id, kind, payload, fetched_at) VALUES"
                + " ('retention-unread', 'subscription', '{}', now() - interval '31 days'),"
                + " ('retention-read', 'subscription', '{}', now() - interval '1 day')");
        sql("INSERT INTO audit_log (at, subject, operation, outcome) VALUES (now() - interval '400 days', 'retention-test', 'op', 'SUCCEEDED')");

        Map<String, Long> deleted = retention.pruneNow().await().indefinitely();

        assertThat(keys("SELECT idempotency_key FROM idempotency_record WHERE idempotency_key LIKE 'retention-%'"))
                .containsExactlyInAnyOrder("retention-recent-done", "retention-old-unknown");
        assertThat(keys("SELECT dedup_key FROM webhook_event WHERE dedup_key LIKE 'retention-%'"))
                .containsExactlyInAnyOrder("retention-old-received", "retention-recent-processed");
        assertThat(keys("SELECT gateway_id FROM provider_snapshot WHERE gateway_id LIKE 'retention-%'")).containsExactly("retention-read");
        assertThat(keys("SELECT subject FROM audit_log WHERE subject = 'retention-test'")).containsExactly("retention-test");
        assertThat(deleted).containsKeys("idempotency_record", "webhook_event", "provider_snapshot").doesNotContainKey("audit_log");
        assertThat(deleted.get("idempotency_record")).isGreaterThanOrEqualTo(2);
    }

    private void sql(String statement) {
        pool.query(statement).execute().await().indefinitely();
    }

    private java.util.List<String> keys(String query) {
        java.util.List<String> out = new java.util.ArrayList<>();
        pool.query(query).execute().await().indefinitely().forEach(row -> out.add(row.getString(0)));
        return out;
    }
}
