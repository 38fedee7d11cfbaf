package dev.billinggateway.service;

import java.util.function.Function;
import java.util.function.Supplier;

import dev.billinggateway.domain.Provider;
import io.smallrye.mutiny.Uni;

/**
 * What the {@link MutationRunner} needs to run one mutation safely.
 *
 * @param operation  the GraphQL mutation name
 * @param subject    who asks (authenticated principal)
 * @param request    the arguments, hashed to recognise a replay of the same request
 * @param execute    does it; receives a recorder for what a later reconciliation needs to know
 * @param reconcile  settles an unknown outcome of an earlier attempt by reading the provider, given what
 *                   {@code execute} recorded; completes the change when it did not happen, never applies it twice
 */
public record Mutation<T>(
        String operation,
        String subject,
        Provider provider,
        String targetId,
        String idempotencyKey,
        Object request,
        Class<T> resultType,
        Function<ContextRecorder, Uni<T>> execute,
        Function<String, Uni<T>> reconcile,
        Function<T, String> providerReference) {

    /** Lets {@code execute} write down, before it calls the provider, what reconciliation will need. */
    public interface ContextRecorder {
        Uni<Void> record(String context);
    }

    public static <T> Mutation<T> simple(String operation, String subject, Provider provider, String targetId, String key,
            Object request, Class<T> resultType, Supplier<Uni<T>> execute, Function<T, String> providerReference) {
        // re-running these is safe: they set state rather than flip it
        return new Mutation<>(operation, subject, provider, targetId, key, request, resultType, ctx -> execute.get(),
                ctx -> execute.get(), providerReference);
    }
}
