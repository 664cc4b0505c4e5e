package io.wharf.api.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Value helpers for strategic merge patch: JSON kinds, Go-like equality, cleaning and rendering. */
final class SmpValues {

    /** The JSON kind of a value; upstream compares Go types, which these mirror. */
    enum Kind {
        OBJECT, ARRAY, STRING, NUMBER, BOOLEAN, NULL
    }

    private SmpValues() {
    }

    static Kind kind(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return Kind.NULL;
        }
        if (v.isObject()) {
            return Kind.OBJECT;
        }
        if (v.isArray()) {
            return Kind.ARRAY;
        }
        if (v.isNumber()) {
            return Kind.NUMBER;
        }
        if (v.isBoolean()) {
            return Kind.BOOLEAN;
        }
        return Kind.STRING;
    }

    /**
     * Go's {@code ==} on decoded JSON values, which merge keys and set elements are compared with;
     * a missing value equals null. Numbers compare by value so 80 and 80.0 match.
     */
    static boolean same(JsonNode a, JsonNode b) {
        Kind ka = kind(a);
        if (ka != kind(b)) {
            return false;
        }
        return switch (ka) {
            case NULL -> true;
            case NUMBER -> a.decimalValue().compareTo(b.decimalValue()) == 0;
            case STRING -> a.asText().equals(b.asText());
            default -> a.equals(b);
        };
    }

    static int indexOf(List<JsonNode> list, JsonNode value) {
        for (int i = 0; i < list.size(); i++) {
            if (same(list.get(i), value)) {
                return i;
            }
        }
        return -1;
    }

    static List<JsonNode> elements(JsonNode array) {
        List<JsonNode> out = new ArrayList<>(array.size());
        array.forEach(out::add);
        return out;
    }

    static ArrayNode array(List<JsonNode> elements) {
        ArrayNode a = Json.array();
        a.addAll(elements);
        return a;
    }

    /**
     * A patch value made fit to store: maps carrying {@code $patch} are dropped (null is returned
     * for them), other directive keys and null fields are removed. Always a fresh tree, so results
     * never share containers with the patch.
     */
    static JsonNode clean(JsonNode value) {
        if (value.isObject()) {
            if (value.has(SmpDirectives.PATCH)) {
                return null;
            }
            ObjectNode out = Json.object();
            value.properties().forEach(e -> {
                if (e.getValue().isNull() || SmpDirectives.isDirectiveKey(e.getKey())) {
                    return;
                }
                JsonNode c = clean(e.getValue());
                if (c != null) {
                    out.set(e.getKey(), c);
                }
            });
            return out;
        }
        if (value.isArray()) {
            ArrayNode out = Json.array();
            for (JsonNode e : value) {
                JsonNode c = e.isNull() ? e : clean(e);
                if (c != null) {
                    out.add(c);
                }
            }
            return out;
        }
        return value;
    }

    /** Renders a value the way Go's {@code %v} prints decoded JSON, for upstream-like messages. */
    static String go(JsonNode v) {
        StringBuilder sb = new StringBuilder();
        appendGo(sb, v);
        return sb.toString();
    }

    static String go(List<JsonNode> list) {
        return go(array(list));
    }

    private static void appendGo(StringBuilder sb, JsonNode v) {
        switch (kind(v)) {
            case NULL -> sb.append("<nil>");
            case OBJECT -> {
                Map<String, JsonNode> sorted = new TreeMap<>();
                v.properties().forEach(e -> sorted.put(e.getKey(), e.getValue()));
                sb.append("map[");
                boolean first = true;
                for (Map.Entry<String, JsonNode> e : sorted.entrySet()) {
                    if (!first) {
                        sb.append(' ');
                    }
                    first = false;
                    sb.append(e.getKey()).append(':');
                    appendGo(sb, e.getValue());
                }
                sb.append(']');
            }
            case ARRAY -> {
                sb.append('[');
                boolean first = true;
                for (JsonNode e : v) {
                    if (!first) {
                        sb.append(' ');
                    }
                    first = false;
                    appendGo(sb, e);
                }
                sb.append(']');
            }
            default -> sb.append(v.asText());
        }
    }

    /** The Go type upstream names in "expected a X, but received a Y" messages. */
    static String goType(JsonNode v) {
        return switch (kind(v)) {
            case NULL -> "<nil>";
            case OBJECT -> "map[string]interface {}";
            case ARRAY -> "[]interface {}";
            case STRING -> "string";
            case BOOLEAN -> "bool";
            case NUMBER -> v.isIntegralNumber() ? "int64" : "float64";
        };
    }

    static String badArgType(String expected, JsonNode actual) {
        return "expected a " + expected + ", but received a " + goType(actual);
    }

    static String noMergeKey(JsonNode map, String mergeKey) {
        return "map: " + go(map) + " does not contain declared merge key: " + mergeKey;
    }
}
