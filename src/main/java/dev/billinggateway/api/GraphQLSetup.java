package dev.billinggateway.api;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;

import dev.billinggateway.observability.GatewayEvents;
import dev.billinggateway.observability.GraphQLObservation;
import dev.billinggateway.security.QueryLimits;
import dev.billinggateway.security.SecurityConfig;
import graphql.GraphQL;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.parser.ParserOptions;
import io.quarkus.arc.Unremovable;
import io.smallrye.graphql.spi.EventingService;

/**
 * Adds to graphql-java's instrumentation chain: the query limits of the security configuration, the
 * unified error codes and the request-error marker for the HTTP status ({@link RequestErrors}). SmallRye's own instrumentation stays in the chain: it fills the parsed-document
 * cache, without which every request would be parsed and validated again.
 */
@ApplicationScoped
@Unremovable // looked up by the hook below, never injected
public class GraphQLSetup {

    @Inject
    SecurityConfig.Limits limits;

    @Inject
    GatewayEvents events;

    GraphQL.Builder configure(GraphQL.Builder builder) {
        // the builder has no getter; a throw-away build shows what SmallRye installed (once, at start)
        Instrumentation smallRye = builder.build().getInstrumentation();
        // graphql-java's own parser limit, for every transport (the HTTP guard parses with the same limit first)
        ParserOptions.setDefaultOperationParserOptions(
                ParserOptions.getDefaultOperationParserOptions().transform(o -> o.maxTokens(limits.maxQueryTokens())));
        List<Instrumentation> chain = new ArrayList<>();
        chain.add(new QueryLimits(limits.maxQueryDepth(), limits.maxQueryComplexity()));
        chain.add(new UnifiedErrors());
        chain.add(new RequestErrors());
        chain.add(new GraphQLObservation(events)); // after the error codes: it counts them
        if (smallRye != null) {
            chain.add(smallRye);
        }
        return builder.instrumentation(new ChainedInstrumentation(chain));
    }

    /**
     * SmallRye's hook into the engine build, found through {@code META-INF/services}. Used instead of the CDI
     * events ({@code quarkus.smallrye-graphql.events.enabled}), which would also fire five CDI events per request.
     */
    public static class Hook implements EventingService {

        @Override
        public String getConfigKey() {
            return null; // always on
        }

        @Override
        public GraphQL.Builder beforeGraphQLBuild(GraphQL.Builder builder) {
            return CDI.current().select(GraphQLSetup.class).get().configure(builder);
        }
    }
}
