package dev.billinggateway.security;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import graphql.ExecutionResult;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.Node;
import graphql.language.NodeTraverser;
import graphql.language.NodeVisitorStub;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;

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

    /**
     * Operations already found within a limit. SmallRye hands out the same parsed {@link Document} for the same
     * query text, and without {@code @skip}/{@code @include} an operation's depth and complexity depend on the
     * document alone, so each is measured once rather than on every request.
     */
    static final class WithinLimit {
        private final Cache<Document, Set<String>> operations = Caffeine.newBuilder().weakKeys().maximumSize(10_000).build();

        /** Measures the operation unless it is pure introspection or was found within the limit before. */
        InstrumentationContext<ExecutionResult> check(InstrumentationExecuteOperationParameters parameters,
                Supplier<InstrumentationContext<ExecutionResult>> measure) {
            ExecutionContext context = parameters.getExecutionContext();
            if (introspectionOnly(context.getOperationDefinition()) || known(context)) {
                return SimpleInstrumentationContext.noOp();
            }
            InstrumentationContext<ExecutionResult> measured = measure.get();
            remember(context);
            return measured;
        }

        private boolean known(ExecutionContext context) {
            Set<String> ok = operations.getIfPresent(context.getDocument());
            return ok != null && ok.contains(key(context));
        }

        private void remember(ExecutionContext context) {
            if (!conditional(context.getDocument())) {
                operations.get(context.getDocument(), d -> ConcurrentHashMap.newKeySet()).add(key(context));
            }
        }

        private static String key(ExecutionContext context) {
            String name = context.getOperationDefinition().getName();
            return name == null ? "" : name;
        }

        static boolean conditional(Document document) {
            boolean[] found = {false};
            new NodeTraverser().preOrder(new NodeVisitorStub() {
                @Override
                public TraversalControl visitDirective(Directive node, TraverserContext<Node> context) {
                    if (node.getName().equals("skip") || node.getName().equals("include")) {
                        found[0] = true;
                        return TraversalControl.QUIT;
                    }
                    return TraversalControl.CONTINUE;
                }
            }, document);
            return found[0];
        }
    }

    static final class Depth extends MaxQueryDepthInstrumentation {
        private final WithinLimit within = new WithinLimit();

        Depth(int max) {
            super(max);
        }

        @Override
        public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
                InstrumentationState state) {
            return within.check(parameters, () -> super.beginExecuteOperation(parameters, state)); // super throws when too deep
        }

        @Override
        protected AbortExecutionException mkAbortException(int depth, int maxDepth) {
            return new LimitExceeded("max-query-depth", "the query is " + depth + " levels deep; at most " + maxDepth
                    + " are allowed (gateway.limits.max-query-depth)");
        }
    }

    static final class Complexity extends MaxQueryComplexityInstrumentation {
        private final WithinLimit within = new WithinLimit();

        Complexity(int max) {
            super(max);
        }

        @Override
        public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
                InstrumentationState state) {
            return within.check(parameters, () -> super.beginExecuteOperation(parameters, state)); // super throws when too complex
        }

        @Override
        protected AbortExecutionException mkAbortException(int complexity, int maxComplexity) {
            return new LimitExceeded("max-query-complexity", "the query selects " + complexity + " fields; at most " + maxComplexity
                    + " are allowed (gateway.limits.max-query-complexity)");
        }
    }
}
