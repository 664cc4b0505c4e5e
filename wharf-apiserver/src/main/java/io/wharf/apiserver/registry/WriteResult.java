package io.wharf.apiserver.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The object after a write.
 *
 * @param object  the stored object with its new resourceVersion
 * @param created true when the write created the object (HTTP 201)
 * @param json    the object serialized exactly as stored (storage version), or null when nothing was
 *                stored (dry run, no-op update); spares the HTTP layer a second serialization
 */
public record WriteResult(ObjectNode object, boolean created, byte[] json) {
    public WriteResult(ObjectNode object, boolean created) {
        this(object, created, null);
    }
}
