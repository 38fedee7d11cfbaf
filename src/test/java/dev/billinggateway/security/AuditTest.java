package dev.billinggateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.billinggateway.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Every mutation is audited with the token's subject, the operation, the target, the outcome and the provider's reference. */
@QuarkusTest
@TestProfile(SecurityProfile.class)
@QuarkusTestResource(PostgresTestResource.class)
class AuditTest {

    @Inject
    Pool pool;

    @Test
    void mutationRecordsTheAuthenticatedSubject() {
        String target = "cus-audit-" + UUID.randomUUID();
        String subject = "auditor-" + UUID.randomUUID() + "@billing.example";
        Api.post(Tokens.token(subject, java.util.Set.of(Roles.WRITE)),
                "mutation($p: String!) { linkCustomer(provider: MONRI, providerCustomerId: $p) { id } }", Map.of("p", target))
                .statusCode(200);
        List<Row> rows = audit(target);
        assertThat(rows).hasSize(1);
        Row row = rows.get(0);
        assertThat(row.getString("subject")).isEqualTo(subject);
        assertThat(row.getString("operation")).isEqualTo("linkCustomer");
        assertThat(row.getString("target_id")).isEqualTo(target);
        assertThat(row.getString("provider")).isEqualTo("MONRI");
        assertThat(row.getString("outcome")).isNotBlank();
        if ("SUCCEEDED".equals(row.getString("outcome"))) {
            assertThat(row.getString("provider_reference")).isNotBlank();
        } else {
            assertThat(row.getString("error_code")).isNotBlank();
        }
    }

    @Test
    void successfulMutationRecordsTheProviderReference() {
        String subject = "creator-" + UUID.randomUUID() + "@billing.example";
        Map<String, Object> input = HostileInputTest.createInput("HITPAY", "9.90", "SGD", "MONTH");
        input.put("customer", Map.of("email", "audit-" + UUID.randomUUID() + "@example.com"));
        String id = Api.post(Tokens.token(subject, java.util.Set.of(Roles.WRITE)),
                "mutation($input: CreateSubscriptionInput!) { createSubscription(input: $input) { id providerSubscriptionId } }",
                Map.of("input", input))
                .statusCode(200).body("errors", org.hamcrest.Matchers.nullValue())
                .extract().path("data.createSubscription.providerSubscriptionId");
        List<Row> rows = new ArrayList<>();
        pool.preparedQuery("select * from audit_log where subject = $1").execute(Tuple.of(subject)).await().indefinitely()
                .forEach(rows::add);
        assertThat(rows).hasSize(1);
        Row row = rows.get(0);
        assertThat(row.getString("operation")).isEqualTo("createSubscription");
        assertThat(row.getString("provider")).isEqualTo("HITPAY");
        assertThat(row.getString("outcome")).isEqualTo("SUCCEEDED");
        assertThat(row.getString("provider_reference")).isEqualTo(id);
    }

    @Test
    void refusedCallersLeaveNoAuditEntryAndDoNothing() {
        String target = "cus-refused-" + UUID.randomUUID();
        String mutation = "mutation($p: String!) { linkCustomer(provider: HITPAY, providerCustomerId: $p) { id } }";
        Api.post(Tokens.reader(), mutation, Map.of("p", target)).statusCode(403);
        Api.post(null, mutation, Map.of("p", target)).statusCode(401);
        Api.post(Tokens.expired(), mutation, Map.of("p", target)).statusCode(401);
        assertThat(audit(target)).isEmpty();
    }

    private List<Row> audit(String target) {
        List<Row> rows = new ArrayList<>();
        pool.preparedQuery("select * from audit_log where target_id = $1").execute(Tuple.of(target)).await().indefinitely()
                .forEach(rows::add);
        return rows;
    }
}
