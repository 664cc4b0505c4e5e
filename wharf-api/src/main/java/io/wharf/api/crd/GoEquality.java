package io.wharf.api.crd;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Equality of decoded JSON values as Go's {@code reflect.DeepEqual} sees them (an int64 never
 * equals a float64), and the looser test kube-openapi applies to enum members, which first
 * converts the value to the member's Go type.
 */
final class GoEquality {
    private GoEquality() {
    }

    static boolean deepEqual(JsonNode a, JsonNode b) {
        JsonKind kind = JsonKind.of(a);
        if (kind != JsonKind.of(b)) {
            return false;
        }
        return switch (kind) {
            case NULL -> true;
            case BOOLEAN -> a.booleanValue() == b.booleanValue();
            case INTEGER -> a.longValue() == b.longValue();
            case NUMBER -> a.doubleValue() == b.doubleValue();
            case STRING -> a.textValue().equals(b.textValue());
            case ARRAY -> arraysEqual(a, b);
            case OBJECT -> objectsEqual(a, b);
        };
    }

    private static boolean arraysEqual(JsonNode a, JsonNode b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!deepEqual(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean objectsEqual(JsonNode a, JsonNode b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode other = b.get(e.getKey());
            if (other == null || !deepEqual(e.getValue(), other)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the value matches one enum member: Go converts the value to the member's type when
     * it can, so 1.7 matches 1 (truncated) and the integer 65 matches "A" (a rune); null never
     * matches.
     */
    static boolean enumMatches(JsonNode value, JsonNode member) {
        JsonKind valueKind = JsonKind.of(value);
        JsonKind memberKind = JsonKind.of(member);
        if (valueKind == JsonKind.NULL || memberKind == JsonKind.NULL) {
            return false;
        }
        if (valueKind == JsonKind.INTEGER && memberKind == JsonKind.NUMBER) {
            return (double) value.longValue() == member.doubleValue();
        }
        if (valueKind == JsonKind.NUMBER && memberKind == JsonKind.INTEGER) {
            return (long) value.doubleValue() == member.longValue();
        }
        if (valueKind == JsonKind.INTEGER && memberKind == JsonKind.STRING) {
            return runeString(value.longValue()).equals(member.textValue());
        }
        return deepEqual(value, member);
    }

    /** Go's {@code string(rune(n))}: invalid code points become U+FFFD. */
    private static String runeString(long n) {
        if (n < 0 || n > Character.MAX_CODE_POINT || (n >= 0xD800 && n <= 0xDFFF)) {
            return "\uFFFD";
        }
        return new String(Character.toChars((int) n));
    }
}
