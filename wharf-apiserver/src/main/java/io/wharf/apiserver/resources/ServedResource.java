package io.wharf.apiserver.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.schema.SchemaRegistry;
import io.wharf.apiserver.registry.ResourceStorage;
import io.wharf.apiserver.table.RowPrinter;
import java.util.Objects;

/**
 * A resource at one served version, tied to the storage that holds its objects, the converter
 * between the two versions, and the printer for its Table output.
 *
 * @param type               the served resource
 * @param storage            where its objects live (shared by all served versions of the resource)
 * @param converter          served version to storage version and back
 * @param printer            Table columns and cells
 * @param fields             what written objects' fields are checked against
 * @param deprecationWarning the warning every request to this version gets, or null when it is not deprecated
 * @param schema             a custom resource's {@code openAPIV3Schema} as its definition declares it, which
 *                           the OpenAPI documents publish; null for built-in kinds, whose schemas Wharf knows
 */
public record ServedResource(ResourceType type, ResourceStorage storage, VersionConverter converter, RowPrinter printer,
                             FieldSchema fields, String deprecationWarning, JsonNode schema) {

    public ServedResource {
        Objects.requireNonNull(fields, "fields");
    }

    /** A built-in resource: its fields are those of its kind's Go type, and it is not deprecated. */
    public ServedResource(ResourceType type, ResourceStorage storage, VersionConverter converter, RowPrinter printer) {
        this(type, storage, converter, printer,
                FieldSchema.builtin(SchemaRegistry.builtin(), type.group(), type.version(), type.kind()), null, null);
    }

    /** Whether objects need converting between this version and storage. */
    public boolean converts() {
        ResourceType st = storage.type();
        return !st.group().equals(type.group()) || !st.version().equals(type.version());
    }

    public ObjectNode out(ObjectNode stored) {
        return converter.fromStorage(stored);
    }

    public ObjectNode in(ObjectNode served) {
        return converter.toStorage(served);
    }
}
