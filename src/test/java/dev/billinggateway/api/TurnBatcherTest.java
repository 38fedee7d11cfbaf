package dev.billinggateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import graphql.GraphQLContext;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/** The batching {@code Subscription.customer} relies on, on a real event loop. */
class TurnBatcherTest {

    static Vertx vertx;

    final List<String> batches = Collections.synchronizedList(new ArrayList<>());

    /** Keys are "identity/name"; a key loads to "group-NAME", "missing" to null. */
    final TurnBatcher<String, String, String> upper = new TurnBatcher<>(key -> key.split("/")[0], (group, keys) -> {
        batches.add(group + ":" + String.join(",", keys));
        return Uni.createFrom().item(keys.stream().map(k -> k.endsWith("missing") ? null : group + "-" + k.split("/")[1].toUpperCase()).toList());
    });

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void loadsAskedForInOneTurnAreOneBatchPerGroupAndEachGetsItsOwnValue() throws Exception {
        GraphQLContext execution = GraphQLContext.newContext().build();

        List<String> answers = inOneTurn(request(), () -> List.of(upper.load(execution, "g", "1/a"),
                upper.load(execution, "g", "2/missing"), upper.load(execution, "h", "3/c"), upper.load(execution, "g", "4/b")));

        assertThat(answers).containsExactly("g-A", null, "h-C", "g-B");
        assertThat(batches).containsExactlyInAnyOrder("g:1/a,2/missing,4/b", "h:3/c");
    }

    @Test
    void aKeyIdentityIsLoadedOncePerExecutionWhicheverTurnAsksAgain() throws Exception {
        GraphQLContext execution = GraphQLContext.newContext().build();

        List<String> answers = inOneTurn(request(), () -> List.of(upper.load(execution, "g", "1/a"), upper.load(execution, "g", "1/a"),
                upper.load(execution, "g", "1/a").chain(a -> upper.load(execution, "g", "1/a").map(again -> a + "+" + again))));

        assertThat(answers).containsExactly("g-A", "g-A", "g-A+g-A");
        assertThat(batches).containsExactly("g:1/a");
    }

    @Test
    void aLoadInALaterTurnStartsANewBatch() throws Exception {
        GraphQLContext execution = GraphQLContext.newContext().build();

        List<String> answers = inOneTurn(request(),
                () -> List.of(upper.load(execution, "g", "1/a").chain(a -> upper.load(execution, "g", "2/b").map(b -> a + "+" + b))));

        assertThat(answers).containsExactly("g-A+g-B");
        assertThat(batches).containsExactly("g:1/a", "g:2/b");
    }

    @Test
    void executionsDoNotShareABatchEvenOnOneContext() throws Exception {
        Context socket = request();
        GraphQLContext first = GraphQLContext.newContext().build();
        GraphQLContext second = GraphQLContext.newContext().build();

        List<String> answers = inOneTurn(socket, () -> List.of(upper.load(first, "g", "1/a"), upper.load(second, "g", "1/a")));

        assertThat(answers).containsExactly("g-A", "g-A");
        assertThat(batches).containsExactly("g:1/a", "g:1/a");
    }

    @Test
    void aFailedBatchFailsEveryLoadInIt() throws Exception {
        TurnBatcher<String, String, String> failing = new TurnBatcher<>(key -> key,
                (group, keys) -> Uni.createFrom().failure(new IllegalStateException("provider down")));
        GraphQLContext execution = GraphQLContext.newContext().build();

        List<String> answers = inOneTurn(request(), () -> List.of(
                failing.load(execution, "g", "a").onFailure().recoverWithItem(Throwable::getMessage),
                failing.load(execution, "g", "b").onFailure().recoverWithItem(Throwable::getMessage)));

        assertThat(answers).containsExactly("provider down", "provider down");
    }

    @Test
    void offAnEventLoopEachLoadRunsAlone() {
        GraphQLContext execution = GraphQLContext.newContext().build();

        assertThat(upper.load(execution, "g", "1/a").await().indefinitely()).isEqualTo("g-A");
        assertThat(upper.load(execution, "g", "2/b").await().indefinitely()).isEqualTo("g-B");
        assertThat(upper.load(null, "g", "3/c").await().indefinitely()).isEqualTo("g-C");
        assertThat(batches).containsExactly("g:1/a", "g:2/b", "g:3/c");
    }

    private static Context request() {
        return VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
    }

    /** Subscribes to every load in one turn of the context, as graphql-java does for a list's elements. */
    private static List<String> inOneTurn(Context context, Supplier<List<Uni<String>>> loads) throws Exception {
        CompletableFuture<List<String>> all = new CompletableFuture<>();
        context.runOnContext(v -> {
            List<CompletableFuture<String>> each = loads.get().stream().map(u -> u.subscribeAsCompletionStage()).toList();
            CompletableFuture.allOf(each.toArray(CompletableFuture[]::new)).whenComplete((done, failure) -> {
                if (failure != null) {
                    all.completeExceptionally(failure);
                } else {
                    all.complete(new ArrayList<>(each.stream().map(CompletableFuture::join).toList()));
                }
            });
        });
        return all.get(10, TimeUnit.SECONDS);
    }
}
