package io.wharf.api.apply;

import io.wharf.api.schema.Definition;
import java.util.Objects;

/**
 * What a write goes to, as field management needs it: the schema of the served version (null for
 * a kind without one, which is then handled as upstream's deduced type), the served
 * {@code apiVersion} and {@code kind} (recorded in managedFields and required of applied
 * configurations), the subresource ("" for the main resource) and the fields the kind's strategy
 * resets on writes through it, which nobody owns.
 */
public record WriteTarget(Definition type, String apiVersion, String kind, String subresource, FieldSet resetFields) {

    public WriteTarget {
        Objects.requireNonNull(apiVersion, "apiVersion");
        Objects.requireNonNull(kind, "kind");
        subresource = subresource == null ? "" : subresource;
        resetFields = resetFields == null ? FieldSet.empty() : resetFields;
    }

    /** The same kind and version written through another subresource, with its reset fields. */
    public WriteTarget through(String otherSubresource, FieldSet otherResetFields) {
        return new WriteTarget(type, apiVersion, kind, otherSubresource, otherResetFields);
    }
}
