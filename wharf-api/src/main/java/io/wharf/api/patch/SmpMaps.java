package io.wharf.api.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merging of a patch map into a live map: the map's own directives ({@code $patch},
 * {@code $retainKeys}, {@code $setElementOrder/...}), then each patch key in turn.
 */
final class SmpMaps {
    private SmpMaps() {
    }

    /**
     * Merges {@code patch} into {@code original}, which is modified and returned unless a
     * {@code $patch} directive makes a new map. {@code patch} is only read.
     */
    static ObjectNode merge(ObjectNode original, ObjectNode patch, SmpSchema schema) {
        JsonNode directive = patch.get(SmpDirectives.PATCH);
        if (directive != null) {
            return mapDirective(directive, patch);
        }
        retainKeys(original, patch);
        Set<String> done = applySetElementOrders(original, patch, schema);
        for (Map.Entry<String, JsonNode> e : patch.properties()) {
            String key = e.getKey();
            if (key.equals(SmpDirectives.RETAIN_KEYS) || SmpDirectives.isSetElementOrder(key) || done.contains(key)) {
                continue;
            }
            boolean deletionList = SmpDirectives.isDeleteFromPrimitiveList(key);
            if (deletionList) {
                key = SmpDirectives.fieldOf(key, SmpDirectives.DELETE_FROM_PRIMITIVE_LIST);
            }
            mergeField(original, key, e.getValue(), schema, deletionList);
        }
        return original;
    }

    /** A map for a field whose strategy is replace: the patch map, its own directive honoured. */
    private static ObjectNode replacement(ObjectNode patch) {
        JsonNode directive = patch.get(SmpDirectives.PATCH);
        return directive != null ? mapDirective(directive, patch) : (ObjectNode) SmpValues.clean(patch);
    }

    private static ObjectNode mapDirective(JsonNode directive, ObjectNode patch) {
        String d = directive.isTextual() ? directive.asText() : SmpValues.go(directive);
        if (d.equals(SmpDirectives.REPLACE)) {
            ObjectNode replacement = patch.deepCopy();
            replacement.remove(SmpDirectives.PATCH);
            return (ObjectNode) SmpValues.clean(replacement);
        }
        if (d.equals(SmpDirectives.DELETE)) {
            return Json.object();
        }
        throw PatchException.malformed("unknown patch type: " + d + " in map: " + SmpValues.go(patch));
    }

    private static void mergeField(ObjectNode original, String key, JsonNode patchValue, SmpSchema schema,
                                   boolean deletionList) {
        if (patchValue.isNull()) {
            original.remove(key);
            return;
        }
        JsonNode current = original.get(key);
        SmpValues.Kind kind = SmpValues.kind(patchValue);
        if (current == null || SmpValues.kind(current) != kind) {
            // nothing to merge with: the patch value is taken as it is, deletions have nothing to do
            if (!deletionList) {
                put(original, key, SmpValues.clean(patchValue));
            }
            return;
        }
        SmpSchema.Field field = schema.field(key);
        switch (kind) {
            case OBJECT -> original.set(key, field.replacesMaps()
                    ? replacement((ObjectNode) patchValue)
                    : merge((ObjectNode) current, (ObjectNode) patchValue, field.value()));
            case ARRAY -> original.set(key, SmpValues.array(SmpLists.apply(
                    SmpValues.elements(current), SmpValues.elements(patchValue), field, deletionList)));
            default -> original.set(key, patchValue);
        }
    }

    private static void put(ObjectNode target, String key, JsonNode value) {
        if (value == null) {
            target.remove(key);
        } else {
            target.set(key, value);
        }
    }

    /** {@code $retainKeys}: clears every live field not listed; the patch may only set listed fields. */
    private static void retainKeys(ObjectNode original, ObjectNode patch) {
        JsonNode retain = patch.get(SmpDirectives.RETAIN_KEYS);
        if (retain == null) {
            return;
        }
        if (!retain.isArray()) {
            throw PatchException.malformed("invalid patch format of retainKeys");
        }
        Set<String> keep = new HashSet<>();
        for (JsonNode k : retain) {
            if (k.isTextual()) {
                keep.add(k.asText());
            }
        }
        for (Map.Entry<String, JsonNode> e : patch.properties()) {
            String k = e.getKey();
            if (e.getValue().isNull() || k.equals(SmpDirectives.RETAIN_KEYS)
                    || SmpDirectives.isSetElementOrder(k) || SmpDirectives.isDeleteFromPrimitiveList(k)) {
                continue;
            }
            if (!keep.contains(k)) {
                throw PatchException.malformed("invalid patch format of retainKeys");
            }
        }
        original.retain(keep);
    }

    /**
     * Applies each {@code $setElementOrder/<field>} together with the field's patch list, and
     * returns the fields so handled.
     */
    private static Set<String> applySetElementOrders(ObjectNode original, ObjectNode patch, SmpSchema schema) {
        Set<String> done = new HashSet<>();
        for (Map.Entry<String, JsonNode> e : patch.properties()) {
            if (!SmpDirectives.isSetElementOrder(e.getKey())) {
                continue;
            }
            JsonNode order = e.getValue();
            if (!order.isArray()) {
                throw PatchException.malformed(SmpValues.badArgType("[]interface {}", order));
            }
            String key = SmpDirectives.fieldOf(e.getKey(), SmpDirectives.SET_ELEMENT_ORDER);
            JsonNode live = original.get(key);
            JsonNode listPatch = patch.get(key);
            boolean hasLive = live != null && !live.isNull();
            if (hasLive && !live.isArray()) {
                throw PatchException.cannotApply(SmpValues.badArgType("[]interface {}", live));
            }
            if (listPatch != null && !listPatch.isArray()) {
                throw PatchException.malformed(SmpValues.badArgType("[]interface {}", listPatch));
            }
            if (!hasLive && listPatch == null) {
                continue;
            }
            SmpSchema.Field field = schema.field(key);
            List<JsonNode> orderList = SmpValues.elements(order);
            List<JsonNode> liveList = hasLive ? SmpValues.elements(live) : List.of();
            List<JsonNode> patchList = listPatch == null ? List.of() : SmpValues.elements(listPatch);
            SmpValues.Kind kind = SmpLists.elementKind(liveList, patchList);
            String mergeKey = kind == SmpValues.Kind.OBJECT ? emptyToNull(field.mergeKey()) : null;
            SmpOrder.validateAgainstSetElementOrder(patchList, orderList, mergeKey);

            List<JsonNode> merged;
            if (listPatch == null) {
                merged = liveList;
            } else if (!hasLive) {
                merged = SmpLists.cleaned(patchList);
            } else {
                merged = SmpLists.apply(liveList, patchList, field, false);
            }
            done.add(key);
            if (merged.isEmpty() || (kind == SmpValues.Kind.OBJECT && mergeKey == null)) {
                // nothing to order, or maps without a key to order them by
                original.set(key, SmpValues.array(merged));
                continue;
            }
            List<List<JsonNode>> parts = SmpOrder.partition(merged, orderList, mergeKey);
            original.set(key, SmpValues.array(
                    SmpOrder.normalize(parts.get(0), parts.get(1), orderList, liveList, mergeKey)));
        }
        return done;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
