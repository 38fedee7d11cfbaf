package dev.billinggateway.service;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.billinggateway.config.GatewayConfig;
import dev.billinggateway.domain.GatewayException;
import dev.billinggateway.domain.Provider;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * The read deadline ({@code gateway.reads.deadline}): a request's provider reads (single, list, fan-out, nested
 * fields) all end by the deadline, counted from the request's first provider read. A read still running then is
 * answered as {@code PROVIDER_UNAVAILABLE} for its provider (callers serve the last snapshot marked stale where there
 * is one) while the rest of the data is returned. The read itself is not cancelled: hand-written here because
 * Mutiny's {@code ifNoItem()} cancels its upstream, and a late answer must still refresh the snapshot.
 */
@ApplicationScoped
public class ReadDeadline {

    private static final Logger LOG = Logger.getLogger(ReadDeadline.class);
    /** Where the request's duplicated Vert.x context keeps when its first provider read started (nanoTime). */
    static final String STARTED = "gateway.reads.started";
    static final String READ_DEADLINE_KEY = "gateway.reads.deadline";

    @Inject
    GatewayConfig config;

    @Inject
    Vertx vertx;

    /** As {@link #within(Provider, Uni, Function)} with nothing more to do for a late answer. */
    public <T> Uni<T> within(Provider provider, Uni<T> read) {
        return within(provider, read, null);
    }

    /**
     * @param onLate what to do with an answer that came after the deadline (store it), or null
     */
    public <T> Uni<T> within(Provider provider, Uni<T> read, Function<T, Uni<Void>> onLate) {
        return Uni.createFrom().emitter(emitter -> {
            long remainingMillis = remainingMillis();
            AtomicBoolean settled = new AtomicBoolean();
            // a timer set on the request's context fires on it, so what follows runs where the request runs
            long timer = vertx.setTimer(Math.max(1, remainingMillis), id -> {
                if (settled.compareAndSet(false, true)) {
                    emitter.fail(GatewayException.unavailable(provider, provider + " did not answer within the read deadline ("
                            + READ_DEADLINE_KEY + "=" + config.reads().deadline() + ")", null));
                }
            });
            read.subscribe().with(item -> {
                if (settled.compareAndSet(false, true)) {
                    vertx.cancelTimer(timer);
                    emitter.complete(item);
                } else if (onLate != null) {
                    onLate.apply(item).subscribe().with(ok -> LOG.debugf("late %s answer stored", provider),
                            e -> LOG.debugf("late %s answer not stored: %s", provider, e.getMessage()));
                }
            }, failure -> {
                if (settled.compareAndSet(false, true)) {
                    vertx.cancelTimer(timer);
                    emitter.fail(failure);
                }
            });
        });
    }

    /** What is left of the deadline for the current request; starts the clock at its first provider read. */
    long remainingMillis() {
        long deadline = config.reads().deadline().toMillis();
        Context context = Vertx.currentContext();
        if (context == null || !VertxContext.isDuplicatedContext(context)) {
            return deadline;
        }
        Long started = context.getLocal(STARTED);
        long now = System.nanoTime();
        if (started == null) {
            context.putLocal(STARTED, now);
            return deadline;
        }
        return deadline - (now - started) / 1_000_000;
    }
}
