package io.wharf.apiserver.resources;

import io.wharf.api.schema.Definition;
import io.wharf.api.schema.SchemaRegistry;
import io.wharf.api.validation.FieldPruner;
import java.util.Objects;

/**
 * What the fields of a served resource's objects are checked against when a write brings
 * unknown or duplicate fields: a built-in kind's Go type, or a custom resource version's
 * structural schema. Kinds Wharf has no schema for are not checked.
 */
public sealed interface FieldSchema {

    /** A built-in kind, decoded into its Go type. */
    record Typed(Definition definition) implements FieldSchema {
        public Typed {
            Objects.requireNonNull(definition, "definition");
        }
    }

    /** A custom resource version, decoded untyped and pruned by its structural schema. */
    record Structural(FieldPruner pruner) implements FieldSchema {
        public Structural {
            Objects.requireNonNull(pruner, "pruner");
        }
    }

    /** No schema: nothing is unknown, and repeated keys go unreported. */
    record Unchecked() implements FieldSchema {
    }

    /** The Go type of a built-in kind, or {@link Unchecked} when the registry has none. */
    static FieldSchema builtin(SchemaRegistry schemas, String group, String version, String kind) {
        return schemas.definitionFor(group, version, kind).<FieldSchema>map(Typed::new).orElseGet(Unchecked::new);
    }
}
