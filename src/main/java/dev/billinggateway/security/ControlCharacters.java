package dev.billinggateway.security;

import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.Document;
import graphql.language.Node;
import graphql.language.NodeTraverser;
import graphql.language.NodeVisitorStub;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;

/**
 * Control characters (NUL and the other C0/C1 controls except tab, line feed and carriage return) in any string a
 * client sends: argument literals and variables, at any depth. No id, key, e-mail or text of this API may hold
 * one, PostgreSQL refuses NUL outright, and providers would get them in URLs and bodies. Fields are named by
 * their GraphQL input path ({@code input.productName}); a variable is named by the argument it is passed to.
 */
public final class ControlCharacters {

    private ControlCharacters() {
    }

    /** Where a document's arguments hold a bad literal, and which argument path each variable feeds. */
    public record Scan(String badLiteral, Map<String, String> variablePaths) {

        /** The input path of the first string in the variables holding a control character, or null. */
        public String badVariable(JsonNode variables) {
            if (variables == null || !variables.isObject()) {
                return null;
            }
            Iterator<Map.Entry<String, JsonNode>> fields = variables.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> entry = fields.next();
                String found = find(entry.getValue(), variablePaths.getOrDefault(entry.getKey(), entry.getKey()));
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
    }

    public static Scan scan(Document document) {
        String[] bad = {null};
        Map<String, String> variables = new HashMap<>();
        new NodeTraverser().preOrder(new NodeVisitorStub() {
            @Override
            public TraversalControl visitArgument(Argument node, TraverserContext<Node> context) {
                String found = walk(node.getValue(), node.getName(), variables);
                if (found != null && bad[0] == null) {
                    bad[0] = found;
                }
                return TraversalControl.ABORT; // the value was walked above
            }
        }, document);
        return new Scan(bad[0], Map.copyOf(variables));
    }

    private static String walk(Value<?> value, String path, Map<String, String> variables) {
        if (value instanceof StringValue string) {
            return holdsControl(string.getValue()) ? path : null;
        }
        if (value instanceof VariableReference reference) {
            variables.putIfAbsent(reference.getName(), path);
            return null;
        }
        String found = null;
        if (value instanceof ObjectValue object) {
            for (ObjectField field : object.getObjectFields()) {
                String inner = walk(field.getValue(), path + "." + field.getName(), variables);
                found = found == null ? inner : found;
            }
        } else if (value instanceof ArrayValue array) {
            List<Value> values = array.getValues();
            for (Value<?> element : values) {
                String inner = walk(element, path, variables);
                found = found == null ? inner : found;
            }
        }
        return found;
    }

    private static String find(JsonNode node, String path) {
        if (node.isTextual()) {
            return holdsControl(node.textValue()) ? path : null;
        }
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> entry = fields.next();
                String found = find(entry.getValue(), path + "." + entry.getKey());
                if (found != null) {
                    return found;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                String found = find(element, path);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    public static boolean holdsControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f)) {
                return true;
            }
        }
        return false;
    }
}
