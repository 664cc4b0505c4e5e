package io.wharf.api.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where a field sits in a JSON document: object keys ({@link String}) and array indices
 * ({@link Integer}) from the root. {@link #toString()} spells it as upstream's strict decoding
 * errors do: keys joined by dots, indices in brackets, no escaping
 * ({@code spec.template.spec.containers[0].imagee}).
 */
public record FieldPath(List<Object> segments) {

    public static final FieldPath ROOT = new FieldPath(List.of());

    public FieldPath {
        segments = List.copyOf(segments);
        for (Object s : segments) {
            if (!(s instanceof String) && !(s instanceof Integer)) {
                throw new IllegalArgumentException("path segments are keys or indices, not " + s);
            }
        }
    }

    /** A path of object keys. */
    public static FieldPath of(String... keys) {
        return new FieldPath(List.of((Object[]) keys));
    }

    public FieldPath key(String key) {
        return append(Objects.requireNonNull(key, "key"));
    }

    public FieldPath index(int index) {
        return append(index);
    }

    private FieldPath append(Object segment) {
        List<Object> longer = new ArrayList<>(segments.size() + 1);
        longer.addAll(segments);
        longer.add(segment);
        return new FieldPath(longer);
    }

    /** The path of the enclosing object or array; the root is its own parent. */
    public FieldPath parent() {
        return segments.isEmpty() ? this : new FieldPath(segments.subList(0, segments.size() - 1));
    }

    /** The last segment, or null for the root. */
    public Object last() {
        return segments.isEmpty() ? null : segments.get(segments.size() - 1);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (Object s : segments) {
            if (s instanceof Integer i) {
                out.append('[').append(i).append(']');
            } else {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(s);
            }
        }
        return out.toString();
    }
}
