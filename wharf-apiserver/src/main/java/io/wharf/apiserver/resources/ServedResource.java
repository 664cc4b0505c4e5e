package io.wharf.apiserver.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.apiserver.registry.ResourceStorage;
import io.wharf.apiserver.table.RowPrinter;

/**
 * A resource at one served version, tied to the storage that holds its objects, the converter
 * between the two versions, and the printer for its Table output.
 *
 * @param type      the served resource
 * @param storage   where its objects live (shared by all served versions of the resource)
 * @param converter served version to storage version and back
 * @param printer   Table columns and cells
 * @param schema    a custom resource's {@code openAPIV3Schema} as its definition declares it, which
 *                  the OpenAPI documents publish; null for built-in kinds, whose schemas Wharf knows
 */
public record ServedResource(ResourceType type, ResourceStorage storage, VersionConverter converter, RowPrinter printer,
                             JsonNode schema) {

    public ServedResource(ResourceType type, ResourceStorage storage, VersionConverter converter, RowPrinter printer) {
        this(type, storage, converter, printer, null);
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
