package dev.billinggateway.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.billinggateway.domain.Provider;
import dev.billinggateway.provider.hitpay.sandbox.HitPaySandboxData;
import dev.billinggateway.sandbox.SandboxFaults;
import dev.billinggateway.testsupport.Gql;
import dev.billinggateway.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * {@code Subscription.customer} costs a provider call only for fields the subscription's own read does not carry
 * (the test profile keeps no fresh snapshots: every read goes to the provider).
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class FieldCostTest {

    static final String WITH_EMAIL = "query($id: ID!) { subscription(id: $id) { id status amount { amount currency } customer { email } } }";

    @Inject
    SandboxFaults faults;

    String aliceActive;
    String aliceCanceled;

    @BeforeEach
    void linkAlicesBillings() {
        JsonPath page = Gql.post("{ subscriptions(first: 50, filter: { provider: HITPAY, customerEmail: \"" + HitPaySandboxData.ALICE
                + "\" }) { nodes { id providerSubscriptionId } } }").statusCode(200).extract().jsonPath();
        aliceActive = page.getString("data.subscriptions.nodes.find { it.providerSubscriptionId == '"
                + HitPaySandboxData.ALICE_ACTIVE_MONTHLY + "' }.id");
        aliceCanceled = page.getString("data.subscriptions.nodes.find { it.providerSubscriptionId == '"
                + HitPaySandboxData.ALICE_CANCELED_SAVE_CARD + "' }.id");
        assertThat(aliceActive).isNotNull();
        assertThat(aliceCanceled).isNotNull();
        faults.clear();
    }

    @Test
    void aHitPayCustomersEmailComesWithTheBillingInOneProviderCall() {
        JsonPath answer = Gql.post(WITH_EMAIL, Map.of("id", aliceActive)).statusCode(200).extract().jsonPath();

        assertThat(answer.getList("errors")).isNullOrEmpty();
        assertThat(answer.getString("data.subscription.customer.email")).isEqualTo(HitPaySandboxData.ALICE);
        assertThat(calls(Provider.HITPAY)).as("provider calls")
                .containsExactly("GET /v1/recurring-billing/" + HitPaySandboxData.ALICE_ACTIVE_MONTHLY);
    }

    @Test
    void theCarriedCustomerIsTheOneTheCustomerReadGives() {
        String fields = "id provider providerCustomerId email name";
        JsonPath carried = Gql.post("query($id: ID!) { subscription(id: $id) { customer { " + fields + " } } }", Map.of("id", aliceActive))
                .statusCode(200).extract().jsonPath();
        assertThat(calls(Provider.HITPAY)).hasSize(1);
        String customerId = carried.getString("data.subscription.customer.id");
        JsonPath read = Gql.post("query($id: ID!) { customer(id: $id) { " + fields + " } }", Map.of("id", customerId))
                .statusCode(200).extract().jsonPath();
        assertThat(carried.getMap("data.subscription.customer")).isEqualTo(read.getMap("data.customer"));
    }

    @Test
    void aFieldTheBillingLacksReadsTheCustomer() {
        JsonPath answer = Gql.post("query($id: ID!) { subscription(id: $id) { customer { email isActive } } }", Map.of("id", aliceCanceled))
                .statusCode(200).extract().jsonPath();

        assertThat(answer.getBoolean("data.subscription.customer.isActive")).as("Alice has an active billing").isTrue();
        assertThat(calls(Provider.HITPAY)).as("the billing, then the customer's billings in every status").hasSizeGreaterThan(1);
    }

    @Test
    void aBatchServesEveryPlaceTheFieldIsAskedForNotOnlyTheFirst() {
        // both customers resolve in one batch; the second place needs a field the billing lacks
        JsonPath answer = Gql.post("query($a: ID!, $b: ID!) { a: subscription(id: $a) { customer { email } }"
                + " b: subscription(id: $b) { customer { isActive } } }", Map.of("a", aliceCanceled, "b", aliceActive))
                .statusCode(200).extract().jsonPath();

        assertThat(answer.getList("errors")).isNullOrEmpty();
        assertThat(answer.getString("data.a.customer.email")).isEqualTo(HitPaySandboxData.ALICE);
        assertThat(answer.getBoolean("data.b.customer.isActive")).isTrue();
    }

    @Test
    void aFieldLeftOutByItsVariableCostsNothingAndIncludedIsRead() {
        String query = "query($id: ID!, $full: Boolean!) { subscription(id: $id) { customer { email isActive @include(if: $full) } } }";
        Gql.post(query, Map.of("id", aliceCanceled, "full", false)).statusCode(200)
                .body("data.subscription.customer.email", org.hamcrest.Matchers.is(HitPaySandboxData.ALICE));
        assertThat(calls(Provider.HITPAY)).as("without isActive").hasSize(1);
        faults.clear();

        JsonPath full = Gql.post(query, Map.of("id", aliceCanceled, "full", true)).statusCode(200).extract().jsonPath();
        assertThat(full.getBoolean("data.subscription.customer.isActive")).as("the same document, now with isActive").isTrue();
        assertThat(calls(Provider.HITPAY)).hasSizeGreaterThan(1);
    }

    @Test
    void customerSubscriptionsNeedNoCustomerRead() {
        Gql.post("query($id: ID!) { subscription(id: $id) { customer { subscriptions { id } } } }", Map.of("id", aliceActive))
                .statusCode(200);
        List<String> calls = calls(Provider.HITPAY);
        // the billing, and one list per status for the customer's subscriptions; not a second round for the customer
        assertThat(calls.stream().filter(c -> c.startsWith("GET /v1/recurring-billing?"))).hasSize(5);
        assertThat(calls).hasSize(6);
    }

    @Test
    void aRevenueMonsterSubscriptionCarriesItsWholeCustomer() {
        String id = Gql.post("{ subscriptions(first: 1, filter: { provider: REVENUE_MONSTER }) { nodes { id } } }").statusCode(200)
                .extract().path("data.subscriptions.nodes[0].id");
        faults.clear();
        Gql.post("query($id: ID!) { subscription(id: $id) { id } }", Map.of("id", id)).statusCode(200);
        List<String> alone = customerCalls(Provider.REVENUE_MONSTER);
        faults.clear();
        JsonPath answer = Gql.post("query($id: ID!) { subscription(id: $id) { id customer { email name phone { number } isActive"
                + " paymentMethod { last4 } createdAt updatedAt } } }", Map.of("id", id)).statusCode(200).extract().jsonPath();

        assertThat(answer.getList("errors")).isNullOrEmpty();
        assertThat(answer.getString("data.subscription.customer.email")).isNotBlank();
        assertThat(customerCalls(Provider.REVENUE_MONSTER)).as("no read beyond the subscription's own").isEqualTo(alone);
    }

    @Test
    void consecutiveReadsReuseOneKeptAliveConnection() {
        Gql.post(WITH_EMAIL, Map.of("id", aliceActive)).statusCode(200); // a connection in the pool
        long opened = faults.connections(Provider.HITPAY);
        faults.clear();
        for (int i = 0; i < 5; i++) {
            Gql.post(WITH_EMAIL, Map.of("id", aliceActive)).statusCode(200);
        }
        assertThat(calls(Provider.HITPAY)).hasSize(5);
        assertThat(faults.connections(Provider.HITPAY) - opened).as("connections opened for 5 calls one after another").isZero();
    }

    private List<String> calls(Provider provider) {
        return faults.calls(provider).stream().map(c -> c.method() + " " + c.path()).toList();
    }

    private List<String> customerCalls(Provider provider) {
        return calls(provider).stream().filter(c -> c.contains("/customer")).toList();
    }
}
