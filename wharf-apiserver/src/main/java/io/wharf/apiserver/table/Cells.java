package io.wharf.apiserver.table;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Small formatting rules shared by several printers, each mirroring one upstream convention. */
final class Cells {
    static final String NONE = "<none>";
    static final String UNSET = "<unset>";
    static final String PENDING = "<pending>";
    static final String UNKNOWN = "<unknown>";

    private Cells() {
    }

    /** The AGE cell: time since metadata.creationTimestamp. */
    static String age(JsonNode object, Instant now) {
        return HumanDuration.since(Fields.created(object), now);
    }

    /** Time since the timestamp at the path, "&lt;unknown&gt;" when it is unset. */
    static String since(JsonNode node, Instant now, String... path) {
        return HumanDuration.since(Fields.time(node, path), now);
    }

    static String orNone(String s) {
        return s == null || s.isEmpty() ? NONE : s;
    }

    /** "True"/"False" for a set boolean, "&lt;unset&gt;" for an absent one. */
    static String boolPtr(JsonNode node, String... path) {
        JsonNode n = Fields.at(node, path);
        if (n.isMissingNode()) {
            return UNSET;
        }
        return n.asBoolean() ? "True" : "False";
    }

    /**
     * Joins at most {@code max} items and tells how many were left out ("a,b,c + 2 more...");
     * {@code empty} is printed when there is nothing at all.
     */
    static String firstWithMore(List<String> items, int max, String empty) {
        if (items.isEmpty()) {
            return empty;
        }
        if (items.size() <= max) {
            return String.join(",", items);
        }
        return String.join(",", items.subList(0, max)) + " + " + (items.size() - max) + " more...";
    }

    /** Container names and images of a pod spec, comma separated, as the wide columns show them. */
    static String[] containerNamesAndImages(JsonNode podSpec) {
        List<String> names = new ArrayList<>();
        List<String> images = new ArrayList<>();
        for (JsonNode c : Fields.list(podSpec, "containers")) {
            names.add(Fields.str(c, "name"));
            images.add(Fields.str(c, "image"));
        }
        return new String[] {String.join(",", names), String.join(",", images)};
    }

    /** An IntOrString value as text: the number or the string as given, "" when absent. */
    static String intOrString(JsonNode node, String... path) {
        JsonNode n = Fields.at(node, path);
        if (n.isMissingNode()) {
            return "";
        }
        return n.isNumber() ? Long.toString(n.asLong()) : n.asText();
    }

    /**
     * A resource quantity as text; "0" when absent, like a zero Quantity value. Quantities are
     * printed as stored: the API serializes them in canonical form.
     */
    static String quantity(JsonNode node, String... path) {
        JsonNode n = Fields.at(node, path);
        if (n.isMissingNode()) {
            return "0";
        }
        return n.asText();
    }
}
