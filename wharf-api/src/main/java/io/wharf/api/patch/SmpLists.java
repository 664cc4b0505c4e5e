package io.wharf.api.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Merging of a patch list into a live list: by merge key for lists of maps, as a set for lists
 * of scalars, with {@code $patch} elements and the {@code $deleteFromPrimitiveList} parallel list.
 */
final class SmpLists {
    private SmpLists() {
    }

    /**
     * The value of a list field after the patch: merged when the field's strategy says so (or
     * when it is a deletion list), otherwise the patch list itself.
     */
    static List<JsonNode> apply(List<JsonNode> original, List<JsonNode> patch, SmpSchema.Field field,
                                boolean deletionList) {
        if (field.mergesLists() || deletionList) {
            return merge(original, patch, field, deletionList);
        }
        return cleaned(patch);
    }

    static List<JsonNode> cleaned(List<JsonNode> patch) {
        List<JsonNode> out = new ArrayList<>(patch.size());
        for (JsonNode v : patch) {
            JsonNode c = v.isNull() ? v : SmpValues.clean(v);
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    private static List<JsonNode> merge(List<JsonNode> original, List<JsonNode> patch, SmpSchema.Field field,
                                        boolean deletionList) {
        if (original.isEmpty() && patch.isEmpty()) {
            return original;
        }
        SmpValues.Kind kind = elementKind(original, patch);
        if (kind != SmpValues.Kind.OBJECT) {
            if (deletionList) {
                return withoutValues(original, patch);
            }
            List<JsonNode> merged = new ArrayList<>();
            for (JsonNode v : original) {
                addIfAbsent(merged, v);
            }
            for (JsonNode v : patch) {
                addIfAbsent(merged, v);
            }
            List<List<JsonNode>> parts = SmpOrder.partition(merged, patch, null);
            return SmpOrder.normalize(parts.get(0), parts.get(1), patch, original, null);
        }
        String mergeKey = field.mergeKey();
        if (mergeKey == null || mergeKey.isEmpty()) {
            throw PatchException.cannotApply("cannot merge lists without merge key for " + field.items().name());
        }
        List<JsonNode> live = new ArrayList<>(original);
        List<JsonNode> items = new ArrayList<>();
        boolean replace = false;
        for (JsonNode v : patch) {
            JsonNode directive = v.get(SmpDirectives.PATCH);
            if (directive == null) {
                items.add(v);
                continue;
            }
            String d = directive.isTextual() ? directive.asText() : SmpValues.go(directive);
            switch (d) {
                case SmpDirectives.DELETE -> {
                    if (!v.has(mergeKey)) {
                        throw PatchException.malformed(SmpValues.noMergeKey(v, mergeKey));
                    }
                    removeMatching(live, mergeKey, v.get(mergeKey));
                }
                case SmpDirectives.REPLACE -> replace = true;
                case SmpDirectives.MERGE -> throw PatchException.malformed(
                        "merging lists cannot yet be specified in the patch");
                default -> throw PatchException.malformed(
                        "unknown patch type: " + d + " in map: " + SmpValues.go(v));
            }
        }
        if (replace) {
            // the patch's other elements become the list; they still need their keys
            for (JsonNode item : items) {
                SmpOrder.requireMergeKey(item, mergeKey, true);
            }
            live = cleaned(items);
            items = List.of();
        }
        List<JsonNode> serverOrder = List.copyOf(live);
        List<JsonNode> merged = mergeByKey(live, items, mergeKey, field.items());
        List<List<JsonNode>> parts = SmpOrder.partition(merged, items, mergeKey);
        return SmpOrder.normalize(parts.get(0), parts.get(1), items, serverOrder, mergeKey);
    }

    private static List<JsonNode> mergeByKey(List<JsonNode> live, List<JsonNode> items, String mergeKey,
                                             SmpSchema itemSchema) {
        for (JsonNode item : items) {
            if (!item.has(mergeKey)) {
                throw PatchException.malformed(SmpValues.noMergeKey(item, mergeKey));
            }
            int at = find(live, mergeKey, item.get(mergeKey));
            if (at >= 0) {
                live.set(at, SmpMaps.merge((ObjectNode) live.get(at), (ObjectNode) item, itemSchema));
            } else {
                live.add(SmpValues.clean(item));
            }
        }
        return live;
    }

    private static int find(List<JsonNode> list, String mergeKey, JsonNode value) {
        for (int i = 0; i < list.size(); i++) {
            JsonNode v = list.get(i);
            if (!v.isObject()) {
                throw PatchException.cannotApply("value for key " + i + " is not a map");
            }
            if (v.has(mergeKey) && SmpValues.same(v.get(mergeKey), value)) {
                return i;
            }
        }
        return -1;
    }

    private static void removeMatching(List<JsonNode> list, String mergeKey, JsonNode value) {
        for (int at = find(list, mergeKey, value); at >= 0; at = find(list, mergeKey, value)) {
            list.remove(at);
        }
    }

    private static List<JsonNode> withoutValues(List<JsonNode> original, List<JsonNode> toDelete) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode v : original) {
            if (SmpValues.indexOf(toDelete, v) < 0) {
                out.add(v);
            }
        }
        return out;
    }

    private static void addIfAbsent(List<JsonNode> list, JsonNode v) {
        if (SmpValues.indexOf(list, v) < 0) {
            list.add(v);
        }
    }

    /** The one kind all elements of both lists share; lists of lists and mixed lists cannot merge. */
    static SmpValues.Kind elementKind(List<JsonNode> original, List<JsonNode> patch) {
        SmpValues.Kind kind = null;
        for (List<JsonNode> list : List.of(original, patch)) {
            for (JsonNode v : list) {
                SmpValues.Kind k = SmpValues.kind(v);
                if (kind == null) {
                    if (k == SmpValues.Kind.ARRAY) {
                        throw PatchException.cannotApply("lists of lists are not supported");
                    }
                    kind = k;
                } else if (k != kind) {
                    throw PatchException.cannotApply("list element types are not identical: ["
                            + SmpValues.go(original) + " " + SmpValues.go(patch) + "]");
                }
            }
        }
        return kind;
    }
}
