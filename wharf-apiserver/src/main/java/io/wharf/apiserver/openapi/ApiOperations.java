package io.wharf.apiserver.openapi;

import io.wharf.api.schema.GroupVersionKind;
import io.wharf.apiserver.resources.ResourceType;
import io.wharf.apiserver.resources.Subresource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The HTTP operations of one served resource, described once so the OpenAPI v2 and v3 documents
 * list the same paths, operation ids, parameters and kinds; each document only renders them.
 */
final class ApiOperations {
    static final String STATUS = "io.k8s.apimachinery.pkg.apis.meta.v1.Status";
    static final String PATCH = "io.k8s.apimachinery.pkg.apis.meta.v1.Patch";
    static final String SCALE = "io.k8s.api.autoscaling.v1.Scale";
    static final List<String> PATCH_MEDIA_TYPES = List.of("application/json-patch+json", "application/merge-patch+json",
            "application/strategic-merge-patch+json", "application/apply-patch+yaml");
    static final List<String> RESPONSE_MEDIA_TYPES = List.of("application/json", "application/yaml");

    /** A path or query parameter; {@code type} is the OpenAPI scalar type of its value. */
    record Parameter(String name, String in, String description, boolean required, String type) {
    }

    /** A request body: the media types it may come in and the definition it follows. */
    record Body(List<String> mediaTypes, String definition) {
    }

    /**
     * One operation. {@code body} is null for reads; {@code response} (a definition name) is null
     * when the resource has no published schema; {@code creates} adds the 201 and 202 answers.
     */
    record Operation(String action, String operationId, String description, String tag, List<Parameter> parameters,
                     Body body, String response, boolean creates, GroupVersionKind gvk) {
    }

    /** A path with its shared parameters and its operations by lower-case HTTP method. */
    record Path(String path, List<Parameter> parameters, Map<String, Operation> operations) {
    }

    private final ResourceType t;
    private final String definition;
    private final String gvName;
    private final String tag;
    private final String base;
    private final List<Path> paths = new ArrayList<>();

    private ApiOperations(ResourceType t, String definition) {
        this.t = t;
        this.definition = definition;
        this.gvName = camel(t.group().isEmpty() ? "core" : t.group().replace(".k8s.io", "").replace(".", "_")) + camel(t.version());
        this.tag = gvName.substring(0, 1).toLowerCase() + gvName.substring(1);
        this.base = t.group().isEmpty() ? "/api/" + t.version() : "/apis/" + t.group() + "/" + t.version();
    }

    /**
     * The paths of a resource whose kind is published as {@code definition} (null when the schema
     * registry has none, as for custom resources): operations are listed all the same.
     */
    static List<Path> of(ResourceType t, String definition) {
        ApiOperations ops = new ApiOperations(t, definition);
        ops.addAll();
        return ops.paths;
    }

    private void addAll() {
        String scope = t.namespaced() ? "Namespaced" : "";
        String collection = t.namespaced() ? base + "/namespaces/{namespace}/" + t.resource() : base + "/" + t.resource();
        String item = collection + "/{name}";
        Map<String, Operation> col = path(collection, t.namespaced(), false);
        if (t.hasVerb("list")) {
            col.put("get", op("list", "list" + gvName + scope + t.kind(), "list or watch objects of kind " + t.kind(),
                    listDefinition(), false, true));
        }
        if (t.hasVerb("create")) {
            col.put("post", op("post", "create" + gvName + scope + t.kind(), "create a " + t.kind(), definition, true, false));
        }
        if (t.hasVerb("deletecollection")) {
            col.put("delete", op("deletecollection", "deleteCollection" + gvName + scope + t.kind(), "delete collection of " + t.kind(),
                    STATUS, true, true));
        }
        Map<String, Operation> one = path(item, t.namespaced(), true);
        if (t.hasVerb("get")) {
            one.put("get", op("get", "read" + gvName + scope + t.kind(), "read the specified " + t.kind(), definition, false, false));
        }
        if (t.hasVerb("update")) {
            one.put("put", op("put", "replace" + gvName + scope + t.kind(), "replace the specified " + t.kind(), definition, true, false));
        }
        if (t.hasVerb("patch")) {
            one.put("patch", patchOp("patch" + gvName + scope + t.kind(), "partially update the specified " + t.kind(), definition));
        }
        if (t.hasVerb("delete")) {
            one.put("delete", op("delete", "delete" + gvName + scope + t.kind(), "delete a " + t.kind(), STATUS, true, false));
        }
        if (t.namespaced() && t.hasVerb("list")) {
            Map<String, Operation> all = path(base + "/" + t.resource(), false, false);
            all.put("get", op("list", "list" + gvName + t.kind() + "ForAllNamespaces", "list or watch objects of kind " + t.kind(),
                    listDefinition(), false, true));
        }
        for (Subresource s : t.subresources()) {
            if (s.connect()) {
                // upstream publishes these as "connect" operations answering plain strings; not described yet
                continue;
            }
            // Subresources take and return their own kind (Scale for scale), as upstream lists them.
            String subDefinition = s.kind().equals("Scale") ? SCALE : definition;
            GroupVersionKind subKind = new GroupVersionKind(s.group(), s.version(), s.kind());
            String suffix = camel(s.name());
            Map<String, Operation> sp = path(item + "/" + s.name(), t.namespaced(), true);
            if (s.verbs().contains("get")) {
                sp.put("get", op("get", "read" + gvName + scope + t.kind() + suffix, "read " + s.name() + " of the specified " + t.kind(),
                        subDefinition, subDefinition, subKind, false, false));
            }
            if (s.verbs().contains("update")) {
                sp.put("put", op("put", "replace" + gvName + scope + t.kind() + suffix,
                        "replace " + s.name() + " of the specified " + t.kind(), subDefinition, subDefinition, subKind, true, false));
            }
            if (s.verbs().contains("patch")) {
                sp.put("patch", patchOp("patch" + gvName + scope + t.kind() + suffix,
                        "partially update " + s.name() + " of the specified " + t.kind(), subDefinition, subKind));
            }
        }
    }

