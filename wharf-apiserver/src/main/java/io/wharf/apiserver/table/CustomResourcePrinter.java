package io.wharf.apiserver.table;

import com.fasterxml.jackson.databind.JsonNode;
import io.wharf.api.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows for custom resources from a CRD version's additionalPrinterColumns: NAME, then one column
 * per definition evaluated with its JSONPath. Only when a version declares no columns at all does
 * upstream serve a single Age column; declared columns are taken as they are.
 *
 * <p>Cells follow the column type: "string" prints any value as text, "integer", "number" and
 * "boolean" keep values of a matching JSON type, "date" renders an RFC 3339 string as an age.
 * Upstream leaves a cell null when the path finds nothing or the value does not fit the type;
 * here such cells are "" (kubectl prints a null cell as blank too).
 */
final class CustomResourcePrinter implements RowPrinter {
    private static final String EMPTY = "";

    private final List<Column> columns;
    private final List<JsonPath> paths;

    private CustomResourcePrinter(List<Column> columns, List<JsonPath> paths) {
        this.columns = List.copyOf(columns);
        this.paths = List.copyOf(paths);
    }

    /**
     * Builds the printer from the additionalPrinterColumns of one CRD version (null or empty for
     * none). Like upstream, a column whose JSONPath does not parse ends the list there.
     */
    static CustomResourcePrinter of(List<JsonNode> definitions) {
        List<JsonNode> defs = definitions == null ? List.of() : definitions;
        if (defs.isEmpty()) {
            defs = List.of(Json.object()
                    .put("name", "Age")
                    .put("type", "date")
                    .put("description", "Time elapsed since the object was created.")
                    .put("jsonPath", ".metadata.creationTimestamp"));
        }
        List<Column> columns = new ArrayList<>();
        List<JsonPath> paths = new ArrayList<>();
        columns.add(Columns.name());
        for (JsonNode def : defs) {
            String jsonPath = Fields.str(def, "jsonPath");
            JsonPath path;
            try {
                path = JsonPath.parse(jsonPath);
            } catch (IllegalArgumentException e) {
                break;
            }
            String description = Fields.str(def, "description");
            if (description.isEmpty()) {
                description = "Value at " + jsonPath + ".";
            }
            columns.add(new Column(Fields.str(def, "name"), Fields.str(def, "type"), Fields.str(def, "format"),
                    description, (int) Fields.num(def, "priority")));
            paths.add(path);
        }
        return new CustomResourcePrinter(columns, paths);
    }

    @Override
    public List<Column> columns() {
        return columns;
    }

    @Override
    public List<Object> cells(JsonNode object, Instant now) {
        List<Object> cells = new ArrayList<>(columns.size());
        cells.add(Fields.name(object));
        for (int i = 0; i < paths.size(); i++) {
            List<JsonNode> results;
            try {
                results = paths.get(i).find(object);
            } catch (JsonPath.EvaluationException e) {
                results = List.of();
            }
            // only the first match is shown, even for paths that fan out
            cells.add(results.isEmpty() ? EMPTY : cell(columns.get(i + 1).type(), results.get(0), now));
        }
        return List.copyOf(cells);
    }

    private static Object cell(String type, JsonNode value, Instant now) {
        if ("string".equals(type)) {
            return GoText.print(value);
        }
        switch (type) {
            case "integer" -> {
                if (value.isIntegralNumber()) {
                    return value.asLong();
                } else if (value.isNumber()) {
                    return (long) value.doubleValue();
                }
            }
            case "number" -> {
                if (value.isNumber()) {
                    return value.doubleValue();
                }
            }
            case "boolean" -> {
                if (value.isBoolean()) {
                    return value.asBoolean();
                }
            }
            case "date" -> {
                if (value.isTextual()) {
                    return date(value.asText(), now);
                }
            }
            default -> {
                // other types have no cell representation upstream
            }
        }
        return EMPTY;
    }

    /** "" and "null" read as the zero time ("&lt;unknown&gt;"); text that is not RFC 3339 is "&lt;invalid&gt;". */
    private static String date(String text, Instant now) {
        if (text.isEmpty() || "null".equals(text)) {
            return HumanDuration.UNKNOWN;
        }
        Instant t = Fields.parseTime(text);
        if (t == null) {
            return HumanDuration.INVALID;
        }
        return HumanDuration.since(Fields.isZero(t) ? null : t, now);
    }
}
