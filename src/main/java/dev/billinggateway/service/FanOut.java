package dev.billinggateway.service;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.billinggateway.config.GatewayConfig;
import dev.billinggateway.connector.PageRequest;
import dev.billinggateway.connector.ProviderPage;
import dev.billinggateway.domain.GatewayException;
import dev.billinggateway.domain.Provider;
import dev.billinggateway.security.CursorSigner;
import io.smallrye.mutiny.Uni;

/**
 * Lists across providers: every provider still in the listing is asked at the same time, and the
 * answers are merged in a stable order (provider order, then the provider's own order). The cursor
 * holds each provider's own position, so paging never repeats or skips an item. A provider that fails
 * is left out of this page (its position kept) and reported beside the others' results. (Each page read is bounded
 * by the read deadline where it is made: {@link ReadDeadline}.)
 */
@ApplicationScoped
public class FanOut {

    @Inject
    ObjectMapper mapper;

    @Inject
    CursorSigner signer;

    @Inject
    GatewayConfig config;

    /** A cursor's page size is checked against this again: a cursor is only trusted as far as the limits go. */
    int maxPageSize;

    @PostConstruct
    void init() {
        maxPageSize = config.limits().maxPageSize();
    }

    /** Where a provider's listing stands: its own cursor, how many of that page were handed out, its page size. */
    record Position(String cursor, int skip, int size) {
    }

    public record Page<T>(List<T> items, boolean hasNextPage, String endCursor, List<GatewayException> failures) {
    }

    /** Most rounds of asking for one page: a round after the first only happens when a provider's page came up short. */
    static final int MAX_ROUNDS = 3;

    public <T> Uni<Page<T>> list(List<Provider> providers, int first, String after,
            BiFunction<Provider, PageRequest, Uni<ProviderPage<T>>> fetchPage) {
        Map<Provider, Position> state = after == null ? start(providers, first) : decode(after, providers);
        return fill(state, first, fetchPage, Map.of(), 1);
    }

    /**
     * A provider may answer a page with fewer items than asked and a next page (a filter applied after reading,
     * whole pages of several statuses); the providers after it must wait for its next page to keep the order.
     * Rather than hand out a short page, that provider is asked again, a bounded number of rounds; the
     * providers after it are not: their answers of the earlier round are used again.
     */
    private <T> Uni<Page<T>> fill(Map<Provider, Position> state, int first,
            BiFunction<Provider, PageRequest, Uni<ProviderPage<T>>> fetchPage, Map<Provider, Answer> earlier, int rounds) {
        return once(state, first, fetchPage, earlier).chain(round -> {
            if (round.page().items().size() >= first || round.next().isEmpty() || !round.page().failures().isEmpty()
                    || rounds >= MAX_ROUNDS) {
                return Uni.createFrom().item(round.page());
            }
            return fill(round.next(), first - round.page().items().size(), fetchPage, round.answers(), rounds + 1).map(rest -> {
                List<T> items = new ArrayList<>(round.page().items());
                items.addAll(rest.items());
                return new Page<>(items, rest.hasNextPage(), rest.endCursor(), rest.failures());
            });
        });
    }

    /** What a provider answered to one page request (a page, or the GatewayException it failed with). */
    private record Answer(PageRequest request, Object outcome) {
    }

    private record Round<T>(Page<T> page, Map<Provider, Position> next, Map<Provider, Answer> answers) {
    }

    private <T> Uni<Round<T>> once(Map<Provider, Position> state, int first,
            BiFunction<Provider, PageRequest, Uni<ProviderPage<T>>> fetchPage, Map<Provider, Answer> earlier) {
        List<Provider> active = new ArrayList<>(state.keySet());
        List<PageRequest> requests = new ArrayList<>();
        List<Uni<Object>> calls = new ArrayList<>();
        for (Provider p : active) {
            Position pos = state.get(p);
            PageRequest request = new PageRequest(pos.cursor(), pos.size());
            Answer answered = earlier.get(p);
            requests.add(request);
            calls.add(answered != null && answered.request().equals(request) ? Uni.createFrom().item(answered.outcome())
                    : fetchPage.apply(p, request).<Object>map(page -> page).onFailure().recoverWithItem(ObjectRefresher::asGatewayException));
        }
        if (calls.isEmpty()) {
            return Uni.createFrom().item(new Round<>(new Page<>(List.of(), false, null, List.of()), Map.of(), Map.of()));
        }
        return Uni.join().all(calls).andCollectFailures().map(outcomes -> {
            List<T> items = new ArrayList<>();
            List<GatewayException> failures = new ArrayList<>();
            Map<Provider, Position> next = new EnumMap<>(Provider.class);
            Map<Provider, Answer> answers = new EnumMap<>(Provider.class);
            boolean full = false;
            for (int i = 0; i < active.size(); i++) {
                Provider p = active.get(i);
                Position pos = state.get(p);
                Object outcome = outcomes.get(i);
                answers.put(p, new Answer(requests.get(i), outcome));
                if (outcome instanceof GatewayException e) {
                    failures.add(e);
                    next.put(p, pos);
                    continue;
                }
                if (full) {
                    next.put(p, pos); // not reached on this page: ask again next time
                    continue;
                }
                @SuppressWarnings("unchecked")
                ProviderPage<T> page = (ProviderPage<T>) outcome;
                List<T> remaining = page.items().subList(Math.min(pos.skip(), page.items().size()), page.items().size());
                int take = Math.min(first - items.size(), remaining.size());
                items.addAll(remaining.subList(0, take));
                if (take < remaining.size()) {
                    next.put(p, new Position(pos.cursor(), pos.skip() + take, pos.size()));
                    full = true;
                } else if (page.nextCursor() != null) {
                    next.put(p, new Position(page.nextCursor(), 0, pos.size()));
                    full = true; // its next page comes before the providers after it
                } else if (items.size() >= first) {
                    full = true; // exhausted exactly at the end of this page
                }
            }
            boolean hasNext = !next.isEmpty();
            return new Round<>(new Page<>(items, hasNext, hasNext ? encode(next) : null, failures), next, answers);
        });
    }

    private static Map<Provider, Position> start(List<Provider> providers, int first) {
        Map<Provider, Position> state = new EnumMap<>(Provider.class);
        providers.forEach(p -> state.put(p, new Position(null, 0, first)));
        return state;
    }

    private String encode(Map<Provider, Position> state) {
        try {
            return signer.sign(mapper.writeValueAsBytes(state));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<Provider, Position> decode(String cursor, List<Provider> wanted) {
        try {
            byte[] payload = signer.verify(cursor);
            if (payload == null) {
                throw new IllegalArgumentException("not signed by this gateway");
            }
            Map<Provider, Position> decoded = mapper.readValue(payload, new TypeReference<EnumMap<Provider, Position>>() {
            });
            decoded.keySet().retainAll(wanted);
            for (Position p : decoded.values()) {
                if (p.size() < 1 || p.size() > maxPageSize || p.skip() < 0) {
                    throw new IllegalArgumentException();
                }
            }
            return decoded;
        } catch (Exception e) {
            throw GatewayException.validation("after", "a cursor returned as pageInfo.endCursor", "the cursor is not valid");
        }
    }
}
