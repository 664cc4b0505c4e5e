package io.wharf.apiserver.admission;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.apiserver.registry.RequestContext;
import io.wharf.apiserver.registry.StorageFixture;
import io.wharf.apiserver.resources.ResourceType;

/** Admission requests for plugin tests, on the built-in resources as served. */
final class Requests {
    private Requests() {
    }

    static ResourceType type(String group, String resource) {
        String version = group.equals("autoscaling") ? "v2" : "v1";
        return StorageFixture.type(group, version, resource);
    }

    static AdmissionRequest create(String group, String resource, String namespace, ObjectNode obj) {
        return new AdmissionRequest(Operation.CREATE, type(group, resource), "", namespace, name(obj), obj, null, RequestContext.system());
    }

    static AdmissionRequest dryRunCreate(String group, String resource, String namespace, ObjectNode obj) {
        return new AdmissionRequest(Operation.CREATE, type(group, resource), "", namespace, name(obj), obj, null, StorageFixture.dryRun());
    }

    static AdmissionRequest update(String group, String resource, String namespace, ObjectNode obj, ObjectNode old) {
        return new AdmissionRequest(Operation.UPDATE, type(group, resource), "", namespace, name(obj), obj, old, RequestContext.system());
    }

    static AdmissionRequest subresourceUpdate(String group, String resource, String subresource, String namespace, ObjectNode obj,
                                              ObjectNode old) {
        return new AdmissionRequest(Operation.UPDATE, type(group, resource), subresource, namespace, name(obj), obj, old,
                RequestContext.system());
    }

    static AdmissionRequest delete(String group, String resource, String namespace, String name, ObjectNode old) {
        return new AdmissionRequest(Operation.DELETE, type(group, resource), "", namespace, name, null, old, RequestContext.system());
    }

    static ObjectNode yaml(String text) {
        return StorageFixture.yaml(text);
    }

    private static String name(ObjectNode obj) {
        return obj.path("metadata").path("name").asText("");
    }
}
