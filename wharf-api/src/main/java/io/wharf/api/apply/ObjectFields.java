package io.wharf.api.apply;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The set of fields an object sets, upstream's {@code ToFieldSet}: every leaf and atomic value,
 * every element of an associative list (as a member, with its fields below it), and the keys of
 * maps that are not declared struct fields, or whose value is null or an empty map. A struct
 * field with content is only a parent, which is why FieldsV1 shows {@code f:spec} without
 * {@code "."}. An element that appears more than once is owned as a whole, without its fields.
 */
final class ObjectFields {

    private ObjectFields() {
    }

    static FieldSet of(Shape shape, JsonNode value) {
        FieldSet.Builder out = new FieldSet.Builder();
        walk(shape, value, new ArrayList<>(), out);
        return out.build();
    }

    private static void walk(Shape shape, JsonNode value, List<PathElement> path, FieldSet.Builder out) {
        Shape.Form form = Shape.formOf(shape, value);
        if (form == Shape.Form.LEAF || Shape.atomic(shape)) {
            out.insert(path);
            return;
        }
        if (value == null || value.isNull()) {
            return;
        }
        if (form == Shape.Form.MAP) {
            walkMap(Shape.asMap(shape), value, path, out);
        } else {
            walkList((Shape.ListShape) shape, value, path, out);
        }
    }

    private static void walkMap(Shape.MapShape map, JsonNode value, List<PathElement> path, FieldSet.Builder out) {
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            path.add(new PathElement.Field(e.getKey()));
            walk(map.field(e.getKey()), v, path, out);
            if (v.isNull() || (v.isObject() && v.isEmpty()) || !map.isDeclared(e.getKey())) {
                out.insert(path);
            }
            path.remove(path.size() - 1);
        }
    }

    private static void walkList(Shape.ListShape list, JsonNode value, List<PathElement> path, FieldSet.Builder out) {
        Set<PathElement> seen = new HashSet<>();
        Set<PathElement> duplicates = new HashSet<>();
        List<PathElement> names = new ArrayList<>();
        for (JsonNode item : value) {
            PathElement pe = ListItems.pathElement(list, item);
            names.add(pe);
            if (!seen.add(pe)) {
                duplicates.add(pe);
            }
        }
        for (int i = 0; i < value.size(); i++) {
            PathElement pe = names.get(i);
            path.add(pe);
            if (duplicates.contains(pe)) {
                out.insert(path);
            } else {
                walk(list.element(), value.get(i), path, out);
                out.insert(path);
            }
            path.remove(path.size() - 1);
        }
    }
}
