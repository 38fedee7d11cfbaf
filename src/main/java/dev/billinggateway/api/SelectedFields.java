package dev.billinggateway.api;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import graphql.execution.CoercedVariables;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.Node;
import graphql.language.NodeTraverser;
import graphql.language.NodeVisitorStub;
import graphql.normalized.ExecutableNormalizedField;
import graphql.normalized.ExecutableNormalizedOperation;
import graphql.normalized.ExecutableNormalizedOperationFactory;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;

/** What the running operation selects under a field, for resolvers that can skip work the query does not need. */
final class SelectedFields {

    /**
     * Per parsed document (SmallRye hands out the same one for the same query text): whether {@code @skip} or
     * {@code @include} make its selections depend on variables, and else the selections already worked out.
     */
    private record Known(boolean conditional, Map<String, Set<String>> selections) {
    }

    private static final Cache<Document, Known> KNOWN = Caffeine.newBuilder().weakKeys().maximumSize(10_000).build();

    private SelectedFields() {
    }

    /**
     * The names of the fields selected under {@code type.field} wherever the operation asks for it (fragments,
     * aliases and {@code @include}/{@code @skip} resolved), or null when there is no operation to look at. Every
     * place counts, not only the environment's own: a batched resolver serves keys from every place the field
     * occurs, and SmallRye hands it the environment of the first key only. graphql-java's normalized operation
     * does the resolving (it is what {@code DataFetchingEnvironment.getSelectionSet()} is built on); without
     * {@code @skip}/{@code @include} the answer depends on the document alone and is worked out once.
     */
    static Set<String> under(DataFetchingEnvironment env, String type, String field) {
        if (env == null || env.getOperationDefinition() == null) {
            return null;
        }
        Document document = env.getDocument();
        if (document == null) {
            return normalized(env, type, field);
        }
        Known known = KNOWN.get(document, d -> new Known(conditional(d), new ConcurrentHashMap<>()));
        if (known.conditional()) {
            return normalized(env, type, field);
        }
        String name = env.getOperationDefinition().getName();
        return known.selections().computeIfAbsent((name == null ? "" : name) + " " + type + "." + field,
                k -> Set.copyOf(normalized(env, type, field)));
    }

    private static Set<String> normalized(DataFetchingEnvironment env, String type, String field) {
        ExecutableNormalizedOperation operation = ExecutableNormalizedOperationFactory.createExecutableNormalizedOperation(
                env.getGraphQLSchema(), env.getOperationDefinition(), env.getFragmentsByName(), CoercedVariables.of(env.getVariables()));
        Set<String> names = new HashSet<>();
        for (ExecutableNormalizedField occurrence : operation.getCoordinatesToNormalizedFields()
                .get(FieldCoordinates.coordinates(type, field))) {
            occurrence.getChildren().forEach(child -> names.add(child.getName()));
        }
        return names;
    }

    private static boolean conditional(Document document) {
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
