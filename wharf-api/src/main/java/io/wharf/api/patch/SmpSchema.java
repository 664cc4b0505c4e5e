package io.wharf.api.patch;

import io.wharf.api.schema.Definition;
import io.wharf.api.schema.PatchStrategy;
import io.wharf.api.schema.Property;
import io.wharf.api.schema.Schema;

/**
 * Where strategic merge patch stands in the schema while it walks an object: answers, for a key
 * of the current object, the patch strategy, merge key and schema below. Unknown places answer
 * "no metadata", which makes maps merge and lists get replaced, as upstream does for fields
 * without struct tags.
 */
final class SmpSchema {
    static final SmpSchema NONE = new SmpSchema(null, null);

    /** Metadata of one field: the schema of its value, of its elements when a list, and its tags. */
    record Field(SmpSchema value, SmpSchema items, PatchStrategy strategy, String mergeKey) {
        static final Field NONE = new Field(SmpSchema.NONE, SmpSchema.NONE, null, null);

        boolean mergesLists() {
            return strategy != null && strategy.merges();
        }

        boolean replacesMaps() {
            return strategy != null && strategy.replaces();
        }
    }

    private final Definition definition;
    private final Schema mapValues;

    private SmpSchema(Definition definition, Schema mapValues) {
        this.definition = definition;
        this.mapValues = mapValues;
    }

    static SmpSchema of(Definition definition) {
        return definition == null ? NONE : new SmpSchema(definition, null);
    }

    static SmpSchema of(Schema schema) {
        if (schema instanceof Schema.Ref ref) {
            return of(ref.target());
        }
        if (schema instanceof Schema.MapOf map) {
            return new SmpSchema(null, map.values());
        }
        return NONE;
    }

    private static SmpSchema itemsOf(Schema schema) {
        return schema instanceof Schema.ArrayOf array ? of(array.items()) : NONE;
    }

    /** The metadata of a key of the object this schema describes. */
    Field field(String key) {
        if (definition != null) {
            Property p = definition.property(key);
            if (p == null) {
                return Field.NONE;
            }
            return new Field(of(p.schema()), itemsOf(p.schema()), p.patchStrategy(), p.patchMergeKey());
        }
        if (mapValues != null) {
            // every key of a map shares the value schema, and map entries carry no patch tags
            return new Field(of(mapValues), itemsOf(mapValues), null, null);
        }
        return Field.NONE;
    }

    /** A name for error messages. */
    String name() {
        if (definition != null) {
            return definition.name();
        }
        return mapValues != null ? "map" : "struct";
    }
}
