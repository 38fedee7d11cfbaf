package dev.billinggateway.api;

import java.util.concurrent.CompletableFuture;

import graphql.ExecutionResult;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Tells the HTTP layer that a GraphQL response holds no {@code data}: a request error (the document did not
 * parse or validate, a variable could not be coerced, a limit refused it). SmallRye's HTTP handler answers 200
 * whatever happened; {@link GraphQLRequestGuard} turns such a response into 400 for a client that accepts
 * {@code application/graphql-response+json}, as the GraphQL-over-HTTP specification asks.
 * <p>
 * The request is found when execution begins, while SmallRye's handler still runs with the request context
 * active on the request's thread; later stages may complete on other threads.
 */
public class RequestErrors extends SimplePerformantInstrumentation {

    private static final String REQUEST = RequestErrors.class.getName();

    @Override
    public InstrumentationContext<ExecutionResult> beginExecution(InstrumentationExecutionParameters parameters,
            InstrumentationState state) {
        RoutingContext request = current();
        if (request != null) {
            parameters.getGraphQLContext().put(REQUEST, request);
        }
        return SimpleInstrumentationContext.noOp();
    }

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
            InstrumentationExecutionParameters parameters, InstrumentationState state) {
        if (!result.isDataPresent()) {
            RoutingContext request = parameters.getGraphQLContext().get(REQUEST);
            if (request != null) {
                request.put(GraphQLRequestGuard.REQUEST_ERROR, Boolean.TRUE);
            }
        }
        return CompletableFuture.completedFuture(result);
    }

    private static RoutingContext current() {
        if (Arc.container() == null || !Arc.container().requestContext().isActive()) {
            return null; // not an HTTP request (a test calling the engine directly)
        }
        InstanceHandle<CurrentVertxRequest> handle = Arc.container().instance(CurrentVertxRequest.class);
        return handle.isAvailable() ? handle.get().getCurrent() : null;
    }
}