    /** The list kind lives in the same package as the kind. */
    private String listDefinition() {
        return definition == null ? null : definition.substring(0, definition.lastIndexOf('.') + 1) + t.listKind();
    }

    private Map<String, Operation> path(String p, boolean namespaced, boolean named) {
        List<Parameter> params = new ArrayList<>();
        if (named) {
            params.add(param("name", "path", "name of the " + t.kind(), true));
        }
        if (namespaced) {
            params.add(param("namespace", "path", "object name and auth scope, such as for teams and projects", true));
        }
        params.add(param("pretty", "query", "If 'true', then the output is pretty printed.", false));
        Map<String, Operation> ops = new LinkedHashMap<>();
        paths.add(new Path(p, List.copyOf(params), ops));
        return ops;
    }

    private Operation op(String action, String id, String description, String response, boolean write, boolean listy) {
        return op(action, id, description, response, definition, new GroupVersionKind(t.group(), t.version(), t.kind()), write, listy);
    }

    /** {@code bodyDefinition} is what writes other than deletes send (null when unpublished). */
    private Operation op(String action, String id, String description, String response, String bodyDefinition, GroupVersionKind gvk,
                         boolean write, boolean listy) {
        List<Parameter> params = new ArrayList<>();
        if (listy) {
            for (String q : List.of("allowWatchBookmarks", "continue", "fieldSelector", "labelSelector", "limit", "resourceVersion",
                    "resourceVersionMatch", "sendInitialEvents", "timeoutSeconds", "watch")) {
                params.add(param(q, "query", q, false));
            }
        }
        if (write) {
            params.add(param("dryRun", "query", "When present, indicates that modifications should not be persisted.", false));
            if (!action.startsWith("delete")) {
                params.add(param("fieldManager", "query", "a name associated with the actor or entity that is making these changes", false));
                params.add(param("fieldValidation", "query",
                        "instructs the server on how to handle objects in the request containing unknown or duplicate fields", false));
            } else {
                params.add(param("gracePeriodSeconds", "query", "seconds before the object should be deleted", false));
                params.add(param("propagationPolicy", "query", "whether and how garbage collection will be performed", false));
            }
        }
        Body body = write && !action.startsWith("delete") && bodyDefinition != null ? new Body(List.of("*/*"), bodyDefinition) : null;
        return new Operation(action, id, description, tag, params, body, response, action.equals("post"), gvk);
    }

    private Operation patchOp(String id, String description, String response) {
        return patchOp(id, description, response, new GroupVersionKind(t.group(), t.version(), t.kind()));
    }

    private Operation patchOp(String id, String description, String response, GroupVersionKind gvk) {
        Operation o = op("patch", id, description, response, null, gvk, true, false);
        List<Parameter> params = new ArrayList<>(o.parameters());
        params.add(param("force", "query", "Force is going to \"force\" Apply requests.", false));
        return new Operation(o.action(), id, description, tag, params, new Body(PATCH_MEDIA_TYPES, PATCH), response, false, gvk);
    }

    private static Parameter param(String name, String in, String description, boolean required) {
        String type = switch (name) {
            case "allowWatchBookmarks", "sendInitialEvents", "watch", "force" -> "boolean";
            case "limit", "timeoutSeconds", "gracePeriodSeconds" -> "integer";
            default -> "string";
        };
        return new Parameter(name, in, description, required, type);
    }

    private static String camel(String s) {
        StringBuilder sb = new StringBuilder();
        boolean up = true;
        for (char c : s.toCharArray()) {
            if (c == '_' || c == '-') {
                up = true;
                continue;
            }
            sb.append(up ? Character.toUpperCase(c) : c);
            up = false;
        }
        return sb.toString();
    }
}
