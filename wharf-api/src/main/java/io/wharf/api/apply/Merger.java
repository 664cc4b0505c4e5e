package io.wharf.api.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges an applied configuration into a live object, upstream's {@code TypedValue.Merge}: leaves
 * and atomic values take the configuration's value, granular maps merge key by key, associative
 * lists merge element by element (matched by key or value). Nothing is removed. List order
 * follows the configuration for the elements it names, with the live object's other elements
 * kept in place around them; map keys keep the live object's order, new keys follow.
 */
final class Merger {

    private Merger() {
    }

    /** The merged value; {@code lhs} (live) or {@code rhs} (config) may be null for absent. */
    static JsonNode merge(Shape shape, JsonNode lhs, JsonNode rhs) {
        if (rhs == null) {
            return lhs == null ? null : lhs.deepCopy();
        }
        Shape.Form rightForm = Shape.formOf(shape, rhs);
        // when the two sides differ in form the configuration's form wins and the live side is ignored
        JsonNode left = lhs == null || Shape.formOf(shape, lhs) == rightForm ? lhs : null;
        if (rightForm == Shape.Form.LEAF || Shape.atomic(shape)) {
            return rhs.deepCopy();
        }
        if (rightForm == Shape.Form.MAP) {
            return mergeMap(Shape.asMap(shape), left, rhs);
        }
        return mergeList((Shape.ListShape) shape, left, rhs);
    }

    private static boolean emptyContainer(JsonNode n) {
        return n == null || n.isNull() || ((n.isObject() || n.isArray()) && n.isEmpty());
    }

    private static JsonNode mergeMap(Shape.MapShape map, JsonNode lhs, JsonNode rhs) {
        if (emptyContainer(lhs) && emptyContainer(rhs)) {
            // both empty or null: a leaf, which keeps the empty/null distinction
            return rhs.deepCopy();
        }
        ObjectNode out = Json.object();
        if (lhs != null && lhs.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = lhs.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode r = rhs.isObject() ? rhs.get(e.getKey()) : null;
                out.set(e.getKey(), merge(map.field(e.getKey()), e.getValue(), r));
            }
        }
        if (rhs.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = rhs.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!out.has(e.getKey())) {
                    out.set(e.getKey(), merge(map.field(e.getKey()), null, e.getValue()));
                }
            }
        }
        return out;
    }

    private static JsonNode mergeList(Shape.ListShape list, JsonNode lhs, JsonNode rhs) {
        if (emptyContainer(lhs) && emptyContainer(rhs)) {
            return rhs.deepCopy();
        }
        List<PathElement> rhsNames = new ArrayList<>();
        Map<PathElement, JsonNode> rhsByName = new HashMap<>();
        for (JsonNode item : elements(rhs)) {
            PathElement pe = ListItems.pathElement(list, item);
            rhsNames.add(pe);
            rhsByName.put(pe, item);
        }
        List<PathElement> lhsNames = new ArrayList<>();
        // a name seen twice in the live list maps to null: duplicates are not merged with the config
        Map<PathElement, JsonNode> lhsByName = new LinkedHashMap<>();
        for (JsonNode item : elements(lhs)) {
            PathElement pe = ListItems.pathElement(list, item);
            lhsNames.add(pe);
            lhsByName.put(pe, lhsByName.containsKey(pe) ? Json.NODES.nullNode() : item);
        }
        List<PathElement> shared = new ArrayList<>();
        for (PathElement pe : rhsNames) {
            if (lhsByName.containsKey(pe)) {
                shared.add(pe);
            }
        }
        int nextShared = 0;
        Set<PathElement> mergedRhs = new HashSet<>();
        ArrayNode out = Json.array();
        Shape element = list.element();
        List<JsonNode> lhsItems = elements(lhs);
        int l = 0;
        int r = 0;
        while (l < lhsNames.size() || r < rhsNames.size()) {
            if (l < lhsNames.size() && r < rhsNames.size()) {
                PathElement pe = lhsNames.get(l);
                if (pe.equals(rhsNames.get(r))) {
                    mergedRhs.add(pe);
                    add(out, merge(element, lhsByName.get(pe), rhsByName.get(pe)));
                    l++;
                    r++;
                    nextShared++;
                    continue;
                }
                if (rhsByName.containsKey(pe) && nextShared < shared.size() && !shared.get(nextShared).equals(pe)) {
                    // a shared element the config puts later: it is emitted when the config reaches it
                    l++;
                    continue;
                }
            }
            if (l < lhsNames.size()) {
                PathElement pe = lhsNames.get(l);
                if (!rhsByName.containsKey(pe)) {
                    add(out, merge(element, lhsItems.get(l), null));
                    l++;
                    continue;
                } else if (mergedRhs.contains(pe)) {
                    l++;
                }
            }
            if (r < rhsNames.size()) {
                PathElement pe = rhsNames.get(r);
                mergedRhs.add(pe);
                add(out, merge(element, lhsByName.get(pe), rhsByName.get(pe)));
                r++;
                if (nextShared < shared.size() && shared.get(nextShared).equals(pe)) {
                    nextShared++;
                }
            }
        }
        return out;
    }

    private static void add(ArrayNode out, JsonNode item) {
        if (item != null) {
            out.add(item);
        }
    }

    private static List<JsonNode> elements(JsonNode list) {
        List<JsonNode> out = new ArrayList<>();
        if (list != null && list.isArray()) {
            list.forEach(out::add);
        }
        return out;
    }
}
