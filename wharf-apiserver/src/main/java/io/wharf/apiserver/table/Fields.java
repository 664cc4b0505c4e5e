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
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
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
