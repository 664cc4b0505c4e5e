package io.wharf.api.apply;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks that an object can be handled as its shape says before any merge: associative list
 * elements must be nameable and (unless allowed) unique, containers must be containers, and, for
 * types whose fields are known exhaustively, no undeclared field may appear. Messages follow
 * upstream's {@code typed} package, e.g. {@code .spec.containers: element 0: associative list with
 * keys has an element that omits key field "name" (and doesn't have default value)}. Scalar types
 * are left to the object's own validation.
 */
final class TypedValidator {
    private final boolean allowDuplicates;
    private final boolean strictFields;
    private final List<String> errors = new ArrayList<>();

    private TypedValidator(boolean allowDuplicates, boolean strictFields) {
        this.allowDuplicates = allowDuplicates;
        this.strictFields = strictFields;
    }

    /** The problems found, each as {@code path: message} (just the message at the root). */
    static List<String> validate(Shape shape, JsonNode value, boolean allowDuplicates, boolean strictFields) {
        TypedValidator v = new TypedValidator(allowDuplicates, strictFields);
        v.walk(shape, value, "");
        return v.errors;
    }

    /** Several problems as upstream's {@code ValidationErrors.Error()} prints them. */
    static String describe(List<String> errors) {
        if (errors.size() == 1) {
            return errors.get(0);
        }
        StringBuilder out = new StringBuilder("errors:");
        for (String e : errors) {
            out.append("\n  ").append(e);
        }
        return out.toString();
    }

    private void error(String path, String message) {
        errors.add(path.isEmpty() ? message : path + ": " + message);
    }

    private void walk(Shape shape, JsonNode value, String path) {
        if (value == null || value.isNull()) {
            return;
        }
        if (shape instanceof Shape.MapShape && !value.isObject()) {
            error(path, "expected map, got " + kind(value));
        } else if (shape instanceof Shape.ListShape && !value.isArray()) {
            error(path, "expected list, got " + kind(value));
        } else if (Shape.formOf(shape, value) == Shape.Form.MAP) {
            walkMap(Shape.asMap(shape), value, path);
        } else if (shape instanceof Shape.ListShape list) {
            walkList(list, value, path);
        }
    }

    private void walkMap(Shape.MapShape map, JsonNode value, String path) {
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String child = path + "." + e.getKey();
            if (strictFields && !map.accepts(e.getKey())) {
                error(child, "field not declared in schema");
                // upstream stops looking at this map after the first undeclared field
                return;
            }
            walk(map.field(e.getKey()), e.getValue(), child);
        }
    }

    private void walkList(Shape.ListShape list, JsonNode value, String path) {
        Set<PathElement> seen = new HashSet<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            String child;
            if (list.atomic()) {
                child = path + "[" + i + "]";
            } else {
                PathElement pe;
                try {
                    pe = ListItems.pathElement(list, item);
                } catch (ListItems.UnnamedElementException ex) {
                    error(path, "element " + i + ": " + ex.getMessage());
                    // without a name nothing deeper can be reported for this list
                    return;
                }
                if (!seen.add(pe) && !allowDuplicates) {
                    error(path, "duplicate entries for key " + pe);
                }
                child = path + pe;
            }
            walk(list.element(), item, child);
        }
    }

    private static String kind(JsonNode v) {
        if (v.isObject()) {
            return "map";
        }
        if (v.isArray()) {
            return "list";
        }
        return v.isTextual() ? "string" : v.getNodeType().name().toLowerCase();
    }
}
