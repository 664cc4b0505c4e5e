package io.wharf.api.schema;

import java.util.Objects;
import java.util.function.Function;

/**
 * The schema of a property value. Object types are never inlined: they are {@link Ref}erences to
 * named {@link Definition}s, which keeps recursive types (JSONSchemaProps) finite and lets the
 * registry build each definition only when someone navigates to it.
 */
public sealed interface Schema permits Schema.Ref, Schema.ArrayOf, Schema.MapOf, Schema.Primitive, Schema.Any {

    /** A reference to a named definition, resolved through the registry that created it. */
    final class Ref implements Schema {
        private final String name;
        private final Function<String, Definition> resolver;

        Ref(String name, Function<String, Definition> resolver) {
            this.name = Objects.requireNonNull(name, "name");
            this.resolver = Objects.requireNonNull(resolver, "resolver");
        }

        /** The upstream OpenAPI definition name, e.g. {@code io.k8s.api.core.v1.PodSpec}. */
        public String name() {
            return name;
        }

        /** The referenced definition; built on first use. */
        public Definition target() {
            return resolver.apply(name);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Ref r && r.name.equals(name);
        }

        @Override
        public int hashCode() {
            return name.hashCode();
        }

        @Override
        public String toString() {
            return "Ref[" + name + "]";
        }
    }

    /** A JSON array whose elements all follow {@code items}. */
    record ArrayOf(Schema items) implements Schema {
        public ArrayOf {
            Objects.requireNonNull(items, "items");
        }
    }

    /** A JSON object with arbitrary keys whose values all follow {@code values}. */
    record MapOf(Schema values) implements Schema {
        public MapOf {
            Objects.requireNonNull(values, "values");
        }
    }

    /** A scalar; {@code format} is upstream's (int32, int64, double, byte, date-time, ...) or null. */
    record Primitive(PrimitiveType type, String format) implements Schema {
        public Primitive {
            Objects.requireNonNull(type, "type");
        }
    }

    /** Any JSON value at all: nothing is known about its structure. */
    record Any() implements Schema {
    }

    /** The definition a schema stands for: a reference's target, or null for everything else. */
    static Definition definitionOf(Schema schema) {
        return schema instanceof Ref r ? r.target() : null;
    }

    /** The schema of the elements of an array or the values of a map; null for other schemas. */
    static Schema elementOf(Schema schema) {
        if (schema instanceof ArrayOf a) {
            return a.items();
        }
        if (schema instanceof MapOf m) {
            return m.values();
        }
        return null;
    }
}
