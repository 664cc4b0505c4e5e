package io.wharf.apiserver.admission;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.apiserver.registry.RequestContext;
import io.wharf.apiserver.resources.ResourceType;

/**
 * What admission plugins see of a request.
 *
 * @param operation   create, update, delete or connect
 * @param type        the resource as served at the request's version
 * @param subresource "" for the main resource
 * @param namespace   "" for cluster-scoped objects
 * @param name        object name (may be empty for a create with generateName)
 * @param object      the new object (mutable for mutating plugins); null for delete
 * @param oldObject   the stored object for update and delete; null for create
 * @param context     caller and options
 */
public record AdmissionRequest(Operation operation, ResourceType type, String subresource, String namespace, String name,
                               ObjectNode object, ObjectNode oldObject, RequestContext context) {
}
