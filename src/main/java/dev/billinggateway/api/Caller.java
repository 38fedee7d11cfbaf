package dev.billinggateway.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import io.quarkus.security.identity.SecurityIdentity;

/** Who is calling, for the audit log. */
@RequestScoped
public class Caller {

    @Inject
    SecurityIdentity identity;

    public String subject() {
        return identity == null || identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }
}
