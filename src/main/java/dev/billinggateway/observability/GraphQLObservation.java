package dev.billinggateway.observability;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.billinggateway.domain.ErrorCode;
import graphql.ExecutionResult;
import graphql.GraphQLContext;
import graphql.GraphQLError;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.language.OperationDefinition;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;

/**
 * In graphql-java's chain after the unified error codes: names the operation on the request's server span,
 * keeps the trace id for the errors' {@code extensions.traceId}, and counts requests by operation type and
 * error code.
 */
public class GraphQLObservation extends SimplePerformantInstrumentation {

    public static final AttributeKey<String> OPERATION_NAME = AttributeKey.stringKey("graphql.operation.name");
    public static final AttributeKey<String> OPERATION_TYPE = AttributeKey.stringKey("graphql.operation.type");
    private static final String TRACE_ID = GraphQLObservation.class.getName() + ".traceId";
    private static final String TYPE = GraphQLObservation.class.getName() + ".type";
    private static final String SPAN = GraphQLObservation.class.getName() + ".span";

    private final GatewayEvents events;

    public GraphQLObservation(GatewayEvents events) {
        this.events = events;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecution(InstrumentationExecutionParameters parameters,
            InstrumentationState state) {
        // taken here, on the request's own context: the result may complete on another thread
        Span span = Span.current();
        SpanContext context = span.getSpanContext();
        if (context.isValid()) {
            parameters.getGraphQLContext().put(TRACE_ID, context.getTraceId());
            parameters.getGraphQLContext().put(SPAN, span);
        }
        return SimpleInstrumentationContext.noOp();
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
            InstrumentationState state) {
        OperationDefinition operation = parameters.getExecutionContext().getOperationDefinition();
        String type = operation.getOperation().name().toLowerCase(java.util.Locale.ROOT);
        parameters.getExecutionContext().getGraphQLContext().put(TYPE, type);
        Span span = parameters.getExecutionContext().getGraphQLContext().getOrDefault(SPAN, Span.getInvalid());
        span.setAttribute(OPERATION_TYPE, type);
        if (operation.getName() != null) {
            span.setAttribute(OPERATION_NAME, operation.getName()); // the client's name for it: never its variables
        }
        return SimpleInstrumentationContext.noOp();
    }

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
            InstrumentationExecutionParameters parameters, InstrumentationState state) {
        String type = parameters.getGraphQLContext().getOrDefault(TYPE, "unknown");
        events.graphqlRequest(type, firstCode(result.getErrors()));
        return CompletableFuture.completedFuture(result);
    }

    /** The trace id of the request (for {@code extensions.traceId}), or null when it has none. */
    public static String traceId(GraphQLContext context) {
        return context == null ? null : context.get(TRACE_ID);
    }

    private static String firstCode(List<GraphQLError> errors) {
        if (errors.isEmpty()) {
            return GatewayMetrics.OK;
        }
        Map<String, Object> extensions = errors.get(0).getExtensions();
        Object code = extensions == null ? null : extensions.get("code");
        for (ErrorCode known : ErrorCode.values()) {
            if (known.name().equals(String.valueOf(code))) {
                return known.name(); // tag values from the closed list only
            }
        }
        return ErrorCode.INTERNAL.name();
    }
}
