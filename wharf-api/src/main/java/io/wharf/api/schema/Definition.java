package io.wharf.api.schema;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A named type in upstream's OpenAPI naming. Most are objects with properties; a few well-known
 * types (Time, Quantity, IntOrString, RawExtension, ...) are scalars or free-form values that
 * upstream still publishes as named definitions.
 */
public final class Definition {

    /** What kind of JSON value a definition describes. */
    public enum Kind {
        /** An object with the declared properties (possibly none). */
        OBJECT,
        /** A scalar, see {@link #scalar()}. */
        SCALAR,
        /** {@code type: object} without declared properties: any object. */
        FREE_FORM_OBJECT,
        /** No type at all: any JSON value. */
        UNTYPED
    }

    private final String name;
    private final Kind kind;
    private final Schema.Primitive scalar;
    private final List<PrimitiveType> oneOfTypes;
    private final Map<String, Property> properties;
    private final List<String> required;
    private final MapType structType;
    private final List<GroupVersionKind> groupVersionKinds;

    private Definition(String name, Kind kind, Schema.Primitive scalar, List<PrimitiveType> oneOfTypes,
                       Map<String, Property> properties, List<String> required, MapType structType,
                       List<GroupVersionKind> groupVersionKinds) {
        this.name = Objects.requireNonNull(name, "name");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.scalar = scalar;
        this.oneOfTypes = List.copyOf(oneOfTypes);
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        this.required = List.copyOf(required);
        this.structType = structType;
        this.groupVersionKinds = List.copyOf(groupVersionKinds);
    }

    /** An object definition; properties keep their iteration order. */
    static Definition object(String name, Collection<Property> properties, MapType structType,
                             List<GroupVersionKind> groupVersionKinds) {
        Map<String, Property> byName = new LinkedHashMap<>();
        for (Property p : properties) {
            byName.put(p.name(), p);
        }
        List<String> required = properties.stream().filter(Property::required).map(Property::name).toList();
        return new Definition(name, Kind.OBJECT, null, List.of(), byName, required, structType, groupVersionKinds);
    }

    /** A scalar definition; {@code oneOfTypes} lists the JSON types OpenAPI v3 accepts besides it. */
    static Definition scalar(String name, Schema.Primitive scalar, List<PrimitiveType> oneOfTypes) {
        return new Definition(name, Kind.SCALAR, scalar, oneOfTypes, Map.of(), List.of(), null, List.of());
    }

    static Definition freeFormObject(String name) {
        return new Definition(name, Kind.FREE_FORM_OBJECT, null, List.of(), Map.of(), List.of(), null, List.of());
    }

    static Definition untyped(String name) {
        return new Definition(name, Kind.UNTYPED, null, List.of(), Map.of(), List.of(), null, List.of());
    }

    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    /** For {@link Kind#SCALAR} definitions, the scalar's type and format; null otherwise. */
    public Schema.Primitive scalar() {
        return scalar;
    }

    /** The alternative JSON types upstream lists under {@code oneOf} in OpenAPI v3 (Quantity, IntOrString). */
    public List<PrimitiveType> oneOfTypes() {
        return oneOfTypes;
    }

    /** Properties by JSON name, in declaration order. */
    public Map<String, Property> properties() {
        return properties;
    }

    /** The property with this JSON name, or null when the definition has none. */
    public Property property(String jsonName) {
        return properties.get(jsonName);
    }

    /** JSON names of required properties, in declaration order. */
    public List<String> required() {
        return required;
    }

    /** The {@code x-kubernetes-map-type} of this struct (from {@code +structType}), or null. */
    public MapType structType() {
        return structType;
    }

    /** Upstream's documentation of this type, or null when the build carries none for it. */
    public String description() {
        return Descriptions.builtin().definition(name);
    }

    /** The {@code x-kubernetes-group-version-kind} entries; empty for definitions that are not kinds. */
    public List<GroupVersionKind> groupVersionKinds() {
        return groupVersionKinds;
    }

    @Override
    public String toString() {
        return "Definition[" + name + "]";
    }
}
