package io.wharf.api.crd;

import com.fasterxml.jackson.databind.JsonNode;
import io.wharf.api.json.GoFloats;
import io.wharf.api.validation.GoQuote;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Prints decoded JSON values the way Go's fmt and encoding/json print {@code interface{}} values.
 * Custom resource errors embed values with {@code %v}, {@code %#v} and {@code json.Marshal}, and
 * kubectl users see exactly those spellings.
 */
final class GoFormat {
    private GoFormat() {
    }

    /** Go's {@code %v} (and {@code %#v}) of a float64. */
    static String floatV(double d) {
        return GoFloats.formatV(d);
    }

    /** encoding/json's spelling of a float64. */
    static String jsonFloat(double d) {
        return GoFloats.formatJson(d);
    }

    /**
     * A value as a field error's bad value, so that {@code FieldProblem} renders it like upstream's
     * {@code ErrorBody}: strings quoted, int64 and bool bare, float64 with {@code %v}, maps and
     * slices with {@code %#v}, and a missing value as the quoted word null.
     */
    static Object badValue(JsonNode node) {
        return switch (JsonKind.of(node)) {
            case NULL -> "null";
            case BOOLEAN -> node.booleanValue();
            case INTEGER -> node.longValue();
            case STRING -> node.textValue();
            case NUMBER -> new GoLiteral(floatV(node.doubleValue()));
            case ARRAY, OBJECT -> new GoLiteral(sharpV(node));
        };
    }



    /** Go's {@code %#v} of a decoded JSON value held in an {@code interface{}}. */
    static String sharpV(JsonNode node) {
        return switch (JsonKind.of(node)) {
            case NULL -> "interface {}(nil)";
            case BOOLEAN -> Boolean.toString(node.booleanValue());
            case INTEGER -> Long.toString(node.longValue());
            case NUMBER -> floatV(node.doubleValue());
            case STRING -> GoQuote.quote(node.textValue());
            case ARRAY -> {
                StringJoiner items = new StringJoiner(", ", "[]interface {}{", "}");
                node.forEach(item -> items.add(sharpV(item)));
                yield items.toString();
            }
            case OBJECT -> {
                // fmt prints map keys sorted
                StringJoiner entries = new StringJoiner(", ", "map[string]interface {}{", "}");
                for (String key : sortedKeys(node)) {
                    entries.add(GoQuote.quote(key) + ":" + sharpV(node.get(key)));
                }
                yield entries.toString();
            }
        };
    }

    /** Go's {@code %v} of a decoded JSON value: strings bare, slices and maps in brackets, nil as {@code <nil>}. */
    static String plainV(JsonNode node) {
        return switch (JsonKind.of(node)) {
            case NULL -> "<nil>";
            case BOOLEAN -> Boolean.toString(node.booleanValue());
            case INTEGER -> Long.toString(node.longValue());
            case NUMBER -> floatV(node.doubleValue());
            case STRING -> node.textValue();
            case ARRAY -> {
                StringJoiner items = new StringJoiner(" ", "[", "]");
                node.forEach(item -> items.add(plainV(item)));
                yield items.toString();
            }
            case OBJECT -> {
                StringJoiner entries = new StringJoiner(" ", "map[", "]");
                for (String key : sortedKeys(node)) {
                    entries.add(key + ":" + plainV(node.get(key)));
                }
                yield entries.toString();
            }
        };
    }

    /** {@code json.Marshal} of a decoded value: compact, map keys sorted, Go's float spelling. */
    static String json(JsonNode node) {
        return switch (JsonKind.of(node)) {
            case NULL -> "null";
            case BOOLEAN -> Boolean.toString(node.booleanValue());
            case INTEGER -> Long.toString(node.longValue());
            case NUMBER -> jsonFloat(node.doubleValue());
            case STRING -> jsonString(node.textValue());
            case ARRAY -> {
                StringJoiner items = new StringJoiner(",", "[", "]");
                node.forEach(item -> items.add(json(item)));
                yield items.toString();
            }
            case OBJECT -> {
                StringJoiner entries = new StringJoiner(",", "{", "}");
                for (String key : sortedKeys(node)) {
                    entries.add(jsonString(key) + ":" + json(node.get(key)));
                }
                yield entries.toString();
            }
        };
    }

    /** encoding/json string escaping, including its HTML-safe escapes of {@code <}, {@code >} and {@code &}. */
    private static String jsonString(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static List<String> sortedKeys(JsonNode object) {
        List<String> keys = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            keys.add(it.next().getKey());
        }
        keys.sort(null);
        return keys;
    }
}
