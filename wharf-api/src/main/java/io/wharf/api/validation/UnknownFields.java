package io.wharf.api.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.schema.Definition;
import io.wharf.api.schema.Property;
import io.wharf.api.schema.Schema;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The fields of a JSON tree that decoding it into upstream's Go types would drop: keys an object
 * type does not declare. Map keys are never unknown, and free-form values (raw extensions,
 * {@code x-kubernetes-preserve-unknown-fields} JSON, untyped values) are not looked into, as
 * their Go types take any content. Values of the wrong JSON type are no concern here.
 */
public final class UnknownFields {

    /** The order in which object keys are met. */
    public enum KeyOrder {
        /** As the tree holds them: the order of a JSON body. */
        DOCUMENT,
        /**
         * Sorted bytewise, as in the JSON upstream makes of a YAML body before decoding it (Go
         * writes map keys sorted), so findings come in that order for YAML.
         */
        SORTED
    }

    private UnknownFields() {
    }

    /** The unknown fields of {@code value}, a {@code definition}, in document order. */
    public static List<FieldFinding> find(JsonNode value, Definition definition) {
        return find(value, definition, KeyOrder.DOCUMENT);
    }

    public static List<FieldFinding> find(JsonNode value, Definition definition, KeyOrder order) {
        Walk walk = new Walk(order, false);
        walk.definition(value, definition);
        return List.copyOf(walk.found);
    }

    /** Removes the unknown fields of {@code value} in place and returns them, in document order. */
    public static List<FieldFinding> prune(JsonNode value, Definition definition) {
        Walk walk = new Walk(KeyOrder.DOCUMENT, true);
        walk.definition(value, definition);
        return List.copyOf(walk.found);
    }

    /** One pass over a tree alongside its schema, keeping the path and ordinals of where it is. */
    private static final class Walk {
        private final KeyOrder order;
        private final boolean remove;
        private final List<FieldFinding> found = new ArrayList<>();
        private final List<Object> path = new ArrayList<>();
        private final List<Integer> ordinals = new ArrayList<>();

        Walk(KeyOrder order, boolean remove) {
            this.order = order;
            this.remove = remove;
        }

        void value(JsonNode node, Schema schema) {
            if (schema instanceof Schema.Ref ref) {
                definition(node, ref.target());
            } else if (schema instanceof Schema.ArrayOf array && node instanceof ArrayNode items) {
                for (int i = 0; i < items.size(); i++) {
                    enter(i, i);
                    value(items.get(i), array.items());
                    leave();
                }
            } else if (schema instanceof Schema.MapOf map && node instanceof ObjectNode entries) {
                List<String> keys = keys(entries);
                for (int i = 0; i < keys.size(); i++) {
                    enter(keys.get(i), i);
                    value(entries.get(keys.get(i)), map.values());
                    leave();
                }
            }
        }

        void definition(JsonNode node, Definition d) {
            if (d.kind() != Definition.Kind.OBJECT || !(node instanceof ObjectNode object)) {
                return;
            }
            List<String> keys = keys(object);
            List<String> unknown = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                String key = keys.get(i);
                Property p = d.property(key);
                enter(key, i);
                if (p == null) {
                    unknown.add(key);
                    found.add(new FieldFinding(FieldFinding.Problem.UNKNOWN, new FieldPath(path),
                            new DocumentOrder(ordinals, false)));
                } else {
                    value(object.get(key), p.schema());
                }
                leave();
            }
            if (remove) {
                object.remove(unknown);
            }
        }

        private List<String> keys(ObjectNode object) {
            List<String> keys = new ArrayList<>(object.size());
            object.fieldNames().forEachRemaining(keys::add);
            if (order == KeyOrder.SORTED) {
                keys.sort(BYTEWISE);
            }
            return keys;
        }

        private void enter(Object segment, int ordinal) {
            path.add(segment);
            ordinals.add(ordinal);
        }

        private void leave() {
            path.remove(path.size() - 1);
            ordinals.remove(ordinals.size() - 1);
        }
    }

    /** Go's string order: bytewise on UTF-8, which is code point order (not UTF-16 order). */
    static final Comparator<String> BYTEWISE = (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    };
}
