package io.wharf.apiserver.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Read access to object trees with Go's zero-value semantics: upstream printers work on typed
 * structs, so an absent string reads as "", an absent number as 0 and an absent list as empty.
 * Presence checks ({@link #has}) stand in for Go's nil pointers.
 */
final class Fields {
    /** Go's zero {@code time.Time}; a timestamp carrying it counts as unset. */
    private static final Instant GO_ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");

    private Fields() {
    }

    /** The node at the path, or a missing node; never null. Explicit JSON nulls count as missing. */
    static JsonNode at(JsonNode node, String... path) {
        JsonNode n = node;
        for (String p : path) {
            if (n == null || !n.isObject()) {
                return MissingNode.getInstance();
            }
            n = n.get(p);
        }
        return n == null || n.isNull() ? MissingNode.getInstance() : n;
    }

    static boolean has(JsonNode node, String... path) {
        return !at(node, path).isMissingNode();
    }

    /** Text at the path, "" when absent (scalars are rendered as their JSON text). */
    static String str(JsonNode node, String... path) {
        JsonNode n = at(node, path);
        return n.isValueNode() ? n.asText() : "";
    }

    static long num(JsonNode node, String... path) {
        JsonNode n = at(node, path);
        return n.isNumber() ? n.asLong() : 0;
    }

    static boolean bool(JsonNode node, String... path) {
        return at(node, path).asBoolean(false);
    }

    /** Elements of the array at the path; empty when absent. */
    static List<JsonNode> list(JsonNode node, String... path) {
        JsonNode n = at(node, path);
        List<JsonNode> out = new ArrayList<>();
        if (n.isArray()) {
            n.forEach(out::add);
        }
        return out;
    }

    /** Number of entries of the object or array at the path; 0 when absent. */
    static int size(JsonNode node, String... path) {
        JsonNode n = at(node, path);
        return n.isContainerNode() ? n.size() : 0;
    }

    /** Entries of a string map (labels, selectors, data) at the path, in document order. */
    static Iterator<Map.Entry<String, JsonNode>> entries(JsonNode node, String... path) {
        JsonNode n = at(node, path);
        return n.isObject() ? n.fields() : Collections.emptyIterator();
    }

    /** A metav1.Time / MicroTime at the path; null when absent, unparsable or Go's zero time. */
    static Instant time(JsonNode node, String... path) {
        JsonNode n = at(node, path);
        if (!n.isTextual()) {
            return null;
        }
        Instant t = parseTime(n.asText());
        return t == null || isZero(t) ? null : t;
    }

    /** Whether the instant is Go's zero time, which metav1.Time treats as unset. */
    static boolean isZero(Instant t) {
        return GO_ZERO_TIME.equals(t);
    }

    /** RFC 3339 text to an instant; null when the text is not RFC 3339. */
    static Instant parseTime(String text) {
        Instant fast = parseUtcSeconds(text);
        if (fast != null) {
            return fast;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * The form Kubernetes writes, {@code 2024-01-02T03:04:05Z}, read without the general parser
     * (tables read one per row and this dominated their cost); null for any other form.
     */
    private static Instant parseUtcSeconds(String t) {
        if (t.length() != 20 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T' || t.charAt(13) != ':'
                || t.charAt(16) != ':' || t.charAt(19) != 'Z') {
            return null;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 2);
        int day = digits(t, 8, 2);
        int hour = digits(t, 11, 2);
        int minute = digits(t, 14, 2);
        int second = digits(t, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 60) {
            return null;
        }
        try {
            return java.time.LocalDate.of(year, month, day).atTime(hour, minute, Math.min(second, 59))
                    .toInstant(java.time.ZoneOffset.UTC);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    static String name(JsonNode object) {
        return str(object, "metadata", "name");
    }

    static Instant created(JsonNode object) {
        return time(object, "metadata", "creationTimestamp");
    }

    static boolean deleting(JsonNode object) {
        return has(object, "metadata", "deletionTimestamp");
    }

    static String annotation(JsonNode object, String key) {
        return str(object, "metadata", "annotations", key);
    }

    static boolean hasAnnotation(JsonNode object, String key) {
        return has(object, "metadata", "annotations", key);
    }
}
