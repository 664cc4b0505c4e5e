package io.wharf.api.schema;

import java.util.List;
import java.util.Objects;

/**
 * One property of an object definition: its JSON name, value schema, and the facts that decide
 * how patches and apply treat it. Absent facts are null (or an empty key list). {@code owner}
 * names the definition the property belongs to.
 */
public record Property(
        String name,
        Schema schema,
        boolean required,
        PatchStrategy patchStrategy,
        String patchMergeKey,
        ListType listType,
        List<String> listMapKeys,
        MapType mapType,
        String owner) {

    public Property {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(owner, "owner");
        listMapKeys = listMapKeys == null ? List.of() : List.copyOf(listMapKeys);
    }

    /** The definition of this property's value when it is an object; null otherwise. */
    public Definition definition() {
        return Schema.definitionOf(schema);
    }

    /** The definition of the elements of an array (or values of a map) property, when objects. */
    public Definition elementDefinition() {
        Schema element = Schema.elementOf(schema);
        return element == null ? null : Schema.definitionOf(element);
    }

    /** Upstream's documentation of this property, or null when the build carries none for it. */
    public String description() {
        return Descriptions.builtin().property(owner, name);
    }

    public boolean isArray() {
        return schema instanceof Schema.ArrayOf;
    }
}
