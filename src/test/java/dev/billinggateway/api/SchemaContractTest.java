package dev.billinggateway.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.billinggateway.testsupport.PostgresTestResource;
import graphql.language.AstPrinter;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.OperationTypeDefinition;
import graphql.language.ScalarTypeDefinition;
import graphql.language.TypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * graphql/schema.graphql is the running schema, and the running schema keeps every name of the
 * contract that clients rely on (../shared/schema-contract.graphql, copied to src/test/resources).
 * Regenerate the file with {@code ./mvnw test -Dtest=SchemaContractTest -Dschema.update=true}.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class SchemaContractTest {

    static final Path EXPORTED = Path.of("graphql/schema.graphql");

    @Test
    void exportedSchemaIsTheRunningSchema() throws Exception {
        String running = given().get("/graphql/schema.graphql").then().statusCode(200).extract().asString();
        if (Boolean.getBoolean("schema.update")) {
            Files.writeString(EXPORTED, running);
        }
        assertThat(Files.readString(EXPORTED).strip())
                .as("graphql/schema.graphql differs from the running schema; regenerate it with -Dschema.update=true")
                .isEqualTo(running.strip());
    }

    @Test
    void runningSchemaContainsTheContract() throws Exception {
        String running = given().get("/graphql/schema.graphql").then().statusCode(200).extract().asString();
        String contract = new String(getClass().getResourceAsStream("/schema-contract.graphql").readAllBytes());
        assertThat(missing(new SchemaParser().parse(contract), new SchemaParser().parse(running))).isEmpty();
    }

    @Test
    void theSubscriptionRootIsNamedSoThatTheDomainTypeSubscriptionKeepsItsName() throws Exception {
        TypeDefinitionRegistry schema = new SchemaParser().parse(Files.readString(EXPORTED));
        Map<String, String> roots = schema.schemaDefinition().orElseThrow().getOperationTypeDefinitions().stream()
                .collect(Collectors.toMap(OperationTypeDefinition::getName, o -> o.getTypeName().getName()));
        assertThat(roots).containsExactlyInAnyOrderEntriesOf(Map.of("query", "Query", "mutation", "Mutation",
                "subscription", "SubscriptionRoot"));
        assertThat(schema.getType("Subscription")).isPresent(); // the domain type, not a root
        assertThat(schema.getType("SubscriptionRoot")).isPresent();
    }

    @Test
    void theCheckNoticesAMissingField() {
        TypeDefinitionRegistry contract = new SchemaParser().parse("type Customer { id: ID! email: String }");
        TypeDefinitionRegistry running = new SchemaParser().parse("type Customer { id: ID! }");
        assertThat(missing(contract, running)).containsExactly("Customer.email: String");
    }

    /** Everything the contract names that the running schema lacks or types differently. */
    static List<String> missing(TypeDefinitionRegistry contract, TypeDefinitionRegistry running) {
        List<String> missing = new ArrayList<>();
        for (TypeDefinition<?> type : contract.types().values()) {
            TypeDefinition<?> actual = running.getType(type.getName()).orElse(null);
            if (actual == null || actual.getClass() != type.getClass()) {
                missing.add(type.getName());
                continue;
            }
            if (type instanceof ObjectTypeDefinition object) {
                Map<String, FieldDefinition> fields = ((ObjectTypeDefinition) actual).getFieldDefinitions().stream()
                        .collect(Collectors.toMap(FieldDefinition::getName, f -> f));
                for (FieldDefinition f : object.getFieldDefinitions()) {
                    FieldDefinition a = fields.get(f.getName());
                    if (a == null || !AstPrinter.printAst(a.getType()).equals(AstPrinter.printAst(f.getType()))) {
                        missing.add(type.getName() + "." + f.getName() + ": " + AstPrinter.printAst(f.getType()));
                        continue;
                    }
                    missing.addAll(missingArguments(type.getName() + "." + f.getName(), f.getInputValueDefinitions(),
                            a.getInputValueDefinitions()));
                }
            } else if (type instanceof InputObjectTypeDefinition input) {
                missing.addAll(missingArguments(type.getName(), input.getInputValueDefinitions(),
                        ((InputObjectTypeDefinition) actual).getInputValueDefinitions()));
            } else if (type instanceof EnumTypeDefinition en) {
                List<String> values = ((EnumTypeDefinition) actual).getEnumValueDefinitions().stream()
                        .map(EnumValueDefinition::getName).toList();
                en.getEnumValueDefinitions().stream().map(EnumValueDefinition::getName).filter(v -> !values.contains(v))
                        .forEach(v -> missing.add(type.getName() + "." + v));
            }
        }
        for (ScalarTypeDefinition scalar : contract.scalars().values()) {
            if (!running.scalars().containsKey(scalar.getName())) {
                missing.add("scalar " + scalar.getName());
            }
        }
        return missing;
    }

    private static List<String> missingArguments(String owner, List<InputValueDefinition> wanted, List<InputValueDefinition> actual) {
        Map<String, InputValueDefinition> byName = actual.stream().collect(Collectors.toMap(InputValueDefinition::getName, a -> a));
        List<String> missing = new ArrayList<>();
        for (InputValueDefinition w : wanted) {
            InputValueDefinition a = byName.get(w.getName());
            if (a == null || !AstPrinter.printAst(a.getType()).equals(AstPrinter.printAst(w.getType()))) {
                missing.add(owner + "(" + w.getName() + ": " + AstPrinter.printAst(w.getType()) + ")");
            }
        }
        return missing;
    }
}
