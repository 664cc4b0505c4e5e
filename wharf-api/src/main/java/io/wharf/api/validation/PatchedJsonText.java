package io.wharf.api.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The JSON text upstream's patch library makes of an object patched by a JSON or merge patch,
 * which the error refusing the patch quotes. The library re-encodes only what the patch reached:
 * those objects come out with sorted keys, everything else as it was. Text is written as Go's
 * encoder writes it: compact, with {@code <}, {@code >} and {@code &} escaped.
 */
public final class PatchedJsonText {

    private PatchedJsonText() {
    }

    /**
     * After a merge patch: the root, every object the patch holds an object for, and every value
     * the patch brought are written with sorted keys.
     */
    public static String ofMergePatch(JsonNode patched, JsonNode patch) {
        StringBuilder out = new StringBuilder();
        writeMerged(out, patched, patch, false);
        return out.toString();
    }

    private static void writeMerged(StringBuilder out, JsonNode node, JsonNode patch, boolean fromPatch) {
        if (node.isObject()) {
            boolean reached = fromPatch || patch != null && patch.isObject();
            out.append('{');
            boolean first = true;
            for (String key : keys(node, reached)) {
                JsonNode childPatch = patch != null && patch.isObject() ? patch.get(key) : null;
                boolean childFromPatch = fromPatch || childPatch != null && !childPatch.isObject();
                first = key(out, key, first);
                writeMerged(out, node.get(key), childFromPatch ? null : childPatch, childFromPatch);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                out.append(i == 0 ? "" : ",");
                writeMerged(out, node.get(i), null, fromPatch);
            }
            out.append(']');
        } else {
            scalar(out, node);
        }
    }

    /** After a JSON patch: the root and the objects along every operation's path and from are written with sorted keys. */
    public static String ofJsonPatch(JsonNode patched, JsonNode ops) {
        Set<String> reached = new HashSet<>();
        reached.add("");
        for (JsonNode op : ops) {
            for (String field : List.of("path", "from")) {
                String pointer = op.path(field).asText("");
                for (int slash = pointer.indexOf('/', 1); slash > 0; slash = pointer.indexOf('/', slash + 1)) {
                    reached.add(pointer.substring(0, slash));
                }
            }
        }
        StringBuilder out = new StringBuilder();
        writeAlongPaths(out, patched, "", reached);
        return out.toString();
    }

    private static void writeAlongPaths(StringBuilder out, JsonNode node, String pointer, Set<String> reached) {
        if (node.isObject()) {
            out.append('{');
            boolean first = true;
            for (String key : keys(node, reached.contains(pointer))) {
                first = key(out, key, first);
                writeAlongPaths(out, node.get(key), pointer + "/" + key.replace("~", "~0").replace("/", "~1"), reached);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                out.append(i == 0 ? "" : ",");
                writeAlongPaths(out, node.get(i), pointer + "/" + i, reached);
            }
            out.append(']');
        } else {
            scalar(out, node);
        }
    }

    private static List<String> keys(JsonNode object, boolean sorted) {
        List<String> keys = new ArrayList<>(object.size());
        object.fieldNames().forEachRemaining(keys::add);
        if (sorted) {
            keys.sort(UnknownFields.BYTEWISE);
        }
        return keys;
    }

    private static boolean key(StringBuilder out, String key, boolean first) {
        if (!first) {
            out.append(',');
        }
        string(out, key);
        out.append(':');
        return false;
    }

    private static void scalar(StringBuilder out, JsonNode node) {
        if (node.isTextual()) {
            string(out, node.textValue());
        } else {
            out.append(node.isNull() || node.isMissingNode() ? "null" : node.toString());
        }
    }

    /** A string as Go's JSON encoder writes it, HTML-safe. */
    static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"', '\\' -> out.append('\\').append(c);
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '<', '>', '&', '\u2028', '\u2029' -> out.append(String.format("\\u%04x", (int) c));
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else if (Character.isSurrogate(c) && !pairedSurrogate(s, i)) {
                        out.append("\\ufffd");
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean pairedSurrogate(String s, int i) {
        char c = s.charAt(i);
        return Character.isHighSurrogate(c) ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
