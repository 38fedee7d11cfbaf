package dev.billinggateway.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.billinggateway.domain.Provider;
import dev.billinggateway.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;

/** Links made by concurrent statements: every caller gets every link, and all get the same ones. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class LinkStoreTest {

    @Inject
    LinkStore links;

    /**
     * Several statements linking the same new customers at once (as sibling GraphQL fields do): the one whose insert
     * yields to another's must still answer the links that other one made, never leave them out.
     */
    @Test
    void concurrentLinksOfTheSameNewCustomersAllAnswerEveryLink() {
        for (int round = 0; round < 20; round++) {
            List<String> providerIds = IntStream.range(0, 30).mapToObj(i -> "cus-race-" + UUID.randomUUID()).toList();
            List<Uni<Map<String, String>>> calls = new ArrayList<>();
            for (int caller = 0; caller < 6; caller++) {
                calls.add(links.linkCustomers(Provider.MONRI, "race", providerIds));
            }
            List<Map<String, String>> answers = Uni.join().all(calls).andFailFast().await().atMost(Duration.ofSeconds(30));
            for (Map<String, String> answer : answers) {
                assertThat(answer).as("round %d", round).containsOnlyKeys(providerIds).doesNotContainValue(null);
                assertThat(answer).isEqualTo(answers.get(0));
            }
        }
    }
}
