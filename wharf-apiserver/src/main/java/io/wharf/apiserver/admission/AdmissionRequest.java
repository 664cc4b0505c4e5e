package io.wharf.apiserver.admission;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import io.wharf.apiserver.errors.ApiException;
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

    /** Whether the request is about the main resource {@code group}/{@code resource} (any version, no subresource). */
    public boolean isMainResource(String group, String resource) {
        return subresource.isEmpty() && isResource(group, resource);
    }

    /** Whether the request's resource is {@code group}/{@code resource}, whatever the subresource. */
    public boolean isResource(String group, String resource) {
        return type.group().equals(group) && type.resource().equals(resource);
    }

    public boolean dryRun() {
        return context != null && context.dryRun();
    }

    /**
     * A 403 naming the object the way upstream's admission errors do: by its name, else by its
     * generateName (the name is not generated yet when mutating plugins run), else "Unknown".
     */
    public ApiException forbidden(String why) {
        return ApiException.forbidden(type.group(), type.resource(), objectName(), why);
    }

    private String objectName() {
        if (object != null) {
            String n = Json.text(object, "metadata", "name");
            if (n != null && !n.isEmpty()) {
                return n;
            }
            String generate = Json.text(object, "metadata", "generateName");
            if (generate != null && !generate.isEmpty()) {
                return generate;
            }
        }
        return "Unknown";
    }
}
