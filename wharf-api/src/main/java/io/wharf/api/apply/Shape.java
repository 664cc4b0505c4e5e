package io.wharf.api.apply;

import com.fasterxml.jackson.databind.JsonNode;
import io.wharf.api.schema.ListType;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How server-side apply treats a value, upstream's schema atoms: a leaf (scalars, and values
 * upstream types as untyped scalars), a map (a struct with declared fields or a map with one
 * value type; granular or atomic), a list (atomic, a set, or a map keyed by some of its elements'
 * fields), or deduced (no type information: maps are granular, lists atomic, as upstream's
 * {@code __untyped_deduced_}).
 */
sealed interface Shape permits Shape.Leaf, Shape.MapShape, Shape.ListShape, Shape.Deduced {

    /** A value owned as a whole. */
    enum Leaf implements Shape {
        INSTANCE
    }

    /** No type information: decided per value. */
    enum Deduced implements Shape {
        INSTANCE
    }

    /**
     * A struct or map. {@code declared} gives the shape of a declared field (null when the name is
     * not declared); {@code elements} is the shape of any other key, null when a struct declares
     * its fields exhaustively.
     */
    final class MapShape implements Shape {
        private final boolean atomic;
        private final boolean struct;
        private final Function<String, Shape> declared;
        private final Shape elements;

        MapShape(boolean atomic, boolean struct, Function<String, Shape> declared, Shape elements) {
            this.atomic = atomic;
            this.struct = struct;
            this.declared = declared;
            this.elements = elements;
        }

        static MapShape of(boolean atomic, Shape elements) {
            return new MapShape(atomic, false, name -> null, elements);
        }

        boolean atomic() {
            return atomic;
        }

        /** Whether the keys are a struct's declared fields (which EnsureNamedFieldsAreMembers adds). */
        boolean isDeclared(String name) {
            return struct && declared.apply(name) != null;
        }

        /** The shape of a key's value; undeclared struct fields are treated as deduced. */
        Shape field(String name) {
            Shape s = declared.apply(name);
            if (s != null) {
                return s;
            }
            return elements != null ? elements : Deduced.INSTANCE;
        }

        /** Whether a key may appear at all: declared, or the map takes arbitrary keys. */
        boolean accepts(String name) {
            return elements != null || declared.apply(name) != null;
        }
    }

    /** A list; {@code keys} are the list-map keys, {@code keyDefaults} their schema defaults. */
    final class ListShape implements Shape {
        private final ListType type;
        private final List<String> keys;
        private final Map<String, JsonNode> keyDefaults;
        private final Supplier<Shape> element;

        ListShape(ListType type, List<String> keys, Map<String, JsonNode> keyDefaults, Supplier<Shape> element) {
            this.type = keys.isEmpty() && type == ListType.MAP ? ListType.SET : type;
            this.keys = List.copyOf(keys);
            this.keyDefaults = Map.copyOf(keyDefaults);
            this.element = element;
        }

        ListType type() {
            return type;
        }

        boolean atomic() {
            return type == ListType.ATOMIC;
        }

        List<String> keys() {
            return keys;
        }

        JsonNode keyDefault(String key) {
            return keyDefaults.get(key);
        }

        Shape element() {
            return element.get();
        }
    }

    /** What a value is treated as under a shape; {@code value} is null when absent. */
    enum Form {
        LEAF, MAP, LIST
    }

    static Form formOf(Shape shape, JsonNode value) {
        boolean nothing = value == null || value.isNull();
        if (shape instanceof MapShape) {
            return nothing || value.isObject() ? Form.MAP : Form.LEAF;
        }
        if (shape instanceof ListShape) {
            return nothing || value.isArray() ? Form.LIST : Form.LEAF;
        }
        if (shape == Deduced.INSTANCE) {
            // upstream's deduced atom picks its map form for null
            return nothing || value.isObject() ? Form.MAP : Form.LEAF;
        }
        return Form.LEAF;
    }

    /** The map shape a value of this shape is handled as; deduced values are granular maps. */
    static MapShape asMap(Shape shape) {
        return shape instanceof MapShape m ? m : DeducedMap.INSTANCE;
    }

    /** Whether the container form of this shape is owned as a whole. */
    static boolean atomic(Shape shape) {
        if (shape instanceof MapShape m) {
            return m.atomic();
        }
        if (shape instanceof ListShape l) {
            return l.atomic();
        }
        return false;
    }

    /** Holder of the deduced map shape, built once. */
    final class DeducedMap {
        static final MapShape INSTANCE = MapShape.of(false, Deduced.INSTANCE);

        private DeducedMap() {
        }
    }
}
