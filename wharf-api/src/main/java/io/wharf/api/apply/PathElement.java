package io.wharf.api.apply;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One step of a field path: a field of a map or struct, the element of an associative list with
 * these key values, the element of a set with this value, or (in atomic lists) an index. Elements
 * order fields first, then keys, values and indexes, as upstream does; FieldsV1 is written in
 * that order.
 */
public sealed interface PathElement extends Comparable<PathElement> {

    /** Selects a field of a map or struct. */
    record Field(String name) implements PathElement {
        public Field {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String toString() {
            return "." + name;
        }
    }

    /** Selects the element of an associative list whose key fields have these values. */
    record Key(List<KeyField> fields) implements PathElement {
        public Key {
            List<KeyField> sorted = new ArrayList<>(fields);
            sorted.sort(Comparator.comparing(KeyField::name));
            fields = List.copyOf(sorted);
            if (fields.isEmpty()) {
                throw new IllegalArgumentException("a key needs at least one field");
            }
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && compareTo(k) == 0;
        }

        @Override
        public int hashCode() {
            return fields.stream().map(KeyField::name).toList().hashCode();
        }

        @Override
        public String toString() {
            List<String> parts = new ArrayList<>();
            for (KeyField f : fields) {
                parts.add(f.name() + "=" + Values.display(f.value()));
            }
            return "[" + String.join(",", parts) + "]";
        }
    }

    /** Selects the element of a set (a list of scalars) equal to this value. */
    record Value(JsonNode value) implements PathElement {
        public Value {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Value v && Values.equal(value, v.value);
        }

        @Override
        public int hashCode() {
            return value.isNumber() ? Double.hashCode(value.doubleValue()) : value.hashCode();
        }

        @Override
        public String toString() {
            return "[=" + Values.display(value) + "]";
        }
    }

    /** Selects an element of an atomic list by position. */
    record Index(int index) implements PathElement {
        @Override
        public String toString() {
            return "[" + index + "]";
        }
    }

    /** One key field of a {@link Key}. */
    record KeyField(String name, JsonNode value) {
        public KeyField {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    static PathElement field(String name) {
        return new Field(name);
    }

    @Override
    default int compareTo(PathElement other) {
        int rank = Integer.compare(rank(this), rank(other));
        if (rank != 0) {
            return rank;
        }
        if (this instanceof Field a && other instanceof Field b) {
            return Integer.signum(a.name().compareTo(b.name()));
        }
        if (this instanceof Key a && other instanceof Key b) {
            return compareKeys(a.fields(), b.fields());
        }
        if (this instanceof Value a && other instanceof Value b) {
            return Values.compare(a.value(), b.value());
        }
        return Integer.compare(((Index) this).index(), ((Index) other).index());
    }

    private static int rank(PathElement e) {
        if (e instanceof Field) {
            return 0;
        }
        if (e instanceof Key) {
            return 1;
        }
        return e instanceof Value ? 2 : 3;
    }

    /** Lexical over (name, value) pairs; a prefix sorts first. */
    private static int compareKeys(List<KeyField> a, List<KeyField> b) {
        for (int i = 0; ; i++) {
            if (i >= a.size() || i >= b.size()) {
                return Integer.compare(a.size(), b.size());
            }
            int c = Integer.signum(a.get(i).name().compareTo(b.get(i).name()));
            if (c == 0) {
                c = Values.compare(a.get(i).value(), b.get(i).value());
            }
            if (c != 0) {
                return c;
            }
        }
    }
}
