package io.wharf.apiserver.table;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Text forms of label maps and label selectors, following the labels package: requirements
 * sorted by key, "k=v", "k in (a,b)", "k notin (a)", "k", "!k", joined by commas.
 */
final class Selectors {
    private static final Pattern NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
    private static final Pattern DNS_SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    private Selectors() {
    }

    /** A string map as "k1=v1,k2=v2" sorted by key, or "&lt;none&gt;" when empty or absent. */
    static String labels(JsonNode map) {
        TreeMap<String, String> sorted = new TreeMap<>();
        if (map != null && map.isObject()) {
            map.fields().forEachRemaining(e -> sorted.put(e.getKey(), e.getValue().asText()));
        }
        List<String> parts = new ArrayList<>();
        sorted.forEach((k, v) -> parts.add(k + "=" + v));
        return Cells.orNone(String.join(",", parts));
    }

    /**
     * A metav1.LabelSelector as selector text: "" for an absent or empty selector (upstream's
     * Nothing and Everything both print empty).
     *
     * @throws IllegalArgumentException when the selector is not valid
     */
    static String selector(JsonNode selector) {
        if (selector == null || !selector.isObject()) {
            return "";
        }
        List<String[]> reqs = new ArrayList<>(); // {key, text}
        Iterator<Map.Entry<String, JsonNode>> labels = Fields.entries(selector, "matchLabels");
        while (labels.hasNext()) {
            Map.Entry<String, JsonNode> e = labels.next();
            checkKey(e.getKey());
            checkValue(e.getValue().asText());
            reqs.add(new String[] {e.getKey(), e.getKey() + "=" + e.getValue().asText()});
        }
        for (JsonNode expr : Fields.list(selector, "matchExpressions")) {
            String key = Fields.str(expr, "key");
            checkKey(key);
            List<String> values = new ArrayList<>();
            Fields.list(expr, "values").forEach(v -> values.add(v.asText()));
            values.forEach(Selectors::checkValue);
            String op = Fields.str(expr, "operator");
            reqs.add(new String[] {key, requirement(key, op, values)});
        }
        // stable sort by key only, as requirements are ordered upstream
        reqs.sort(Comparator.comparing(r -> r[0]));
        List<String> texts = new ArrayList<>();
        reqs.forEach(r -> texts.add(r[1]));
        return String.join(",", texts);
    }

    /** metav1.FormatLabelSelector: "&lt;none&gt;" when empty, "&lt;error&gt;" when invalid. */
    static String formatSelector(JsonNode selector) {
        try {
            return Cells.orNone(selector(selector));
        } catch (IllegalArgumentException e) {
            return "<error>";
        }
    }

    private static String requirement(String key, String op, List<String> values) {
        switch (op) {
            case "In", "NotIn" -> {
                if (values.isEmpty()) {
                    throw new IllegalArgumentException("values must be non-empty for " + op);
                }
                List<String> sorted = new ArrayList<>(values);
                sorted.sort(null);
                return key + ("In".equals(op) ? " in (" : " notin (") + String.join(",", sorted) + ")";
            }
            case "Exists", "DoesNotExist" -> {
                if (!values.isEmpty()) {
                    throw new IllegalArgumentException("values must be empty for " + op);
                }
                return "Exists".equals(op) ? key : "!" + key;
            }
            default -> throw new IllegalArgumentException("\"" + op + "\" is not a valid label selector operator");
        }
    }

    private static void checkKey(String key) {
        String name = key;
        int slash = key.indexOf('/');
        if (slash >= 0) {
            String prefix = key.substring(0, slash);
            name = key.substring(slash + 1);
            if (prefix.isEmpty() || prefix.length() > 253 || !DNS_SUBDOMAIN.matcher(prefix).matches()) {
                throw new IllegalArgumentException("invalid label key prefix: " + key);
            }
        }
        if (name.isEmpty() || name.length() > 63 || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid label key: " + key);
        }
    }

    private static void checkValue(String value) {
        if (value.length() > 63 || !(value.isEmpty() || NAME.matcher(value).matches())) {
            throw new IllegalArgumentException("invalid label value: " + value);
        }
    }
}
