package dev.billinggateway.security;

import java.util.List;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;

/** Finds schema introspection ({@code __schema}, {@code __type}) anywhere in a document; {@code __typename} is not introspection. */
public final class Introspection {

    private Introspection() {
    }

    public static boolean uses(Document document) {
        for (var definition : document.getDefinitions()) {
            SelectionSet set = definition instanceof OperationDefinition op ? op.getSelectionSet()
                    : definition instanceof FragmentDefinition fragment ? fragment.getSelectionSet() : null;
            if (uses(set, 0)) {
                return true;
            }
        }
        return false;
    }

    private static boolean uses(SelectionSet set, int depth) {
        if (set == null || depth > 200) {
            return false;
        }
        List<Selection> selections = set.getSelections();
        for (Selection<?> selection : selections) {
            if (selection instanceof Field field) {
                if (field.getName().equals("__schema") || field.getName().equals("__type")) {
                    return true;
                }
                if (uses(field.getSelectionSet(), depth + 1)) {
                    return true;
                }
            } else if (selection instanceof InlineFragment inline && uses(inline.getSelectionSet(), depth + 1)) {
                return true;
            }
        }
        return false;
    }
}
