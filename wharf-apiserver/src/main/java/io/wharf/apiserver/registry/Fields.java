package io.wharf.apiserver.registry;

import com.fasterxml.jackson.databind.JsonNode;
import io.wharf.api.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The field selectors one kind supports, and how to read their values from an object. Every kind
 * supports {@code metadata.name} and {@code metadata.namespace}; the rest are upstream's per-kind
 * field labels (pods' {@code spec.nodeName}, events' {@code involvedObject.name}, ...).
 */
public final class Fields {
    /** Where a field label's value is read, and what an absent field reads as (Go's zero value). */
    private record Source(String[] path, String absent) {
    }

    private final Map<String, Source> sources = new LinkedHashMap<>();

    private Fields() {
        sources.put("metadata.name", new Source(new String[]{"metadata", "name"}, ""));
        sources.put("metadata.namespace", new Source(new String[]{"metadata", "namespace"}, ""));
    }

    /** Extra string field labels, each read from the dotted path its name spells. */
    public static Fields of(String... extra) {
        Fields f = new Fields();
        for (String e : extra) {
            f.sources.put(e, new Source(e.split("\\."), ""));
        }
        return f;
    }

    /** A field label whose absent value is not "" (booleans read "false", counts "0"). */
    public Fields withZero(String label, String absent) {
        sources.put(label, new Source(label.split("\\."), absent));
        return this;
    }

    /** A field label read from another path than its name spells. */
    public Fields alias(String label, String path) {
        sources.put(label, new Source(path.split("\\."), ""));
        return this;
    }

    public boolean supports(String label) {
        return sources.containsKey(label);
    }

    public List<String> labels() {
        return List.copyOf(sources.keySet());
    }

    /** The values of every supported field. */
    public Map<String, String> extract(JsonNode obj) {
        Map<String, String> out = new LinkedHashMap<>(sources.size() * 2);
        for (Map.Entry<String, Source> e : sources.entrySet()) {
            JsonNode n = Json.at(obj, e.getValue().path());
            String v = n == null || n.isNull() || n.isMissingNode() ? e.getValue().absent() : n.isValueNode() ? n.asText() : n.toString();
            out.put(e.getKey(), v);
        }
        return out;
    }
}
