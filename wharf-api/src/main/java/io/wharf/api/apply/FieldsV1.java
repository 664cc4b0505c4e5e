package io.wharf.api.apply;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The FieldsV1 wire form of a {@link FieldSet}, as stored in {@code metadata.managedFields}: one
 * JSON object per level whose keys are encoded path elements ({@code f:name},
 * {@code k:{"name":"nginx"}}, {@code v:"value"}, {@code i:0}) and whose {@code ".": {}} entry marks
 * a path element that is a member as well as a parent.
 */
public final class FieldsV1 {

    private FieldsV1() {
    }

    /** Thrown when a FieldsV1 document cannot be read. */
    public static final class FormatException extends IllegalArgumentException {
        FormatException(String message) {
            super(message);
        }
    }

    public static ObjectNode encode(FieldSet set) {
        ObjectNode out = Json.object();
        writeContents(set, false, out);
        return out;
    }

    /** Writes members and children interleaved in path element order, as upstream does. */
    private static void writeContents(FieldSet set, boolean includeSelf, ObjectNode out) {
        if (includeSelf && !set.isEmpty()) {
            out.set(".", Json.object());
        }
        List<PathElement> order = new ArrayList<>(set.members());
        for (PathElement pe : set.children().keySet()) {
            if (!set.members().contains(pe)) {
                order.add(pe);
            }
        }
        order.sort(null);
        for (PathElement pe : order) {
            ObjectNode node = Json.object();
            FieldSet child = set.children().get(pe);
            if (child != null) {
                writeContents(child, set.members().contains(pe), node);
            }
            out.set(encode(pe), node);
        }
    }

    /** The key for one path element: {@code f:}, {@code k:}, {@code v:} or {@code i:} and its content. */
    public static String encode(PathElement pe) {
        if (pe instanceof PathElement.Field f) {
            return "f:" + f.name();
        }
        if (pe instanceof PathElement.Key k) {
            StringBuilder out = new StringBuilder("k:{");
            boolean first = true;
            for (PathElement.KeyField kf : k.fields()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                GoJson.string(kf.name(), out);
                out.append(':');
                GoJson.write(kf.value(), out);
            }
            return out.append('}').toString();
        }
        if (pe instanceof PathElement.Value v) {
            return "v:" + GoJson.write(v.value());
        }
        return "i:" + ((PathElement.Index) pe).index();
    }

    public static FieldSet decode(JsonNode fields) {
        if (fields == null || fields.isNull()) {
            return FieldSet.empty();
        }
        if (!fields.isObject()) {
            throw new FormatException("FieldsV1 must be a JSON object");
        }
        FieldSet.Builder b = new FieldSet.Builder();
        read(fields, new ArrayList<>(), b);
        return b.build();
    }

    /** Reads one level; returns whether the level's own path is a member of the set. */
    private static boolean read(JsonNode level, List<PathElement> prefix, FieldSet.Builder out) {
        if (!level.isObject()) {
            throw new FormatException("FieldsV1 values must be JSON objects");
        }
        boolean member = false;
        boolean hasChildren = false;
        for (Iterator<Map.Entry<String, JsonNode>> it = level.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals(".")) {
                member = true;
                continue;
            }
            PathElement pe = decodeElement(e.getKey());
            if (pe == null) {
                // a kind of element a later version may know: dropped, as upstream does
                continue;
            }
            hasChildren = true;
            prefix.add(pe);
            if (read(e.getValue(), prefix, out)) {
                out.insert(prefix);
            }
            prefix.remove(prefix.size() - 1);
        }
        return member || !hasChildren;
    }

    /** Parses one key; null for a well-formed key of an unknown kind. */
    public static PathElement decodeElement(String key) {
        if (key.length() < 2) {
            throw new FormatException("key must be 2 characters long: " + key);
        }
        if (key.charAt(1) != ':') {
            throw new FormatException("missing colon: " + key);
        }
        String content = key.substring(2);
        return switch (key.charAt(0)) {
            case 'f' -> new PathElement.Field(content);
            case 'v' -> new PathElement.Value(parseJson(content, key));
            case 'k' -> key(parseJson(content, key), key);
            case 'i' -> index(content, key);
            default -> null;
        };
    }

    private static PathElement key(JsonNode object, String key) {
        if (!object.isObject() || object.isEmpty()) {
            throw new FormatException("key element must be a non-empty JSON object: " + key);
        }
        List<PathElement.KeyField> fields = new ArrayList<>();
        object.fields().forEachRemaining(f -> fields.add(new PathElement.KeyField(f.getKey(), f.getValue())));
        return new PathElement.Key(fields);
    }

    private static PathElement index(String content, String key) {
        try {
            return new PathElement.Index(Integer.parseInt(content));
        } catch (NumberFormatException e) {
            throw new FormatException("invalid index element: " + key);
        }
    }

    private static JsonNode parseJson(String content, String key) {
        try {
            JsonNode n = Json.LENIENT.readTree(content);
            if (n == null || n.isMissingNode()) {
                throw new FormatException("empty element: " + key);
            }
            return n;
        } catch (JsonProcessingException e) {
            throw new FormatException("invalid JSON in element " + key + ": " + e.getOriginalMessage());
        }
    }
}
