package dev.billinggateway.api;

import java.util.List;

import org.eclipse.microprofile.graphql.GraphQLException;

import dev.billinggateway.domain.GatewayException;

/**
 * A list answered by some providers but not all: carries what the healthy providers gave (partial
 * result) and one error per failing provider; {@link UnifiedErrors} turns it into those errors.
 */
public class ProviderFailures extends GraphQLException {

    private final transient List<GatewayException> failures;

    public ProviderFailures(Object partialResult, List<GatewayException> failures) {
        super("some providers did not answer", partialResult);
        this.failures = List.copyOf(failures);
    }

    public List<GatewayException> failures() {
        return failures;
    }
}
