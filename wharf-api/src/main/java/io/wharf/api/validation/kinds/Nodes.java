package io.wharf.api.validation.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the generic object trees the validators work on with Go's zero values in mind: an absent
 * or null string is "", an absent number 0, an absent list or map empty, and "unset" (a nil
 * pointer upstream) is told apart from a zero value. Every reader takes a path of field names and
 * tolerates a null or missing start.
 */
final class Nodes {
    private Nodes() {
    }

    /** The node at the path of field names, or a missing node. */
    static JsonNode at(JsonNode node, String... path) {
        JsonNode n = node == null ? MissingNode.getInstance() : node;
        for (String p : path) {
            n = n.isObject() ? n.path(p) : MissingNode.getInstance();
        }
        return n;
    }

    /** A pointer field that was given (not absent, not null). */
    static boolean isSet(JsonNode node) {
        return node != null && !node.isMissingNode() && !node.isNull();
    }

    /** Whether the field is present and not null (a Go pointer that is set). */
    static boolean has(JsonNode parent, String field) {
        return isSet(at(parent, field));
    }

    /** The field's node, or null when it is absent or null. */
    static JsonNode get(JsonNode parent, String field) {
        JsonNode n = at(parent, field);
        return isSet(n) ? n : null;
    }

    static String text(JsonNode node, String... path) {
        JsonNode n = at(node, path);
        return isSet(n) ? n.asText() : "";
    }

    /** A string pointer: null when unset. */
    static String optionalText(JsonNode node, String... path) {
        JsonNode n = at(node, path);
        return isSet(n) ? n.asText() : null;
    }

    /** An integer pointer: null when unset. */
    static Long optionalLong(JsonNode node, String... path) {
        JsonNode n = at(node, path);
        return isSet(n) && (n.isNumber() || n.isTextual()) ? n.asLong() : null;
    }

    /** An integer value field: 0 when unset. */
    static long longValue(JsonNode node, String... path) {
        Long v = optionalLong(node, path);
        return v == null ? 0 : v;
    }

    static boolean bool(JsonNode node, String... path) {
        return at(node, path).asBoolean(false);
    }

    /** A boolean pointer: null when unset. */
    static Boolean optionalBool(JsonNode node, String... path) {
        JsonNode n = at(node, path);
        return isSet(n) ? n.asBoolean(false) : null;
    }

    /** The elements of a list field; empty when absent. */
    static List<JsonNode> items(JsonNode node, String... path) {
        JsonNode n = at(node, path);
        List<JsonNode> out = new ArrayList<>();
        if (n.isArray()) {
            n.forEach(out::add);
        }
        return out;
    }

    static List<String> strings(JsonNode node, String... path) {
        List<String> out = new ArrayList<>();
        for (JsonNode item : items(node, path)) {
            out.add(item.isNull() ? "" : item.asText());
        }
        return out;
    }

    /** A map[string]string field: null when absent (a nil map), in the given key order. */
    static Map<String, String> stringMap(JsonNode node, String... path) {
        JsonNode n = at(node, path);
        if (!n.isObject()) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        n.properties().forEach(e -> out.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText()));
        return out;
    }

    /**
     * A map of strings (labels, selectors, data) sorted by key, empty when absent, so that problems
     * found while walking it come in a stable order (upstream walks Go maps in random order).
     */
    static Map<String, String> sortedMap(JsonNode node, String... path) {
        Map<String, String> map = stringMap(node, path);
        return map == null ? new TreeMap<>() : new TreeMap<>(map);
    }

    /** The entries of an object field, sorted by key; empty when absent. */
    static Map<String, JsonNode> entries(JsonNode node, String... path) {
        JsonNode object = at(node, path);
        Map<String, JsonNode> out = new TreeMap<>();
        if (object.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = object.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    /** A list or map with at least one element, upstream's {@code len(x) > 0}. */
    static boolean nonEmpty(JsonNode node) {
        return isSet(node) && (!node.isContainerNode() || !node.isEmpty());
    }

    /** Whether a field is set to something other than its Go zero value ("", 0, false, empty). */
    static boolean nonZero(JsonNode parent, String field) {
        JsonNode n = get(parent, field);
        if (n == null) {
            return false;
        }
        if (n.isContainerNode()) {
            return !n.isEmpty();
        }
        if (n.isTextual()) {
            return !n.textValue().isEmpty();
        }
        if (n.isNumber()) {
            return n.asDouble() != 0;
        }
        return !n.isBoolean() || n.booleanValue();
    }
}
