package io.wharf.api.validation.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import io.wharf.api.validation.GoQuote;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * Rejected values shown the way upstream's {@code field.Error} prints the Go value it was given:
 * a Stringer's {@code String()} (label selectors, int-or-strings, quantities) bare, maps and
 * structs in {@code %#v} form. The results are objects whose {@code toString()} is that text,
 * so {@code FieldProblem} prints them unquoted; plain strings and numbers need no wrapping.
 */
final class GoValues {
    /**
     * Go prints the address of a non-nil pointer inside a struct; the real address is
     * meaningless outside that process, so a fixed one stands in for it.
     */
    static final String SOME_ADDRESS = "0xc000000000";

    private GoValues() {
    }

    /** Text printed as is. */
    record Text(String text) {
        @Override
        public String toString() {
            return text;
        }
    }

    static Text text(String text) {
        return new Text(text);
    }

    /** A {@code map[string]string}: {@code map[string]string{"a":"b"}}, keys sorted; nil when absent. */
    static Text stringMap(Map<String, String> map) {
        return namedMap("map[string]string", map);
    }

    /** A map of a named type such as {@code labels.Set}, printed like a {@code map[string]string}. */
    private static Text namedMap(String type, Map<String, String> map) {
        if (map == null) {
            return text(type + "(nil)");
        }
        StringJoiner out = new StringJoiner(", ", type + "{", "}");
        new TreeMap<>(map).forEach((k, v) -> out.add(GoQuote.quote(k) + ":" + GoQuote.quote(v)));
        return text(out.toString());
    }

    /**
     * A {@code *metav1.LabelSelector}. Upstream v1.32 dereferences a non-nil pointer and, the
     * struct having no value-receiver String method, prints it with {@code %#v}; a nil pointer is
     * reported as the string "null", which Go then quotes.
     */
    static Object labelSelector(JsonNode selector) {
        if (!Nodes.isSet(selector)) {
            return "null";
        }
        String labels = stringMap(Nodes.stringMap(selector, "matchLabels")).text();
        String expressions;
        if (!Nodes.at(selector, "matchExpressions").isArray()) {
            expressions = "[]v1.LabelSelectorRequirement(nil)";
        } else {
            StringJoiner list = new StringJoiner(", ", "[]v1.LabelSelectorRequirement{", "}");
            for (JsonNode expr : Nodes.items(selector, "matchExpressions")) {
                list.add(struct("v1.LabelSelectorRequirement")
                        .string("Key", Nodes.text(expr, "key"))
                        .string("Operator", Nodes.text(expr, "operator"))
                        .raw("Values", stringSlice(expr.path("values")))
                        .build().text());
            }
            expressions = list.toString();
        }
        return struct("v1.LabelSelector").raw("MatchLabels", labels).raw("MatchExpressions", expressions).build();
    }

    /**
     * An {@code intstr.IntOrString}, whose String method has a pointer receiver, so upstream v1.32
     * prints the struct with {@code %#v}: {@code intstr.IntOrString{Type:1, IntVal:0, StrVal:"5%"}}.
     */
    static Text intOrString(JsonNode value) {
        boolean isString = Nodes.isSet(value) && value.isTextual();
        long intVal = Nodes.isSet(value) && !isString ? value.asLong() : 0;
        return struct("intstr.IntOrString").number("Type", isString ? 1 : 0).number("IntVal", intVal)
                .string("StrVal", isString ? value.asText() : "").build();
    }

    /** A {@code []string} field in {@code %#v}: nil when absent, {@code []string{"a", "b"}} otherwise. */
    private static String stringSlice(JsonNode list) {
        if (!list.isArray()) {
            return "[]string(nil)";
        }
        StringJoiner out = new StringJoiner(", ", "[]string{", "}");
        list.forEach(v -> out.add(GoQuote.quote(v.isNull() ? "" : v.asText())));
        return out.toString();
    }

    /** Go's {@code %v} of a {@code []string}: {@code [a b]}. */
    static String goList(List<String> values) {
        return "[" + String.join(" ", values) + "]";
    }

    /** A slice of a named string type in {@code %#v}: {@code []networking.PolicyType{"Ingress"}}. */
    static Text namedStringSlice(String elementType, List<String> values, boolean nil) {
        if (nil) {
            return text("[]" + elementType + "(nil)");
        }
        StringJoiner out = new StringJoiner(", ", "[]" + elementType + "{", "}");
        values.forEach(v -> out.add(GoQuote.quote(v)));
        return text(out.toString());
    }

    /** A struct in {@code %#v} form, built field by field in declaration order. */
    static Struct struct(String type) {
        return new Struct(type);
    }

    static final class Struct {
        private final String type;
        private final StringJoiner fields = new StringJoiner(", ");

        private Struct(String type) {
            this.type = type;
        }

        Struct string(String name, String value) {
            fields.add(name + ":" + GoQuote.quote(value == null ? "" : value));
            return this;
        }

        Struct bool(String name, boolean value) {
            fields.add(name + ":" + value);
            return this;
        }

        /** A field whose value is already in Go syntax. */
        Struct raw(String name, String goSyntax) {
            fields.add(name + ":" + goSyntax);
            return this;
        }

        Struct number(String name, long value) {
            fields.add(name + ":" + value);
            return this;
        }

        /** A pointer field: {@code (*T)(nil)} when unset, an address otherwise. */
        Struct pointer(String name, String pointeeType, boolean set) {
            fields.add(name + ":(*" + pointeeType + ")(" + (set ? SOME_ADDRESS : "nil") + ")");
            return this;
        }

        Text build() {
            return text(type + "{" + fields + "}");
        }
    }
}
