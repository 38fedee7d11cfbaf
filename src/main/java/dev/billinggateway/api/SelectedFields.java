package dev.billinggateway.api;

import java.util.HashSet;
import java.util.Set;

import graphql.execution.CoercedVariables;
import graphql.normalized.ExecutableNormalizedField;
import graphql.normalized.ExecutableNormalizedOperation;
import graphql.normalized.ExecutableNormalizedOperationFactory;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.FieldCoordinates;

/** What the running operation selects under a field, for resolvers that can skip work the query does not need. */
final class SelectedFields {

    private SelectedFields() {
    }

    /**
     * The names of the fields selected under {@code type.field} wherever the operation asks for it (fragments,
     * aliases and {@code @include}/{@code @skip} resolved), or null when there is no operation to look at. Every
     * place counts, not only the environment's own: a batched resolver serves keys from every place the field
     * occurs, and SmallRye hands it the environment of the first key only. graphql-java's normalized operation
     * does the resolving; it is what {@code DataFetchingEnvironment.getSelectionSet()} is built on.
     */
    static Set<String> under(DataFetchingEnvironment env, String type, String field) {
        if (env == null || env.getOperationDefinition() == null) {
            return null;
        }
        ExecutableNormalizedOperation operation = ExecutableNormalizedOperationFactory.createExecutableNormalizedOperation(
                env.getGraphQLSchema(), env.getOperationDefinition(), env.getFragmentsByName(), CoercedVariables.of(env.getVariables()));
        Set<String> names = new HashSet<>();
        for (ExecutableNormalizedField occurrence : operation.getCoordinatesToNormalizedFields()
                .get(FieldCoordinates.coordinates(type, field))) {
            occurrence.getChildren().forEach(child -> names.add(child.getName()));
        }
        return names;
    }
}
