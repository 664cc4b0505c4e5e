package io.wharf.apiserver.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reading and writing {@code metadata} fields of objects held as JSON trees. */
public final class Meta {
    private Meta() {
    }

    public static ObjectNode meta(ObjectNode obj) {
        return Json.with(obj, "metadata");
    }

    public static String name(JsonNode obj) {
        return Json.text(obj, "metadata", "name");
    }

    public static String namespace(JsonNode obj) {
        return Json.text(obj, "metadata", "namespace");
    }

    public static String resourceVersion(JsonNode obj) {
        return Json.text(obj, "metadata", "resourceVersion");
    }

    public static String uid(JsonNode obj) {
        return Json.text(obj, "metadata", "uid");
    }

    public static boolean isDeleting(JsonNode obj) {
        JsonNode d = Json.at(obj, "metadata", "deletionTimestamp");
        return d != null && !d.isNull();
    }

    public static boolean hasFinalizers(JsonNode obj) {
        JsonNode f = Json.at(obj, "metadata", "finalizers");
        return f != null && f.isArray() && !f.isEmpty();
    }

    public static Map<String, String> labels(JsonNode obj) {
        return stringMap(Json.at(obj, "metadata", "labels"));
    }

    public static Map<String, String> stringMap(JsonNode n) {
        if (n == null || !n.isObject() || n.isEmpty()) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        n.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText()));
        return out;
    }

    /** RFC 3339 at second precision, as upstream's metav1.Time serializes. */
    public static String timestamp(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS));
    }

    /** RFC 3339 with microseconds, as upstream's metav1.MicroTime serializes. */
    public static String microTimestamp(Instant t) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(java.time.ZoneOffset.UTC)
                .format(t.truncatedTo(ChronoUnit.MICROS));
    }
}
