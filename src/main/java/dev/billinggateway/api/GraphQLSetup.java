package dev.billinggateway.api;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import graphql.GraphQL;
import graphql.execution.instrumentation.ChainedInstrumentation;

/**
 * Owns graphql-java's instrumentation chain (SmallRye fires the builder as a CDI event before it builds
 * the engine): the unified error codes, and the query limits added by the security configuration.
 */
@ApplicationScoped
public class GraphQLSetup {

    void configure(@Observes GraphQL.Builder builder) {
        builder.instrumentation(new ChainedInstrumentation(List.of(new UnifiedErrors())));
    }
}
