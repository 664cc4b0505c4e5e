package io.wharf.api.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import io.wharf.api.validation.FieldProblem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The uniqueness {@code x-kubernetes-list-type: set} and {@code map} promise: no two set items
 * equal, no two map-list items with the same key fields. Each repeated value is reported once,
 * at its second occurrence, as upstream does.
 */
final class ListTypeValidation {
    /** Stands for an absent key field: all absent keys are equal to each other. */
    private static final String UNSPECIFIED = "\u0000unspecified";

    private ListTypeValidation() {
    }

    static List<FieldProblem> validate(String path, StructuralSchema s, JsonNode object) {
        List<FieldProblem> out = new ArrayList<>();
        objectFields(path, s, object, out);
        return out;
    }

    private static void objectFields(String path, StructuralSchema s, JsonNode object, List<FieldProblem> out) {
        if (s == null || object == null || !object.isObject()) {
            return;
        }
        StructuralSchema additional = s.additionalPropertiesSchema();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (additional != null) {
                value(Paths.key(path, e.getKey()), additional, e.getValue(), out);
            }
            StructuralSchema property = s.property(e.getKey());
            if (property != null) {
                value(Paths.child(path, e.getKey()), property, e.getValue(), out);
            }
        }
    }

    private static void value(String path, StructuralSchema s, JsonNode value, List<FieldProblem> out) {
        if (value.isArray()) {
            array(path, s, value, out);
        } else if (value.isObject()) {
            objectFields(path, s, value, out);
        }
    }

    private static void array(String path, StructuralSchema s, JsonNode array, List<FieldProblem> out) {
        if ("set".equals(s.listType)) {
            List<JsonNode> items = new ArrayList<>();
            array.forEach(items::add);
            for (int i : secondOccurrences(items)) {
                out.add(new FieldProblem(FieldProblem.Type.DUPLICATE, Paths.index(path, i), GoFormat.badValue(items.get(i)), ""));
            }
        } else if ("map".equals(s.listType)) {
            mapList(path, s, array, out);
        }
        if (s.items != null) {
            for (int i = 0; i < array.size(); i++) {
                value(Paths.index(path, i), s.items, array.get(i), out);
            }
        }
    }

    private static void mapList(String path, StructuralSchema s, JsonNode array, List<FieldProblem> out) {
        for (int i = 0; i < array.size(); i++) {
            JsonNode item = array.get(i);
            if (!item.isNull() && !item.isObject()) {
                out.add(FieldProblem.invalid(Paths.index(path, i), GoFormat.badValue(item),
                        "must be an object for an array of list-type map"));
                return;
            }
        }
        if (array.size() <= 1) {
            return;
        }
        List<JsonNode> keys = new ArrayList<>();
        for (JsonNode item : array) {
            ObjectNode key = Json.object();
            if (s.listMapKeys.size() == 1) {
                JsonNode k = item.isObject() ? item.get(s.listMapKeys.get(0)) : null;
                keys.add(k == null ? Json.NODES.textNode(UNSPECIFIED) : k);
                continue;
            }
            for (String field : s.listMapKeys) {
                if (item.isObject() && item.has(field)) {
                    key.set(field, item.get(field));
                }
            }
            keys.add(key);
        }
        for (int i : secondOccurrences(keys)) {
            JsonNode badKey = keys.get(i);
            if (s.listMapKeys.size() == 1) {
                ObjectNode single = Json.object();
                if (!(badKey.isTextual() && UNSPECIFIED.equals(badKey.textValue()))) {
                    single.set(s.listMapKeys.get(0), badKey);
                }
                badKey = single;
            }
            out.add(new FieldProblem(FieldProblem.Type.DUPLICATE, Paths.index(path, i), GoFormat.badValue(badKey), ""));
        }
    }

    /** Indices where a value is seen for the second time; scalars compare by Go type and value, compounds by JSON. */
    private static List<Integer> secondOccurrences(List<JsonNode> items) {
        List<Integer> repeated = new ArrayList<>();
        if (items.size() <= 1) {
            return repeated;
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode x = items.get(i);
            JsonKind kind = JsonKind.of(x);
            String identity = kind + ":" + GoFormat.json(x);
            int times = seen.merge(identity, 1, Integer::sum);
            if (times == 2) {
                repeated.add(i);
            }
        }
        return repeated;
    }
}
