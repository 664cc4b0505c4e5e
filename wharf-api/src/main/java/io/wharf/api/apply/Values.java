package io.wharf.api.apply;

import com.fasterxml.jackson.databind.JsonNode;
import io.wharf.api.json.GoFloats;
import io.wharf.api.validation.GoQuote;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Equality, ordering and display of JSON values the way structured-merge-diff treats them: a
 * float and an integer with the same numeric value are equal, and values of different types
 * order floats, integers, strings, booleans, lists, maps, null.
 */
final class Values {

    private Values() {
    }

    /** Deep equality; numbers compare by value whatever their JSON spelling. */
    static boolean equal(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return numericCompare(a, b) == 0;
        }
        if (a.isNumber() || b.isNumber()) {
            return false;
        }
        if (a.isTextual() || b.isTextual()) {
            return a.isTextual() && b.isTextual() && a.textValue().equals(b.textValue());
        }
        if (a.isBoolean() || b.isBoolean()) {
            return a.isBoolean() && b.isBoolean() && a.booleanValue() == b.booleanValue();
        }
        if (a.isArray() || b.isArray()) {
            if (!a.isArray() || !b.isArray() || a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!equal(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isObject() || b.isObject()) {
            if (!a.isObject() || !b.isObject() || a.size() != b.size()) {
                return false;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode other = b.get(e.getKey());
                if (other == null || !equal(e.getValue(), other)) {
                    return false;
                }
            }
            return true;
        }
        return a.isNull() && b.isNull();
    }

    /** A total order over values, upstream's {@code value.Compare}. */
    static int compare(JsonNode a, JsonNode b) {
        if (a.isFloatingPointNumber() || b.isFloatingPointNumber()) {
            if (a.isNumber() && b.isNumber()) {
                return numericCompare(a, b);
            }
            return a.isFloatingPointNumber() ? -1 : 1;
        }
        int rank = Integer.compare(rank(a), rank(b));
        if (rank != 0) {
            return rank;
        }
        if (a.isIntegralNumber()) {
            return a.bigIntegerValue().compareTo(b.bigIntegerValue());
        }
        if (a.isTextual()) {
            return Integer.signum(a.textValue().compareTo(b.textValue()));
        }
        if (a.isBoolean()) {
            return Boolean.compare(a.booleanValue(), b.booleanValue());
        }
        if (a.isArray()) {
            for (int i = 0; ; i++) {
                if (i >= a.size() || i >= b.size()) {
                    return Integer.compare(a.size(), b.size());
                }
                int c = compare(a.get(i), b.get(i));
                if (c != 0) {
                    return c;
                }
            }
        }
        if (a.isObject()) {
            return compareObjects(a, b);
        }
        return 0;
    }

    private static int rank(JsonNode n) {
        if (n.isIntegralNumber()) {
            return 1;
        }
        if (n.isTextual()) {
            return 2;
        }
        if (n.isBoolean()) {
            return 3;
        }
        if (n.isArray()) {
            return 4;
        }
        if (n.isObject()) {
            return 5;
        }
        return 6;
    }

    /** Maps compare key by key in lexical key order; a missing key sorts after a present one. */
    private static int compareObjects(JsonNode a, JsonNode b) {
        TreeSet<String> keys = new TreeSet<>();
        a.fieldNames().forEachRemaining(keys::add);
        b.fieldNames().forEachRemaining(keys::add);
        int i = 0;
        for (String key : keys) {
            if (i == a.size()) {
                return -1;
            }
            if (i == b.size()) {
                return 1;
            }
            JsonNode x = a.get(key);
            JsonNode y = b.get(key);
            if (x == null) {
                return 1;
            }
            if (y == null) {
                return -1;
            }
            int c = compare(x, y);
            if (c != 0) {
                return c;
            }
            i++;
        }
        return 0;
    }

    private static int numericCompare(JsonNode a, JsonNode b) {
        if (a.isIntegralNumber() && b.isIntegralNumber()) {
            return a.bigIntegerValue().compareTo(b.bigIntegerValue());
        }
        // Go holds these as float64, so compare them as doubles
        return Double.compare(a.doubleValue(), b.doubleValue());
    }

    /** Upstream's {@code value.ToString}, used in path strings such as {@code [name="nginx"]}. */
    static String display(JsonNode v) {
        if (v.isNull()) {
            return "null";
        }
        if (v.isFloatingPointNumber()) {
            return goFloatG(v.doubleValue());
        }
        if (v.isIntegralNumber()) {
            return v.bigIntegerValue().toString();
        }
        if (v.isTextual()) {
            return GoQuote.quote(v.textValue());
        }
        if (v.isBoolean()) {
            return Boolean.toString(v.booleanValue());
        }
        if (v.isArray()) {
            List<String> parts = new ArrayList<>();
            v.forEach(e -> parts.add(display(e)));
            return "[" + String.join(",", parts) + "]";
        }
        StringBuilder out = new StringBuilder();
        TreeSet<String> keys = new TreeSet<>();
        v.fieldNames().forEachRemaining(keys::add);
        for (String k : keys) {
            out.append(k).append('=').append(display(v.get(k)));
        }
        return out.toString();
    }

    /** Go's {@code %v} for a float64: shortest digits, exponent form outside [1e-4, 1e6). */
    static String goFloatG(double d) {
        return GoFloats.formatV(d);
    }
}
