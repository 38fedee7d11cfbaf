package dev.billinggateway.api;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

import dev.billinggateway.service.FanOut;
import io.smallrye.mutiny.Uni;

/**
 * Turns a fan-out page into a GraphQL connection; when some providers failed, the connection travels as
 * the partial result of a {@link ProviderFailures}, which becomes one error per failing provider.
 */
final class Connections {

    private Connections() {
    }

    static <T, N, C> Uni<C> of(Uni<FanOut.Page<T>> page, Function<T, N> toNode, BiFunction<List<N>, PageInfo, C> connection) {
        return page.map(p -> {
            C built = connection.apply(p.items().stream().map(toNode).toList(), new PageInfo(p.hasNextPage(), p.endCursor()));
            if (!p.failures().isEmpty()) {
                throw new PartialResult(new ProviderFailures(built, p.failures()));
            }
            return built;
        }).onFailure(PartialResult.class).transform(Throwable::getCause);
    }

    /** Carries the checked partial-result exception through Mutiny's unchecked failure channel. */
    static final class PartialResult extends RuntimeException {
        PartialResult(ProviderFailures cause) {
            super(cause);
        }
    }
}
