package dev.billinggateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import graphql.validation.ValidationError;
import graphql.validation.Validator;

/** The example operations README shows are valid against the exported schema, one per root field. */
class ExampleOperationsTest {

    static final Path OPERATIONS = Path.of("graphql/operations");

    @Test
    void everyExampleOperationIsValid() throws IOException {
        GraphQLSchema schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(
                new SchemaParser().parse(Files.readString(SchemaContractTest.EXPORTED)));
        List<Path> files = operationFiles();
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            Document document = Parser.parse(Files.readString(file));
            List<ValidationError> errors = new Validator().validateDocument(schema, document, Locale.ENGLISH);
            assertThat(errors).as(file.toString()).isEmpty();
        }
    }

    @Test
    void everyQueryMutationAndSubscriptionHasAnExample() throws IOException {
        GraphQLSchema schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(
                new SchemaParser().parse(Files.readString(SchemaContractTest.EXPORTED)));
        Set<String> covered = new HashSet<>();
        for (Path file : operationFiles()) {
            Parser.parse(Files.readString(file)).getDefinitionsOfType(OperationDefinition.class).forEach(op -> op.getSelectionSet()
                    .getSelectionsOfType(Field.class).forEach(f -> covered.add(op.getOperation().name().toLowerCase(Locale.ROOT)
                            + "." + f.getName())));
        }
        Set<String> roots = new HashSet<>();
        schema.getQueryType().getFieldDefinitions().forEach(f -> roots.add("query." + f.getName()));
        schema.getMutationType().getFieldDefinitions().forEach(f -> roots.add("mutation." + f.getName()));
        schema.getSubscriptionType().getFieldDefinitions().forEach(f -> roots.add("subscription." + f.getName()));
        assertThat(covered).containsAll(roots);
    }

    private static List<Path> operationFiles() throws IOException {
        try (Stream<Path> files = Files.list(OPERATIONS)) {
            return files.filter(f -> f.toString().endsWith(".graphql")).sorted().toList();
        }
    }
}
