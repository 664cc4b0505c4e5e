package io.wharf.api.defaults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes JSON trees the way upstream's Go structs see them: a missing field and a JSON
 * null are both Go's zero value, and for plain (non-pointer) strings and numbers the zero value
 * ("" or 0) also counts as unset. Values of the wrong JSON type are left alone, for validation to
 * report, so nothing here throws on malformed input.
 */
final class Tree {
    private Tree() {
    }

    static boolean isUnset(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode();
    }

    /** The object at {@code field}, or null when it is unset or not an object. */
    static ObjectNode object(JsonNode parent, String field) {
        return parent != null && parent.get(field) instanceof ObjectNode o ? o : null;
    }

    /**
     * The object at {@code field}, created when unset: the defaults of a Go struct that is
     * embedded by value apply even when the JSON omits it. Null when the field holds a non-object.
     */
    static ObjectNode ensureObject(ObjectNode parent, String field) {
        if (parent == null) {
            return null;
        }
        JsonNode n = parent.get(field);
        if (n instanceof ObjectNode o) {
            return o;
        }
        if (!isUnset(n)) {
            return null;
        }
        ObjectNode created = parent.objectNode();
        parent.set(field, created);
        return created;
    }

    /** The object elements of the array at {@code field} (none when unset or not an array). */
    static List<ObjectNode> objects(JsonNode parent, String field) {
        List<ObjectNode> out = new ArrayList<>();
        if (parent != null && parent.get(field) instanceof ArrayNode array) {
            for (JsonNode element : array) {
                if (element instanceof ObjectNode o) {
                    out.add(o);
                }
            }
        }
        return out;
    }

    /** Text at {@code field}; "" when unset (Go's zero string), null when it is not a string. */
    static String text(JsonNode parent, String field) {
        JsonNode n = parent == null ? null : parent.get(field);
        if (isUnset(n)) {
            return "";
        }
        return n.isTextual() ? n.textValue() : null;
    }

    /** Sets a plain Go string field when it is unset or "". */
    static void defaultText(ObjectNode o, String field, String value) {
        if ("".equals(text(o, field))) {
            o.put(field, value);
        }
    }

    /** Sets a Go pointer field (any type) when it is missing or null. */
    static void defaultValue(ObjectNode o, String field, JsonNode value) {
        if (isUnset(o.get(field))) {
            o.set(field, value);
        }
    }

    static void defaultPointerText(ObjectNode o, String field, String value) {
        if (isUnset(o.get(field))) {
            o.put(field, value);
        }
    }

    static void defaultPointerInt(ObjectNode o, String field, int value) {
        if (isUnset(o.get(field))) {
            o.put(field, value);
        }
    }

    static void defaultPointerBoolean(ObjectNode o, String field, boolean value) {
        if (isUnset(o.get(field))) {
            o.put(field, value);
        }
    }

    /** Sets a plain Go integer field when it is unset or 0. */
    static void defaultInt(ObjectNode o, String field, int value) {
        JsonNode n = o.get(field);
        if (isUnset(n) || (n.isNumber() && n.decimalValue().signum() == 0)) {
            o.put(field, value);
        }
    }

    /** True when a Go map or slice field would have length 0 (unset, or an empty object/array). */
    static boolean isEmpty(JsonNode n) {
        return isUnset(n) || (n.isContainerNode() && n.size() == 0);
    }

    /** True when a plain Go bool field is true. */
    static boolean isTrue(JsonNode parent, String field) {
        JsonNode n = parent == null ? null : parent.get(field);
        return n != null && n.isBoolean() && n.booleanValue();
    }
}
