package dev.billinggateway.api;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;


import dev.billinggateway.security.QueryLimits;
import dev.billinggateway.security.SecurityConfig;
import graphql.GraphQL;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;

/**
 * Owns graphql-java's instrumentation chain (SmallRye fires the builder as a CDI event before it builds
 * the engine): the unified error codes, and the query limits added by the security configuration.
 */
@ApplicationScoped
public class GraphQLSetup {

    @Inject
    SecurityConfig.Limits limits;

    void configure(@Observes GraphQL.Builder builder) {
        List<Instrumentation> chain = new ArrayList<>(QueryLimits.instrumentations(limits.maxQueryDepth(), limits.maxQueryComplexity()));
        chain.add(new UnifiedErrors());
        builder.instrumentation(new ChainedInstrumentation(chain));
    }
}
