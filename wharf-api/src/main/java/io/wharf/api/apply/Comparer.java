package io.wharf.api.apply;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares two versions of an object field by field, upstream's {@code TypedValue.Compare}.
 * Leaves and atomic values are compared whole. A granular map or list that appears or disappears
 * is itself added or removed along with everything inside it, which is why an update that adds
 * labels owns {@code f:labels} with {@code "."}. Elements duplicated in a list are compared as
 * a whole.
 */
final class Comparer {
    private final FieldSet.Builder added = new FieldSet.Builder();
    private final FieldSet.Builder modified = new FieldSet.Builder();
    private final FieldSet.Builder removed = new FieldSet.Builder();

    private Comparer() {
    }

    /** Compares {@code lhs} (older) with {@code rhs} (newer); either may be null for absent. */
    static Comparison compare(Shape shape, JsonNode lhs, JsonNode rhs) {
        Comparer c = new Comparer();
        c.node(shape, lhs, rhs, new ArrayList<>());
        return new Comparison(c.added.build(), c.modified.build(), c.removed.build());
    }

    private void node(Shape shape, JsonNode lhs, JsonNode rhs, List<PathElement> path) {
        boolean inLeaf;
        Shape.Form lf = lhs == null ? null : Shape.formOf(shape, lhs);
        Shape.Form rf = rhs == null ? null : Shape.formOf(shape, rhs);
        if (rhs == null) {
            inLeaf = handle(lf, shape, lhs, null, path);
        } else if (lhs == null || lf == rf) {
            inLeaf = handle(rf, shape, lhs, rhs, path);
        } else {
            // values of different forms: both are looked at, each seeing the other as absent where it must
            handle(lf, shape, lhs, rhs, path);
            inLeaf = handle(rf, shape, lhs, rhs, path);
        }
        if (!inLeaf) {
            if (lhs == null) {
                added.insert(path);
            } else if (rhs == null) {
                removed.insert(path);
            }
        }
    }

    /** Handles one form; returns whether the node was treated as a leaf. */
    private boolean handle(Shape.Form form, Shape shape, JsonNode lhs, JsonNode rhs, List<PathElement> path) {
        if (form == Shape.Form.LEAF) {
            leaf(lhs, rhs, path);
            return true;
        }
        boolean map = form == Shape.Form.MAP;
        JsonNode l = lhs != null && (map ? lhs.isObject() : lhs.isArray()) ? lhs : null;
        JsonNode r = rhs != null && (map ? rhs.isObject() : rhs.isArray()) ? rhs : null;
        boolean bothEmpty = (l == null || l.isEmpty()) && (r == null || r.isEmpty());
        if (Shape.atomic(shape) || bothEmpty) {
            leaf(lhs, rhs, path);
            return true;
        }
        if (map) {
            mapItems(Shape.asMap(shape), l, r, path);
        } else {
            listItems((Shape.ListShape) shape, l, r, path);
        }
        return false;
    }

    private void leaf(JsonNode lhs, JsonNode rhs, List<PathElement> path) {
        if (lhs == null) {
            added.insert(path);
        } else if (rhs == null) {
            removed.insert(path);
        } else if (!Values.equal(lhs, rhs)) {
            modified.insert(path);
        }
    }

    private void mapItems(Shape.MapShape map, JsonNode lhs, JsonNode rhs, List<PathElement> path) {
        Set<String> keys = new LinkedHashSet<>();
        if (lhs != null) {
            lhs.fieldNames().forEachRemaining(keys::add);
        }
        if (rhs != null) {
            rhs.fieldNames().forEachRemaining(keys::add);
        }
        for (String key : keys) {
            path.add(new PathElement.Field(key));
            node(map.field(key), lhs == null ? null : lhs.get(key), rhs == null ? null : rhs.get(key), path);
            path.remove(path.size() - 1);
        }
    }

    private void listItems(Shape.ListShape list, JsonNode lhs, JsonNode rhs, List<PathElement> path) {
        Map<PathElement, List<JsonNode>> left = byName(list, lhs);
        Map<PathElement, List<JsonNode>> right = byName(list, rhs);
        Set<PathElement> all = new LinkedHashSet<>(left.keySet());
        all.addAll(right.keySet());
        Shape element = list.element();
        for (PathElement pe : all) {
            List<JsonNode> l = left.getOrDefault(pe, List.of());
            List<JsonNode> r = right.getOrDefault(pe, List.of());
            path.add(pe);
            if (l.size() <= 1 && r.size() <= 1) {
                node(element, l.isEmpty() ? null : l.get(0), r.isEmpty() ? null : r.get(0), path);
            } else if (l.size() >= 2 && r.size() >= 2) {
                if (!sameItems(l, r)) {
                    modified.insert(path);
                }
            } else if (l.size() >= 2) {
                // duplicates resolved: the single new element is added, the duplicate marker removed
                if (!r.isEmpty()) {
                    node(element, null, r.get(0), path);
                }
                removed.insert(path);
            } else {
                if (!l.isEmpty()) {
                    node(element, l.get(0), null, path);
                }
                added.insert(path);
            }
            path.remove(path.size() - 1);
        }
    }

    private static boolean sameItems(List<JsonNode> l, List<JsonNode> r) {
        if (l.size() != r.size()) {
            return false;
        }
        for (int i = 0; i < l.size(); i++) {
            if (!Values.equal(l.get(i), r.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static Map<PathElement, List<JsonNode>> byName(Shape.ListShape list, JsonNode items) {
        Map<PathElement, List<JsonNode>> out = new LinkedHashMap<>();
        if (items != null) {
            for (Iterator<JsonNode> it = items.elements(); it.hasNext(); ) {
                JsonNode item = it.next();
                out.computeIfAbsent(ListItems.pathElement(list, item), k -> new ArrayList<>()).add(item);
            }
        }
        return out;
    }
}
