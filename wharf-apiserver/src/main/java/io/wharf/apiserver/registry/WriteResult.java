package io.wharf.apiserver.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The object after a write.
 *
 * @param object  the stored object with its new resourceVersion
 * @param created true when an update created the object (HTTP 201)
 */
public record WriteResult(ObjectNode object, boolean created) {
}
