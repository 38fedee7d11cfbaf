package dev.billinggateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.billinggateway.api.GraphQLRequestGuard;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;

/** The document rules of the guard, without a running gateway. */
class GuardRulesTest {

    @Test
    void findsTheMutationThatWillRun() {
        assertThat(GraphQLRequestGuard.mutates(Parser.parse("{ providers { provider } }"), null)).isFalse();
        assertThat(GraphQLRequestGuard.mutates(Parser.parse("mutation { cancelSubscription(id: \"s\") { id } }"), null)).isTrue();
        Document both = Parser.parse("query A { providers { provider } } mutation B { cancelSubscription(id: \"s\") { id } }");
        assertThat(GraphQLRequestGuard.mutates(both, "A")).isFalse();
        assertThat(GraphQLRequestGuard.mutates(both, "B")).isTrue();
        // ambiguous (SmallRye refuses it): treated as a mutation, so a reader is refused first
        assertThat(GraphQLRequestGuard.mutates(both, null)).isTrue();
        assertThat(GraphQLRequestGuard.mutates(both, "C")).isTrue();
    }

    @Test
    void findsIntrospectionAnywhere() {
        assertThat(Introspection.uses(Parser.parse("{ __schema { types { name } } }"))).isTrue();
        assertThat(Introspection.uses(Parser.parse("{ customers { nodes { __type: id } } }"))).isFalse();
        assertThat(Introspection.uses(Parser.parse("{ ...F } fragment F on Query { __type(name: \"Customer\") { name } }"))).isTrue();
        assertThat(Introspection.uses(Parser.parse("{ ... on Query { __schema { queryType { name } } } }"))).isTrue();
        assertThat(Introspection.uses(Parser.parse("{ providers { __typename provider } }"))).isFalse();
    }

    @Test
    void onlyPureIntrospectionSkipsTheDepthAndComplexityLimits() {
        assertThat(QueryLimits.introspectionOnly(operation("{ __schema { types { name } } __typename }"))).isTrue();
        assertThat(QueryLimits.introspectionOnly(operation("{ __schema { types { name } } providers { provider } }"))).isFalse();
        assertThat(QueryLimits.introspectionOnly(operation("{ a: __typename b: __typename }"))).isFalse();
        assertThat(QueryLimits.introspectionOnly(operation("{ ...F } fragment F on Query { __schema { types { name } } }"))).isFalse();
    }

    @Test
    void limitsAreRememberedOnlyForDocumentsWithoutIncludeOrSkip() {
        assertThat(QueryLimits.WithinLimit.conditional(Parser.parse("query($a: Boolean!) { x @include(if: $a) { y } }"))).isTrue();
        assertThat(QueryLimits.WithinLimit.conditional(Parser.parse("query($a: Boolean!) { ...F } fragment F on Q { x @skip(if: $a) }")))
                .isTrue();
        assertThat(QueryLimits.WithinLimit.conditional(Parser.parse("{ x { y } }"))).isFalse();
        assertThat(QueryLimits.WithinLimit.conditional(Parser.parse("{ x @deprecated { y } }"))).isFalse();
    }

    private static OperationDefinition operation(String query) {
        return Parser.parse(query).getDefinitionsOfType(OperationDefinition.class).get(0);
    }
}
