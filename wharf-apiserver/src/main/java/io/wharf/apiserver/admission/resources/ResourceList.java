package io.wharf.apiserver.admission.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import io.wharf.api.quantity.Quantity;
import io.wharf.api.quantity.QuantityFormat;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An immutable resource list (requests, limits, quota hard or used): quantities by resource name,
 * kept in name order so whatever is printed from it comes out in the sorted order upstream prints.
 * The operations are upstream's quota helpers (Add, Mask, LessThanOrEqual...).
 */
public final class ResourceList {
    public static final ResourceList EMPTY = new ResourceList(new TreeMap<>());
    private static final Quantity ZERO = Quantity.ofLong(0, QuantityFormat.DECIMAL_SI);

    private final SortedMap<String, Quantity> items;

    private ResourceList(SortedMap<String, Quantity> items) {
        this.items = Collections.unmodifiableSortedMap(items);
    }

    /**
     * The list in a JSON map such as {@code {"cpu":"500m"}}; a missing or non-object node is empty.
     * Values were validated on their way into the store, so an unparsable one is a bug elsewhere.
     */
    public static ResourceList of(JsonNode node) {
        TreeMap<String, Quantity> m = new TreeMap<>();
        if (node != null && node.isObject()) {
            node.fields().forEachRemaining(e -> m.put(e.getKey(), Quantity.parse(e.getValue().asText())));
        }
        return new ResourceList(m);
    }

    public static ResourceList of(Map<String, Quantity> items) {
        return new ResourceList(new TreeMap<>(items));
    }

    public static ResourceList single(String name, Quantity q) {
        return of(Map.of(name, q));
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    public boolean has(String name) {
        return items.containsKey(name);
    }

    /** The quantity, or null when the list does not name the resource. */
    public Quantity get(String name) {
        return items.get(name);
    }

    public Set<String> names() {
        return items.keySet();
    }

    public Map<String, Quantity> asMap() {
        return items;
    }

    public ResourceList with(String name, Quantity q) {
        TreeMap<String, Quantity> m = new TreeMap<>(items);
        m.put(name, q);
        return new ResourceList(m);
    }

    /** Sums by name; names in either list appear in the result. */
    public ResourceList plus(ResourceList other) {
        TreeMap<String, Quantity> m = new TreeMap<>(items);
        other.items.forEach((k, v) -> m.merge(k, v, Quantity::add));
        return new ResourceList(m);
    }

    /** For every name in {@code other}, the larger of the two quantities. */
    public ResourceList max(ResourceList other) {
        TreeMap<String, Quantity> m = new TreeMap<>(items);
        other.items.forEach((k, v) -> m.merge(k, v, (a, b) -> b.compareTo(a) > 0 ? b : a));
        return new ResourceList(m);
    }

    /**
     * This minus {@code other}, never below zero: names only in {@code other} come out as zero
     * (upstream's SubtractWithNonNegativeResult).
     */
    public ResourceList minusFloorZero(ResourceList other) {
        TreeMap<String, Quantity> m = new TreeMap<>();
        items.forEach((k, v) -> {
            Quantity q = other.has(k) ? v.subtract(other.get(k)) : v;
            m.put(k, q.signum() > 0 ? q : ZERO);
        });
        other.items.keySet().forEach(k -> m.putIfAbsent(k, ZERO));
        return new ResourceList(m);
    }

    /** Only the named resources. */
    public ResourceList mask(Collection<String> names) {
        TreeMap<String, Quantity> m = new TreeMap<>();
        items.forEach((k, v) -> {
            if (names.contains(k)) {
                m.put(k, v);
            }
        });
        return new ResourceList(m);
    }

    public ResourceList withoutZeros() {
        TreeMap<String, Quantity> m = new TreeMap<>();
        items.forEach((k, v) -> {
            if (!v.isZero()) {
                m.put(k, v);
            }
        });
        return new ResourceList(m);
    }

    /** Names whose quantity is negative. */
    public List<String> negatives() {
        return items.entrySet().stream().filter(e -> e.getValue().signum() < 0).map(Map.Entry::getKey).toList();
    }

    /** Names where this exceeds {@code limits}; names {@code limits} does not have are never exceeded. */
    public List<String> exceeding(ResourceList limits) {
        List<String> out = new ArrayList<>();
        items.forEach((k, v) -> {
            Quantity limit = limits.get(k);
            if (limit != null && v.compareTo(limit) > 0) {
                out.add(k);
            }
        });
        return out;
    }

    /** Equal names with equal quantities (by value, whatever their format). */
    public boolean sameAs(ResourceList other) {
        return items.equals(other.items);
    }

    /** {@code a=1,b=2Gi}: upstream's prettyPrint of a resource list. */
    public String pretty() {
        List<String> parts = new ArrayList<>();
        items.forEach((k, v) -> parts.add(k + "=" + v.canonical()));
        return String.join(",", parts);
    }

    /** The list as a JSON map of canonical quantities. */
    public ObjectNode toJson() {
        ObjectNode o = Json.object();
        items.forEach((k, v) -> o.put(k, v.canonical()));
        return o;
    }

    @Override
    public String toString() {
        return pretty();
    }
}
