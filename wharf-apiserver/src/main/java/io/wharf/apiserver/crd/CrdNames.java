package io.wharf.apiserver.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * The names of a custom resource, as a CRD requests them ({@code spec.names}) or as the server has
 * accepted them ({@code status.acceptedNames}); empty strings where a name is not set.
 */
record CrdNames(String plural, String singular, String kind, String listKind, List<String> shortNames, List<String> categories) {
    static final CrdNames NONE = new CrdNames("", "", "", "", List.of(), List.of());

    static CrdNames of(JsonNode names) {
        if (names == null || !names.isObject()) {
            return NONE;
        }
        return new CrdNames(text(names, "plural"), text(names, "singular"), text(names, "kind"), text(names, "listKind"),
                strings(names.get("shortNames")), strings(names.get("categories")));
    }

    /** The JSON form, in the field order upstream writes and with empty lists left out. */
    ObjectNode toJson() {
        ObjectNode o = Json.object();
        o.put("plural", plural);
        if (!singular.isEmpty()) {
            o.put("singular", singular);
        }
        if (!shortNames.isEmpty()) {
            shortNames.forEach(o.putArray("shortNames")::add);
        }
        o.put("kind", kind);
        if (!listKind.isEmpty()) {
            o.put("listKind", listKind);
        }
        if (!categories.isEmpty()) {
            categories.forEach(o.putArray("categories")::add);
        }
        return o;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? "" : v.asText();
    }

    static List<String> strings(JsonNode arr) {
        List<String> out = new ArrayList<>();
        if (arr != null && arr.isArray()) {
            arr.forEach(s -> out.add(s.asText()));
        }
        return List.copyOf(out);
    }
}
