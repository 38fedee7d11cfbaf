package dev.billinggateway.security;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.introspection.GoodFaithIntrospection;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;

/**
 * Depth and field count of a document as it will execute: fragments expanded, every field counted (aliases and
 * {@code __typename} too), {@code @include}/{@code @skip} counted as included, so the result depends on the text
 * alone and is measured once per text.
 * <p>
 * Hand-written because graphql-java's {@code MaxQueryDepthInstrumentation}/{@code MaxQueryComplexityInstrumentation}
 * measure only after validation, by building the normalized operation, which expands every fragment spread one by
 * one: a 2 KB document whose fragments each spread the previous one twice took seconds of an event loop there.
 * Here each fragment is measured once (memoized) and counts saturate just above the limit, so the work is linear
 * in the size of the document whatever it expands to.
 */
public final class QueryCost {

    /** Depth allowed to an operation that only introspects (GraphiQL's introspection query nests about 13 levels). */
    static final int INTROSPECTION_DEPTH = GoodFaithIntrospection.GOOD_FAITH_MAX_DEPTH_COUNT;

    private QueryCost() {
    }

    /** What a document costs: fields selected (saturated at the cap) and deepest field nesting (a root field is 1). */
    record Cost(long fields, int depth) {
        static final Cost NONE = new Cost(0, 0);
    }

    /** A refused document: {@code rule} is the limit's key below {@code gateway.limits.}. */
    public record Refusal(String rule, String message) {
    }

    /** The first limit an operation of the document breaks, or null when every operation is within the limits. */
    public static Refusal check(Document document, int maxDepth, int maxComplexity) {
        Measure measure = new Measure(document, maxComplexity);
        for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
            Cost cost = measure.of(operation.getSelectionSet());
            if (cost.fields() > maxComplexity) {
                return new Refusal("max-query-complexity", "the query selects more than " + maxComplexity
                        + " fields, fragments expanded (gateway.limits.max-query-complexity)");
            }
            int depthLimit = QueryLimits.introspectionOnly(operation) ? Math.max(maxDepth, INTROSPECTION_DEPTH) : maxDepth;
            if (cost.depth() > depthLimit) {
                return new Refusal("max-query-depth", "the query is " + cost.depth() + " levels deep; at most " + depthLimit
                        + " are allowed (gateway.limits.max-query-depth)");
            }
        }
        return null;
    }

    private static final class Measure {
        private final Map<String, FragmentDefinition> fragments = new HashMap<>();
        private final Map<String, Cost> measured = new HashMap<>();
        private final Set<String> measuring = new HashSet<>();
        private final long cap;

        Measure(Document document, int maxComplexity) {
            for (FragmentDefinition fragment : document.getDefinitionsOfType(FragmentDefinition.class)) {
                fragments.putIfAbsent(fragment.getName(), fragment);
            }
            this.cap = maxComplexity + 1L;
        }

        Cost of(SelectionSet set) {
            if (set == null) {
                return Cost.NONE;
            }
            long fields = 0;
            int depth = 0;
            List<Selection> selections = set.getSelections();
            for (Selection<?> selection : selections) {
                Cost inner;
                if (selection instanceof Field field) {
                    Cost below = of(field.getSelectionSet());
                    inner = new Cost(1 + below.fields(), 1 + below.depth());
                } else if (selection instanceof FragmentSpread spread) {
                    inner = fragment(spread.getName());
                } else if (selection instanceof InlineFragment inline) {
                    inner = of(inline.getSelectionSet());
                } else {
                    inner = Cost.NONE;
                }
                fields = Math.min(cap, fields + inner.fields());
                depth = Math.max(depth, inner.depth());
            }
            return new Cost(fields, depth);
        }

        private Cost fragment(String name) {
            Cost known = measured.get(name);
            if (known != null) {
                return known;
            }
            FragmentDefinition definition = fragments.get(name);
            if (definition == null || !measuring.add(name)) {
                return Cost.NONE; // unknown fragment or a cycle: validation refuses the document
            }
            Cost cost = of(definition.getSelectionSet());
            measuring.remove(name);
            measured.put(name, cost);
            return cost;
        }
    }
}
