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
    void costCountsTheExpandedDocumentAndStopsAtTheLimit() {
        assertThat(QueryCost.check(Parser.parse("{ a { b c } d: a { b } }"), 10, 5)).isNull();
        assertThat(QueryCost.check(Parser.parse("{ a { b c } d: a { b } e: __typename }"), 10, 5).rule())
                .isEqualTo("max-query-complexity");
        // fragments count where they are spread, as often as they are spread; @include counts as included
        assertThat(QueryCost.check(Parser.parse("{ a { ...F ...F } } fragment F on A { b c }"), 10, 5)).isNull(); // 1 + 2 * 2
        assertThat(QueryCost.check(Parser.parse("query($x: Boolean!) { a { ...F ...F } b @include(if: $x) } fragment F on A { b c }"), 10, 5)
                .rule()).isEqualTo("max-query-complexity");
        assertThat(QueryCost.check(Parser.parse("{ a { b { c { d } } } }"), 3, 100).rule()).isEqualTo("max-query-depth");
        assertThat(QueryCost.check(Parser.parse("{ a { ...F } } fragment F on A { b { c { d } } }"), 3, 100).rule()).isEqualTo("max-query-depth");
        // a fragment cycle is left to validation, without looping here
        assertThat(QueryCost.check(Parser.parse("{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }"), 3, 100)).isNull();
        // 2^200 fields: measured in linear time, since each fragment is measured once
        StringBuilder bomb = new StringBuilder("{ a { ...F200 } } fragment F0 on A { b }");
        for (int i = 1; i <= 200; i++) {
            bomb.append(" fragment F").append(i).append(" on A { ...F").append(i - 1).append(" ...F").append(i - 1).append(" }");
        }
        assertThat(QueryCost.check(Parser.parse(bomb.toString()), 10, 500).rule()).isEqualTo("max-query-complexity");
    }

    @Test
    void graphiqlsIntrospectionQueryIsWithinTheLimits() {
        assertThat(QueryCost.check(Parser.parse(graphql.introspection.IntrospectionQuery.INTROSPECTION_QUERY), 10, 500)).isNull();
    }

    @Test
    void controlCharactersAreFoundInLiteralsAndVariables() throws Exception {
        var scan = ControlCharacters.scan(Parser.parse("query($k: String, $in: Input) { a(id: \"ok\", key: $k, input: $in) { b(x: {y: [\"z\"]}) } }"));
        assertThat(scan.badLiteral()).isNull();
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        assertThat(scan.badVariable(json.readTree("{\"k\": \"line\\nbreak\\ttab\"}"))).isNull();
        assertThat(scan.badVariable(json.readTree("{\"k\": \"a\\u0000\"}"))).isEqualTo("key");
        assertThat(scan.badVariable(json.readTree("{\"in\": {\"list\": [\"ok\", \"\\u001b[31m\"]}}"))).isEqualTo("input.list");
        assertThat(ControlCharacters.scan(Parser.parse("{ a(x: {y: [\"\\u0085\"]}) }")).badLiteral()).isEqualTo("x.y");
    }

    private static OperationDefinition operation(String query) {
        return Parser.parse(query).getDefinitionsOfType(OperationDefinition.class).get(0);
    }
}
