package io.wharf.api.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import io.wharf.api.validation.GoQuote;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes {@code metadata.managedFields}. Reading checks what upstream's decoder checks
 * (operation, apiVersion, fieldsType, a readable FieldsV1); writing orders entries as upstream
 * does: Apply before Update, then by time, manager, API version and subresource.
 */
final class ManagedFieldsCodec {

    private ManagedFieldsCodec() {
    }

    /** A managedFields list that cannot be read; upstream's message. */
    static final class DecodeException extends RuntimeException {
        DecodeException(String message) {
            super(message);
        }
    }

    /** Entries by manager; a later entry with the same identifier replaces an earlier one. */
    static Map<ManagerKey, ManagedEntry> decode(JsonNode list) {
        Map<ManagerKey, ManagedEntry> out = new LinkedHashMap<>();
        if (list == null || list.isNull()) {
            return out;
        }
        if (!list.isArray()) {
            throw new DecodeException("managedFields must be a list");
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode e = list.get(i);
            if (!e.isObject()) {
                throw new DecodeException("managed fields entry " + i + " must be an object");
            }
            String operation = text(e, "operation");
            if (!operation.equals(ManagerKey.APPLY) && !operation.equals(ManagerKey.UPDATE)) {
                throw new DecodeException("operation must be `Apply` or `Update`");
            }
            String apiVersion = text(e, "apiVersion");
            if (apiVersion.isEmpty()) {
                throw new DecodeException("apiVersion must not be empty");
            }
            String fieldsType = text(e, "fieldsType");
            if (fieldsType.isEmpty()) {
                throw new DecodeException("missing fieldsType in managed fields entry " + i);
            }
            if (!fieldsType.equals("FieldsV1")) {
                throw new DecodeException("invalid fieldsType " + GoQuote.quote(fieldsType) + " in managed fields entry " + i);
            }
            FieldSet fields;
            try {
                fields = FieldsV1.decode(e.get("fieldsV1"));
            } catch (FieldsV1.FormatException ex) {
                throw new DecodeException("error decoding versioned set from entry " + i + ": error decoding set: "
                        + ex.getMessage());
            }
            ManagerKey key = new ManagerKey(text(e, "manager"), operation, apiVersion, text(e, "subresource"));
            String time = e.hasNonNull("time") ? normalizedTime(e.get("time").asText()) : null;
            out.put(key, new ManagedEntry(fields, apiVersion, time));
        }
        return out;
    }

    private static String text(JsonNode e, String field) {
        JsonNode v = e.get(field);
        if (v == null || v.isNull()) {
            return "";
        }
        if (!v.isTextual()) {
            throw new DecodeException(field + " must be a string");
        }
        return v.textValue();
    }

    /**
     * Whether a client asks to clear managedFields: an empty list, or a list holding one entry
     * with nothing set (absent and null do not count: they mean "keep what is stored").
     */
    static boolean isReset(JsonNode list) {
        if (list == null || !list.isArray()) {
            return false;
        }
        return list.isEmpty() || (list.size() == 1 && isEmptyEntry(list.get(0)));
    }

    /** An entry that decodes to the zero entry: every field absent, null or an empty string. */
    private static boolean isEmptyEntry(JsonNode entry) {
        if (!entry.isObject()) {
            return false;
        }
        for (String f : List.of("manager", "operation", "apiVersion", "fieldsType", "subresource")) {
            JsonNode v = entry.get(f);
            if (v != null && !v.isNull() && !(v.isTextual() && v.textValue().isEmpty())) {
                return false;
            }
        }
        return !entry.hasNonNull("time") && !entry.hasNonNull("fieldsV1");
    }

    /** Upstream reads entry times and writes them back in UTC to the second. */
    private static String normalizedTime(String time) {
        try {
            return format(OffsetDateTime.parse(time).toInstant());
        } catch (DateTimeParseException e) {
            return time;
        }
    }

    static ArrayNode encode(Map<ManagerKey, ManagedEntry> managed) {
        List<Map.Entry<ManagerKey, ManagedEntry>> entries = new ArrayList<>(managed.entrySet());
        entries.sort(Comparator
                .comparing((Map.Entry<ManagerKey, ManagedEntry> e) -> e.getKey().operation())
                .thenComparingLong(e -> epochSeconds(e.getValue().time()))
                .thenComparing(e -> e.getKey().manager())
                .thenComparing(e -> e.getValue().apiVersion())
                .thenComparing(e -> e.getKey().subresource()));
        ArrayNode out = Json.array();
        for (Map.Entry<ManagerKey, ManagedEntry> e : entries) {
            out.add(entry(e.getKey(), e.getValue()));
        }
        return out;
    }

    private static ObjectNode entry(ManagerKey key, ManagedEntry entry) {
        ObjectNode o = Json.object();
        if (!key.manager().isEmpty()) {
            o.put("manager", key.manager());
        }
        o.put("operation", key.operation());
        o.put("apiVersion", entry.apiVersion());
        if (entry.time() != null) {
            o.put("time", entry.time());
        }
        o.put("fieldsType", "FieldsV1");
        o.set("fieldsV1", FieldsV1.encode(entry.fields()));
        if (!key.subresource().isEmpty()) {
            o.put("subresource", key.subresource());
        }
        return o;
    }

    /** Seconds since the epoch of an entry time; 0 when absent or unreadable, as upstream sorts them. */
    static long epochSeconds(String time) {
        if (time == null) {
            return 0;
        }
        try {
            return OffsetDateTime.parse(time).toEpochSecond();
        } catch (DateTimeParseException e) {
            return 0;
        }
    }

    /** Upstream's metav1.Time form: RFC 3339 in UTC, whole seconds. */
    static String format(Instant now) {
        return Instant.ofEpochSecond(now.getEpochSecond()).toString();
    }
}
