package dev.billinggateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.billinggateway.security.SecurityConfig;
import graphql.GraphQL;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.schema.idl.UnExecutableSchemaGenerator;

/**
 * The gateway's instrumentation is added to what SmallRye installed, never instead of it: SmallRye's chain
 * holds the instrumentation that fills its parsed-document cache (once replaced, every request was parsed and
 * validated again, about a fifth of the CPU of a snapshot read).
 */
class GraphQLSetupTest {

    @Test
    void keepsTheInstrumentationAlreadyInstalled() {
        Instrumentation smallRyes = new SimplePerformantInstrumentation();
        GraphQL.Builder builder = GraphQL.newGraphQL(UnExecutableSchemaGenerator.makeUnExecutableSchema(
                new graphql.schema.idl.SchemaParser().parse("type Query { a: Int }"))).instrumentation(smallRyes);

        GraphQLSetup setup = new GraphQLSetup();
        setup.limits = new SecurityConfig.Limits() {
            public int maxQueryDepth() {
                return 10;
            }

            public int maxQueryComplexity() {
                return 500;
            }

            public int maxQueryTokens() {
                return 2000;
            }
        };
        Instrumentation installed = setup.configure(builder).build().getInstrumentation();

        assertThat(installed).isInstanceOf(ChainedInstrumentation.class);
        assertThat(((ChainedInstrumentation) installed).getInstrumentations())
                .contains(smallRyes)
                .anyMatch(UnifiedErrors.class::isInstance)
                .anyMatch(dev.billinggateway.observability.GraphQLObservation.class::isInstance)
                .hasSize(5); // depth, complexity, error codes, observation, SmallRye's
    }
}
