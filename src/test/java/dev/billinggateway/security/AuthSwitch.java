package dev.billinggateway.security;

import io.quarkus.arc.ClientProxy;

/** Switches authentication of a running gateway on and off (the benchmark compares a read with and without a token). */
public final class AuthSwitch {

    private AuthSwitch() {
    }

    public static void set(AccessPolicy policy, boolean enabled) {
        ClientProxy.unwrap(policy).enabled = enabled;
    }
}
