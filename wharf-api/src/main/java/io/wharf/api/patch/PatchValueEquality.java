package io.wharf.api.patch;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Equality for the "test" operation: objects and arrays structurally, scalars by type and value.
 * Upstream compares the raw JSON text of scalars (so there 1 and 1.0 differ); the shared Jackson
 * trees have already normalised number text, so numbers are compared by numeric value instead.
 */
final class PatchValueEquality {
    private PatchValueEquality() {
    }

    static boolean equal(JsonNode a, JsonNode b) {
        boolean aNull = a == null || a.isNull();
        boolean bNull = b == null || b.isNull();
        if (aNull || bNull) {
            return aNull && bNull;
        }
        if (a.isObject()) {
            return b.isObject() && objectsEqual(a, b);
        }
        if (a.isArray()) {
            return b.isArray() && arraysEqual(a, b);
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.isTextual() && b.isTextual()) {
            return a.textValue().equals(b.textValue());
        }
        if (a.isBoolean() && b.isBoolean()) {
            return a.booleanValue() == b.booleanValue();
        }
        return false;
    }

    private static boolean objectsEqual(JsonNode a, JsonNode b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (Map.Entry<String, JsonNode> field : a.properties()) {
            JsonNode other = b.get(field.getKey());
            if (other == null || !equal(field.getValue(), other)) {
                return false;
            }
        }
        return true;
    }

    private static boolean arraysEqual(JsonNode a, JsonNode b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!equal(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }
}
