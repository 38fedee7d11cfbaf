package dev.billinggateway.live;

import java.lang.reflect.Field;

import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.graphql.spi.EventingService;

/**
 * Gives the subscription root the name {@value #ROOT}, so that it does not clash with the domain type
 * {@code Subscription} that the schema contract fixes. SmallRye GraphQL 2.17 hard-codes the root's name
 * ({@code Bootstrap.addSubscriptions} builds an object type "Subscription" and registers the data fetchers at
 * the coordinates {@code Subscription.<field>}) and has no setting for it; graphql-java then refuses two types
 * of one name when the schema is built. SmallRye's hook {@code beforeSchemaBuild} runs after the root was
 * added and before that build, so the root is renamed here and its data fetchers moved to the new coordinates.
 * {@code GraphQLSchema.Builder} has no getters: the two fields are read by reflection (graphql-java 24.3 names
 * them {@code subscriptionType} and {@code codeRegistry}; a test fails at start-up if that changes).
 * Found through {@code META-INF/services/io.smallrye.graphql.spi.EventingService}.
 */
@RegisterForReflection(targets = GraphQLSchema.Builder.class, fields = true, methods = false)
public class SubscriptionRootName implements EventingService {

    public static final String ROOT = "SubscriptionRoot";
    static final String SMALLRYE_ROOT = "Subscription";

    @Override
    public String getConfigKey() {
        return null; // always on
    }

    @Override
    public GraphQLSchema.Builder beforeSchemaBuild(GraphQLSchema.Builder builder) {
        GraphQLObjectType root = (GraphQLObjectType) read(builder, "subscriptionType");
        if (root == null || !SMALLRYE_ROOT.equals(root.getName())) {
            return builder;
        }
        GraphQLCodeRegistry registry = (GraphQLCodeRegistry) read(builder, "codeRegistry");
        GraphQLCodeRegistry moved = registry.transform(b -> {
            for (GraphQLFieldDefinition field : root.getFieldDefinitions()) {
                b.dataFetcher(FieldCoordinates.coordinates(ROOT, field.getName()),
                        registry.getDataFetcher(FieldCoordinates.coordinates(SMALLRYE_ROOT, field.getName()), field));
            }
        });
        return builder.subscription(root.transform(b -> b.name(ROOT).description("Subscription root: live updates over the "
                + "graphql-transport-ws WebSocket at /graphql (the domain type Subscription keeps its name)")))
                .codeRegistry(moved);
    }

    private static Object read(GraphQLSchema.Builder builder, String name) {
        try {
            Field field = GraphQLSchema.Builder.class.getDeclaredField(name);
            field.setAccessible(true);
            return field.get(builder);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("graphql-java's GraphQLSchema.Builder has no field '" + name
                    + "' any more: the subscription root cannot be renamed (see SubscriptionRootName)", e);
        }
    }
}
