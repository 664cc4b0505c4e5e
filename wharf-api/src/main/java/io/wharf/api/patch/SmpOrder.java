package io.wharf.api.patch;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Element order of merged lists. Items named by the patch keep the patch's order (or that of
 * {@code $setElementOrder}), items only the server has keep theirs, and the two are interleaved
 * using the live list's order as a guide, as upstream's order preservation does.
 *
 * <p>{@code mergeKey} is null for lists of scalars, which are compared by value.
 */
final class SmpOrder {
    private SmpOrder() {
    }

    /** Splits {@code merged} into the items present in {@code by} and the rest, keeping order. */
    static List<List<JsonNode>> partition(List<JsonNode> merged, List<JsonNode> by, String mergeKey) {
        List<JsonNode> present = new ArrayList<>();
        List<JsonNode> absent = new ArrayList<>();
        for (JsonNode v : merged) {
            boolean found;
            if (mergeKey == null) {
                found = SmpValues.indexOf(by, v) >= 0;
            } else {
                requireMergeKey(v, mergeKey, false);
                found = indexByKey(by, v.get(mergeKey), mergeKey) >= 0;
            }
            (found ? present : absent).add(v);
        }
        return List.of(present, absent);
    }

    /**
     * Orders {@code patchItems} by {@code patchOrder} and {@code serverOnly} by {@code serverOrder},
     * then interleaves them.
     */
    static List<JsonNode> normalize(List<JsonNode> patchItems, List<JsonNode> serverOnly, List<JsonNode> patchOrder,
                                    List<JsonNode> serverOrder, String mergeKey) {
        List<JsonNode> patchSorted = sortBy(patchItems, patchOrder, mergeKey, true);
        List<JsonNode> serverSorted = sortBy(serverOnly, serverOrder, mergeKey, false);
        return interleave(serverSorted, patchSorted, serverOrder, mergeKey);
    }

    /** A stable sort by position in {@code order}; items it lacks go last. */
    private static List<JsonNode> sortBy(List<JsonNode> items, List<JsonNode> order, String mergeKey,
                                         boolean fromPatch) {
        if (mergeKey != null) {
            for (JsonNode v : items) {
                requireMergeKey(v, mergeKey, fromPatch);
            }
            for (JsonNode v : order) {
                requireMergeKey(v, mergeKey, fromPatch);
            }
        }
        List<Ranked> ranked = new ArrayList<>(items.size());
        for (JsonNode v : items) {
            int i = position(order, v, mergeKey);
            ranked.add(new Ranked(v, i < 0 ? Integer.MAX_VALUE : i));
        }
        ranked.sort(Comparator.comparingInt(Ranked::rank));
        List<JsonNode> out = new ArrayList<>(items.size());
        ranked.forEach(r -> out.add(r.value()));
        return out;
    }

    /**
     * Merges two ordered, disjoint lists: a server-only item goes before the next patch item when
     * the live list has it earlier; items unknown to the live list go first.
     */
    private static List<JsonNode> interleave(List<JsonNode> left, List<JsonNode> right, List<JsonNode> serverOrder,
                                             String mergeKey) {
        List<JsonNode> out = new ArrayList<>(left.size() + right.size());
        int i = 0;
        int j = 0;
        while (i < left.size() || j < right.size()) {
            if (i >= left.size()) {
                out.add(right.get(j++));
            } else if (j >= right.size()) {
                out.add(left.get(i++));
            } else {
                int li = position(serverOrder, left.get(i), mergeKey);
                int ri = position(serverOrder, right.get(j), mergeKey);
                if (li >= 0 && ri >= 0 && li < ri) {
                    out.add(left.get(i++));
                } else {
                    out.add(right.get(j++));
                }
            }
        }
        return out;
    }

    private record Ranked(JsonNode value, int rank) {
    }

    private static int position(List<JsonNode> order, JsonNode item, String mergeKey) {
        return mergeKey == null ? SmpValues.indexOf(order, item) : indexByKey(order, item.get(mergeKey), mergeKey);
    }

    static int indexByKey(List<JsonNode> list, JsonNode keyValue, String mergeKey) {
        for (int i = 0; i < list.size(); i++) {
            JsonNode v = list.get(i);
            if (v.isObject() && SmpValues.same(v.get(mergeKey), keyValue)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Checks that the items a patch lists keep the relative order {@code $setElementOrder} gives
     * and are all named there; deletions and other directive items are exempt.
     */
    static void validateAgainstSetElementOrder(List<JsonNode> patchList, List<JsonNode> order, String mergeKey) {
        if (order.isEmpty() || patchList.isEmpty()) {
            return;
        }
        List<JsonNode> items = new ArrayList<>();
        for (JsonNode v : patchList) {
            if (mergeKey != null && !v.isObject()) {
                throw PatchException.malformed(SmpValues.badArgType("map[string]interface {}", v));
            }
            if (mergeKey == null || !SmpDirectives.DELETE.equals(v.path(SmpDirectives.PATCH).asText(null))) {
                items.add(v);
            }
        }
        int p = 0;
        int s = 0;
        while (p < items.size() && s < order.size()) {
            JsonNode item = items.get(p);
            if (item.isObject() && item.has(SmpDirectives.PATCH)) {
                p++;
                continue;
            }
            if (keyEqual(item, order.get(s), mergeKey)) {
                p++;
            }
            s++;
        }
        if (p < items.size()) {
            throw PatchException.malformed("The order in patch list:\n" + SmpValues.go(patchList)
                    + "\n doesn't match " + SmpDirectives.SET_ELEMENT_ORDER + " list:\n" + SmpValues.go(order) + "\n");
        }
    }

    private static boolean keyEqual(JsonNode patchItem, JsonNode orderItem, String mergeKey) {
        if (mergeKey == null) {
            return SmpValues.same(patchItem, orderItem);
        }
        requireMergeKey(patchItem, mergeKey, true);
        requireMergeKey(orderItem, mergeKey, true);
        return SmpValues.same(patchItem.get(mergeKey), orderItem.get(mergeKey));
    }

    /** Every element of a keyed list must be a map with the key; a patch lacking it is malformed. */
    static void requireMergeKey(JsonNode v, String mergeKey, boolean fromPatch) {
        String problem = null;
        if (!v.isObject()) {
            problem = SmpValues.badArgType("map[string]interface {}", v);
        } else if (!v.has(mergeKey)) {
            problem = SmpValues.noMergeKey(v, mergeKey);
        }
        if (problem != null) {
            throw fromPatch ? PatchException.malformed(problem) : PatchException.cannotApply(problem);
        }
    }
}
