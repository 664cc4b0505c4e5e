package io.wharf.apiserver.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The outcome of a delete.
 *
 * @param object    the object as deleted, or as now marked for deletion
 * @param deletedNow true when it is gone from storage; false when finalizers or a grace period hold it
 */
public record DeleteResult(ObjectNode object, boolean deletedNow) {
}
