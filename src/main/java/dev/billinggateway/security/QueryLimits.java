package dev.billinggateway.security;

import java.util.List;

import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.validation.ValidationError;

/**
 * Query depth and complexity limits ({@link QueryCost}), applied as a graphql-java instrumentation when validation
 * begins: after the document parsed (within {@code gateway.limits.max-query-tokens}), before graphql-java validates
 * it or builds its normalized operation, for every transport. SmallRye caches parsed and validated documents by
 * text, so a document is measured once. A refusal aborts the request: the response holds no {@code data}.
 */
public final class QueryLimits extends SimplePerformantInstrumentation {

    private final int maxDepth;
    private final int maxComplexity;

    public QueryLimits(int maxDepth, int maxComplexity) {
        this.maxDepth = maxDepth;
        this.maxComplexity = maxComplexity;
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

    @Override
    public InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters parameters,
            InstrumentationState state) {
        QueryCost.Refusal refusal = QueryCost.check(parameters.getDocument(), maxDepth, maxComplexity);
        if (refusal != null) {
            throw new LimitExceeded(refusal.rule(), refusal.message());
        }
        return super.beginValidation(parameters, state);
    }

    /** Whether the operation only introspects the schema ({@code __schema}, {@code __type}, {@code __typename}). */
    public static boolean introspectionOnly(OperationDefinition operation) {
        if (operation == null || operation.getSelectionSet() == null) {
            return false;
        }
        List<Selection> selections = operation.getSelectionSet().getSelections();
        return selections.stream().allMatch(s -> s instanceof Field f && f.getName().startsWith("__"))
                && selections.stream().anyMatch(s -> s instanceof Field f && (f.getName().equals("__schema") || f.getName().equals("__type")));
    }
}
