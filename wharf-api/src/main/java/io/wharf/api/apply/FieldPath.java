package io.wharf.api.apply;

import java.util.ArrayList;
import java.util.List;

/**
 * A path from an object's root to one of its fields, list elements or set members. Its string
 * form is upstream's, used in conflict messages: {@code .spec.template.spec.containers[name="nginx"].image}.
 */
public record FieldPath(List<PathElement> elements) implements Comparable<FieldPath> {

    public FieldPath {
        elements = List.copyOf(elements);
    }

    /** A path from parts: strings are field names, path elements are used as they are. */
    public static FieldPath of(Object... parts) {
        List<PathElement> out = new ArrayList<>();
        for (Object p : parts) {
            if (p instanceof String s) {
                out.add(new PathElement.Field(s));
            } else if (p instanceof PathElement e) {
                out.add(e);
            } else {
                throw new IllegalArgumentException("not a path part: " + p);
            }
        }
        return new FieldPath(out);
    }

    public FieldPath child(PathElement e) {
        List<PathElement> out = new ArrayList<>(elements);
        out.add(e);
        return new FieldPath(out);
    }

    public int size() {
        return elements.size();
    }

    @Override
    public int compareTo(FieldPath other) {
        for (int i = 0; ; i++) {
            if (i >= elements.size() || i >= other.elements.size()) {
                return Integer.compare(elements.size(), other.elements.size());
            }
            int c = elements.get(i).compareTo(other.elements.get(i));
            if (c != 0) {
                return c;
            }
        }
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (PathElement e : elements) {
            out.append(e);
        }
        return out.toString();
    }
}
