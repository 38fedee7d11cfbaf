package dev.billinggateway.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import dev.billinggateway.domain.ErrorCode;
import dev.billinggateway.domain.GatewayException;
import dev.billinggateway.security.AccessPolicy;
import dev.billinggateway.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is calling, for the audit log and the resolvers' role checks. {@code GraphQLRequestGuard} has
 * already verified the token and refused callers without the needed role; the checks here are a second
 * line, run before a resolver does anything.
 */
@RequestScoped
public class Caller {

    @Inject
    SecurityIdentity identity;

    @Inject
    AccessPolicy policy;

    /** The authenticated subject (the token's {@code upn}, else {@code preferred_username}, else {@code sub}). */
    public String subject() {
        if (!policy.enabled()) {
            return Roles.DEV_SUBJECT;
        }
        return identity == null || identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    /** Queries: {@code billing-read} (or {@code billing-write}). */
    public void requireRead() {
        require(false);
    }

    /** Mutations: {@code billing-write}. */
    public void requireWrite() {
        require(true);
    }

    private void require(boolean write) {
        if (!policy.enabled()) {
            return;
        }
        if (identity == null || identity.isAnonymous()) {
            throw GatewayException.of(ErrorCode.UNAUTHENTICATED, "a valid bearer token is required").retryable(false).build();
        }
        boolean allowed = write ? identity.hasRole(Roles.WRITE) : identity.hasRole(Roles.READ) || identity.hasRole(Roles.WRITE);
        if (!allowed) {
            throw GatewayException.of(ErrorCode.FORBIDDEN, "this operation needs the role " + (write ? Roles.WRITE : Roles.READ))
                    .retryable(false).build();
        }
    }
}
