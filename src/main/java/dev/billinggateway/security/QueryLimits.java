package dev.billinggateway.security;

import java.util.List;

import graphql.ExecutionResult;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.language.Selection;

/**
 * Query depth and complexity limits (graphql-java instrumentations, checked after validation and before
 * any resolver runs). Complexity is the number of fields a query selects, fragments expanded. A query
 * that only introspects the schema ({@code __schema}, {@code __type}) is left to graphql-java's own
 * "good faith" introspection limits, so that GraphiQL and code generators keep working.
 */
public final class QueryLimits {

    private QueryLimits() {
    }

    public static List<Instrumentation> instrumentations(int maxDepth, int maxComplexity) {
        return List.of(new Depth(maxDepth), new Complexity(maxComplexity));
    }

    /** A refused query: {@code rule} names the limit (the config key below {@code gateway.limits.}). */
    public static final class LimitExceeded extends AbortExecutionException {
        private final String rule;

        public LimitExceeded(String rule, String message) {
            super(message);
            this.rule = rule;
        }

        public String rule() {
            return rule;
        }
    }

    public static boolean introspectionOnly(OperationDefinition operation) {
        if (operation == null || operation.getSelectionSet() == null) {
            return false;
        }
        List<Selection> selections = operation.getSelectionSet().getSelections();
        return selections.stream().allMatch(s -> s instanceof Field f && f.getName().startsWith("__"))
                && selections.stream().anyMatch(s -> s instanceof Field f && (f.getName().equals("__schema") || f.getName().equals("__type")));
    }

    static final class Depth extends MaxQueryDepthInstrumentation {
        Depth(int max) {
            super(max);
        }

        @Override
        public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
                InstrumentationState state) {
            if (introspectionOnly(parameters.getExecutionContext().getOperationDefinition())) {
                return SimpleInstrumentationContext.noOp();
            }
            return super.beginExecuteOperation(parameters, state);
        }

        @Override
        protected AbortExecutionException mkAbortException(int depth, int maxDepth) {
            return new LimitExceeded("max-query-depth", "the query is " + depth + " levels deep; at most " + maxDepth
                    + " are allowed (gateway.limits.max-query-depth)");
        }
    }

    static final class Complexity extends MaxQueryComplexityInstrumentation {
        Complexity(int max) {
            super(max);
        }

        @Override
        public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
                InstrumentationState state) {
            if (introspectionOnly(parameters.getExecutionContext().getOperationDefinition())) {
                return SimpleInstrumentationContext.noOp();
            }
            return super.beginExecuteOperation(parameters, state);
        }

        @Override
        protected AbortExecutionException mkAbortException(int complexity, int maxComplexity) {
            return new LimitExceeded("max-query-complexity", "the query selects " + complexity + " fields; at most " + maxComplexity
                    + " are allowed (gateway.limits.max-query-complexity)");
        }
    }
}
