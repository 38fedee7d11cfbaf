package dev.billinggateway.persistence;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Runs Panache work (entity methods) in a session of its own. Panache binds its session to the current Vert.x
 * context, and graphql-java resolves sibling and nested fields concurrently on the request's context: one shared
 * session then fails (quarkusio/quarkus#32870). So every call runs on a fresh duplicated context (same event-loop
 * thread, no session bound yet), where Panache opens and closes a session for just this call, and hands its result
 * back on the caller's context (where the request's state lives).
 */
@ApplicationScoped
public class Db {

    @Inject
    Vertx vertx;

    public <T> Uni<T> read(Supplier<Uni<T>> work) {
        return isolated(() -> Panache.withSession(work));
    }

    public <T> Uni<T> write(Supplier<Uni<T>> work) {
        return isolated(() -> Panache.withTransaction(work));
    }

    private <T> Uni<T> isolated(Supplier<Uni<T>> work) {
        Context caller = Vertx.currentContext();
        Context own = VertxContext.createNewDuplicatedContext(caller != null ? caller : vertx.getOrCreateContext());
        Uni<T> inOwn = Uni.createFrom().emitter(emitter -> own.runOnContext(v -> {
            VertxContextSafetyToggle.setCurrentContextSafe(true);
            Uni.createFrom().<T> deferred(() -> work.get()).subscribe().with(emitter::complete, emitter::fail);
        }));
        return caller == null ? inOwn : inOwn.emitOn(task -> caller.runOnContext(v -> task.run()));
    }
}
