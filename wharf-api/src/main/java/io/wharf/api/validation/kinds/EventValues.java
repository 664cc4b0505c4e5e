package io.wharf.api.validation.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** How upstream prints an Event field it reports as immutable, from the core type's point of view. */
final class EventValues {
    private EventValues() {
    }

    static Object shown(String coreField, JsonNode value) {
        return switch (coreField) {
            case "involvedObject" -> objectReference(value, "core.ObjectReference");
            case "related" -> Nodes.isSet(value) ? objectReference(value, "core.ObjectReference") : "null";
            case "source" -> GoValues.struct("core.EventSource")
                    .string("Component", Nodes.text(value, "component"))
                    .string("Host", Nodes.text(value, "host")).build();
            case "firstTimestamp", "lastTimestamp", "eventTime" -> GoValues.text(goTime(value));
            case "count" -> Nodes.isSet(value) ? value.asLong() : 0L;
            default -> Nodes.isSet(value) ? value.asText() : "";
        };
    }

    private static GoValues.Text objectReference(JsonNode ref, String type) {
        return GoValues.struct(type)
                .string("Kind", Nodes.text(ref, "kind"))
                .string("Namespace", Nodes.text(ref, "namespace"))
                .string("Name", Nodes.text(ref, "name"))
                .string("UID", Nodes.text(ref, "uid"))
                .string("APIVersion", Nodes.text(ref, "apiVersion"))
                .string("ResourceVersion", Nodes.text(ref, "resourceVersion"))
                .string("FieldPath", Nodes.text(ref, "fieldPath"))
                .build();
    }

    /** Go's {@code time.Time.String()} of a decoded (UTC) timestamp; the zero time when unset. */
    static String goTime(JsonNode value) {
        if (!Nodes.isSet(value)) {
            return "0001-01-01 00:00:00 +0000 UTC";
        }
        try {
            OffsetDateTime t = OffsetDateTime.parse(value.asText()).withOffsetSameInstant(ZoneOffset.UTC);
            StringBuilder out = new StringBuilder(String.format("%04d-%02d-%02d %02d:%02d:%02d", t.getYear(),
                    t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond()));
            if (t.getNano() != 0) {
                String fraction = String.format("%09d", t.getNano()).replaceAll("0+$", "");
                out.append('.').append(fraction);
            }
            return out.append(" +0000 UTC").toString();
        } catch (DateTimeParseException e) {
            return value.asText();
        }
    }
}
