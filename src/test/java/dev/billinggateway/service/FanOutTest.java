package dev.billinggateway.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.billinggateway.connector.PageRequest;
import dev.billinggateway.connector.ProviderPage;
import dev.billinggateway.domain.ErrorCode;
import dev.billinggateway.domain.GatewayException;
import dev.billinggateway.domain.Provider;
import io.smallrye.mutiny.Uni;

/** Merging providers' pages: order, cursors that never repeat or skip, short provider pages, failures. */
class FanOutTest {

    final FanOut fanOut = new FanOut();

    FanOutTest() {
        fanOut.mapper = new ObjectMapper();
        fanOut.signer = dev.billinggateway.security.CursorSigner.withKey("fan-out-test-key");
        fanOut.maxPageSize = 100;
    }

    /** A provider listing {@code items} in pages of at most {@code pageSize} (the cursor is the offset). */
    static BiFunction<Provider, PageRequest, Uni<ProviderPage<String>>> providers(Map<Provider, List<String>> items, int pageSize,
            List<String> calls) {
        return (provider, request) -> {
            calls.add(provider + "@" + (request.cursor() == null ? "0" : request.cursor()));
            List<String> all = items.get(provider);
            int from = request.cursor() == null ? 0 : Integer.parseInt(request.cursor());
            int to = Math.min(all.size(), from + Math.min(pageSize, request.limit()));
            return Uni.createFrom().item(new ProviderPage<>(all.subList(from, to), to < all.size() ? String.valueOf(to) : null));
        };
    }

    static List<String> items(String prefix, int n) {
        List<String> list = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            list.add(prefix + i);
        }
        return list;
    }

    List<String> walk(Map<Provider, List<String>> data, int pageSize, int first, List<Integer> pageSizes) {
        List<String> seen = new ArrayList<>();
        String after = null;
        do {
            FanOut.Page<String> page = fanOut.list(List.of(Provider.values()), first, after, providers(data, pageSize, new ArrayList<>()))
                    .await().atMost(Duration.ofSeconds(5));
            seen.addAll(page.items());
            pageSizes.add(page.items().size());
            after = page.hasNextPage() ? page.endCursor() : null;
        } while (after != null);
        return seen;
    }

    @Test
    void pagesFollowProviderOrderAndNeverRepeatOrSkip() {
        Map<Provider, List<String>> data = Map.of(Provider.REVENUE_MONSTER, items("rm", 7), Provider.HITPAY, items("hp", 3),
                Provider.MONRI, items("mo", 5));
        List<Integer> sizes = new ArrayList<>();
        List<String> all = walk(data, 100, 4, sizes);
        List<String> expected = new ArrayList<>(data.get(Provider.REVENUE_MONSTER));
        expected.addAll(data.get(Provider.HITPAY));
        expected.addAll(data.get(Provider.MONRI));
        assertThat(all).containsExactlyElementsOf(expected);
        assertThat(sizes).containsExactly(4, 4, 4, 3);
    }

    @Test
    void aProviderWhosePagesComeUpShortIsAskedAgainSoThePageIsFull() {
        // the first provider hands out 2 per page whatever is asked (e.g. a filter applied after reading)
        Map<Provider, List<String>> data = Map.of(Provider.REVENUE_MONSTER, items("rm", 5), Provider.HITPAY, items("hp", 4),
                Provider.MONRI, List.of());
        List<String> calls = new ArrayList<>();
        FanOut.Page<String> page = fanOut.list(List.of(Provider.values()), 5, null, providers(data, 2, calls))
                .await().atMost(Duration.ofSeconds(5));
        assertThat(page.items()).containsExactly("rm1", "rm2", "rm3", "rm4", "rm5");
        assertThat(page.hasNextPage()).isTrue();
        assertThat(calls).filteredOn(c -> c.startsWith("REVENUE_MONSTER")).containsExactly("REVENUE_MONSTER@0", "REVENUE_MONSTER@2",
                "REVENUE_MONSTER@4");
        assertThat(calls).as("the providers after it are asked once").filteredOn(c -> !c.startsWith("REVENUE_MONSTER"))
                .containsExactlyInAnyOrder("HITPAY@0", "MONRI@0");

        List<Integer> sizes = new ArrayList<>();
        assertThat(walk(data, 2, 5, sizes)).containsExactly("rm1", "rm2", "rm3", "rm4", "rm5", "hp1", "hp2", "hp3", "hp4");
        assertThat(sizes.get(0)).isEqualTo(5);
    }

    @Test
    void aFailingProviderIsReportedAndKeepsItsPlace() {
        Map<Provider, List<String>> data = Map.of(Provider.REVENUE_MONSTER, items("rm", 2), Provider.HITPAY, items("hp", 2),
                Provider.MONRI, items("mo", 2));
        BiFunction<Provider, PageRequest, Uni<ProviderPage<String>>> ok = providers(data, 100, new ArrayList<>());
        FanOut.Page<String> page = fanOut.list(List.of(Provider.values()), 10, null,
                (p, r) -> p == Provider.HITPAY ? Uni.createFrom().failure(GatewayException.unavailable(p, "down", null)) : ok.apply(p, r))
                .await().atMost(Duration.ofSeconds(5));
        assertThat(page.items()).containsExactly("rm1", "rm2", "mo1", "mo2");
        assertThat(page.failures()).extracting(GatewayException::code).containsExactly(ErrorCode.PROVIDER_UNAVAILABLE);
        assertThat(page.hasNextPage()).as("HitPay is still to be read").isTrue();

        FanOut.Page<String> retry = fanOut.list(List.of(Provider.values()), 10, page.endCursor(), ok).await().atMost(Duration.ofSeconds(5));
        assertThat(retry.items()).containsExactly("hp1", "hp2");
        assertThat(retry.hasNextPage()).isFalse();
    }
}
