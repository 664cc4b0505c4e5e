package io.wharf.apiserver.openapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import io.wharf.api.schema.Definition;
import io.wharf.api.schema.SchemaRegistry;
import io.wharf.apiserver.errors.ApiException;
import io.wharf.apiserver.http.ApiRequest;
import io.wharf.apiserver.http.Responses;
import io.wharf.apiserver.resources.ResourceRegistry;
import io.wharf.apiserver.resources.ResourceType;
import io.wharf.apiserver.resources.ServedResource;
import io.wharf.apiserver.resources.Subresource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * OpenAPI v3 at {@code /openapi/v3}: an index with one entry per group-version (with a content
 * hash, so clients cache documents until they change), and per group-version documents listing
 * every operation (with {@code x-kubernetes-group-version-kind} and the dryRun, fieldManager and
 * fieldValidation parameters kubectl looks for) and the component schemas they use.
 */
public final class OpenApiHandler {
    private static final String SPEC_PREFIX = "/openapi/v3/";

    private final ResourceRegistry registry;
    private final SchemaRegistry schemas;
    private final String version;
    private final Map<String, byte[]> documents = new ConcurrentHashMap<>();
    private final Map<String, String> hashes = new ConcurrentHashMap<>();
    private volatile long builtAt = -1;

    public OpenApiHandler(ResourceRegistry registry, SchemaRegistry schemas, String version) {
        this.registry = registry;
        this.schemas = schemas;
        this.version = version;
    }

    public void handle(ApiRequest req) {
        refreshIfChanged();
        String p = req.path();
        if (p.equals("/openapi/v3") || p.equals("/openapi/v3/")) {
            Responses.json(req.ctx(), req.raw(), 200, Json.bytes(index()));
            return;
        }
        if (!p.startsWith(SPEC_PREFIX)) {
            throw ApiException.notFoundPath();
        }
        String gv = p.substring(SPEC_PREFIX.length());
        byte[] doc = document(gv);
        if (doc == null) {
            throw ApiException.notFoundPath();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Etag", "\"" + hashes.get(gv) + "\"");
        if (req.param("hash") != null) {
            headers.put("Cache-Control", "public, immutable");
        }
        Responses.send(req.ctx(), req.raw(), 200, "application/json", doc, headers);
    }

    /** Custom resources come and go: drop every cached document when the served set changed. */
    private void refreshIfChanged() {
        long g = registry.generation();
        if (g != builtAt) {
            documents.clear();
            hashes.clear();
            builtAt = g;
        }
    }

    private ObjectNode index() {
        ObjectNode o = Json.object();
        ObjectNode paths = o.putObject("paths");
        for (String gv : groupVersionPaths()) {
            document(gv);
            paths.putObject(gv).put("serverRelativeURL", SPEC_PREFIX + gv + "?hash=" + hashes.get(gv));
        }
        return o;
    }

    private List<String> groupVersionPaths() {
        Set<String> out = new LinkedHashSet<>();
        for (ServedResource sr : registry.all()) {
            ResourceType t = sr.type();
            out.add(t.group().isEmpty() ? "api/" + t.version() : "apis/" + t.group() + "/" + t.version());
        }
        return new ArrayList<>(out);
    }

    private byte[] document(String gvPath) {
        byte[] cached = documents.get(gvPath);
        if (cached != null) {
            return cached;
        }
        String[] parts = gvPath.split("/");
        String group;
        String ver;
        if (parts.length == 2 && parts[0].equals("api")) {
            group = "";
            ver = parts[1];
        } else if (parts.length == 3 && parts[0].equals("apis")) {
            group = parts[1];
            ver = parts[2];
        } else {
            return null;
        }
        List<ServedResource> resources = registry.groupVersion(group, ver);
        if (resources.isEmpty()) {
            return null;
        }
        byte[] doc = Json.bytes(build(group, ver, resources));
        documents.put(gvPath, doc);
        hashes.put(gvPath, sha512(doc));
        return doc;
    }

    private ObjectNode build(String group, String ver, List<ServedResource> resources) {
        ObjectNode doc = Json.object();
        doc.put("openapi", "3.0.0");
        doc.putObject("info").put("title", "Kubernetes").put("version", version);
        ObjectNode paths = doc.putObject("paths");
        List<Definition> roots = new ArrayList<>();
        for (ServedResource sr : resources) {
            ResourceType t = sr.type();
            Definition def = schemas.definitionFor(t.group(), t.version(), t.kind()).orElse(null);
            if (def != null) {
                roots.add(def);
                schemas.definitionFor(t.group(), t.version(), t.listKind()).ifPresent(roots::add);
            }
            new Operations(t, def == null ? null : def.name(), paths).addAll();
        }
        for (String extra : List.of("io.k8s.apimachinery.pkg.apis.meta.v1.Status", "io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions",
                "io.k8s.api.autoscaling.v1.Scale")) {
            schemas.definition(extra).ifPresent(roots::add);
        }
        ObjectNode components = doc.putObject("components");
        ObjectNode schemaNodes = components.putObject("schemas");
        schemas.allDefinitionsReachableFrom(roots).forEach((name, d) -> schemaNodes.set(name, SchemaWriter.definition(d)));
        components.putObject("securitySchemes").putObject("BearerToken")
                .put("type", "apiKey").put("description", "Bearer Token authentication").put("name", "authorization").put("in", "header");
        doc.putArray("security").addObject().putArray("BearerToken");
        return doc;
    }

    private static String sha512(byte[] doc) {
        try {
            return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-512").digest(doc));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The operations of one resource, written into the document's paths. */
    private static final class Operations {
        private final ResourceType t;
        private final String ref;
        private final ObjectNode paths;
        private final String gvName;
        private final String base;

        Operations(ResourceType t, String definitionName, ObjectNode paths) {
            this.t = t;
            this.ref = definitionName == null ? null : "#/components/schemas/" + definitionName;
            this.paths = paths;
            this.gvName = camel(t.group().isEmpty() ? "core" : t.group().replace(".k8s.io", "").replace(".", "_")) + camel(t.version());
            this.base = t.group().isEmpty() ? "/api/" + t.version() : "/apis/" + t.group() + "/" + t.version();
        }

        void addAll() {
            String scope = t.namespaced() ? "Namespaced" : "";
            String collection = t.namespaced() ? base + "/namespaces/{namespace}/" + t.resource() : base + "/" + t.resource();
            String item = collection + "/{name}";
            ObjectNode col = path(collection, t.namespaced(), false);
            if (t.hasVerb("list")) {
                col.set("get", op("list", "list" + gvName + scope + t.kind(), "list or watch objects of kind " + t.kind(), ref(t.listKind()), false, true));
            }
            if (t.hasVerb("create")) {
                col.set("post", op("post", "create" + gvName + scope + t.kind(), "create a " + t.kind(), ref, true, false));
            }
            if (t.hasVerb("deletecollection")) {
                col.set("delete", op("deletecollection", "deleteCollection" + gvName + scope + t.kind(), "delete collection of " + t.kind(),
                        statusRef(), true, true));
            }
            ObjectNode one = path(item, t.namespaced(), true);
            if (t.hasVerb("get")) {
                one.set("get", op("get", "read" + gvName + scope + t.kind(), "read the specified " + t.kind(), ref, false, false));
            }
            if (t.hasVerb("update")) {
                one.set("put", op("put", "replace" + gvName + scope + t.kind(), "replace the specified " + t.kind(), ref, true, false));
            }
            if (t.hasVerb("patch")) {
                one.set("patch", patchOp("patch" + gvName + scope + t.kind(), "partially update the specified " + t.kind(), ref));
            }
            if (t.hasVerb("delete")) {
                one.set("delete", op("delete", "delete" + gvName + scope + t.kind(), "delete a " + t.kind(), statusRef(), true, false));
            }
            if (t.namespaced() && t.hasVerb("list")) {
                ObjectNode all = path(base + "/" + t.resource(), false, false);
                all.set("get", op("list", "list" + gvName + t.kind() + "ForAllNamespaces", "list or watch objects of kind " + t.kind(),
                        ref(t.listKind()), false, true));
            }
            for (Subresource s : t.subresources()) {
                String subRef = s.kind().equals("Scale") ? "#/components/schemas/io.k8s.api.autoscaling.v1.Scale" : ref;
                String suffix = camel(s.name());
                ObjectNode sp = path(item + "/" + s.name(), t.namespaced(), true);
                if (s.verbs().contains("get")) {
                    sp.set("get", op("get", "read" + gvName + scope + t.kind() + suffix, "read " + s.name() + " of the specified " + t.kind(), subRef, false, false));
                }
                if (s.verbs().contains("update")) {
                    sp.set("put", op("put", "replace" + gvName + scope + t.kind() + suffix, "replace " + s.name() + " of the specified " + t.kind(), subRef, true, false));
                }
                if (s.verbs().contains("patch")) {
                    sp.set("patch", patchOp("patch" + gvName + scope + t.kind() + suffix, "partially update " + s.name() + " of the specified " + t.kind(), subRef));
                }
            }
        }

        private String ref(String kind) {
            return ref == null ? null : ref.substring(0, ref.lastIndexOf('.') + 1) + kind;
        }

        private static String statusRef() {
            return "#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.Status";
        }

        private ObjectNode path(String p, boolean namespaced, boolean named) {
            ObjectNode node = paths.putObject(p);
            ArrayNode params = node.putArray("parameters");
            if (named) {
                params.add(param("name", "path", "name of the " + t.kind(), true));
            }
            if (namespaced) {
                params.add(param("namespace", "path", "object name and auth scope, such as for teams and projects", true));
            }
            params.add(param("pretty", "query", "If 'true', then the output is pretty printed.", false));
            return node;
        }

        private ObjectNode op(String action, String id, String description, String responseRef, boolean write, boolean listy) {
            ObjectNode o = Json.object();
            o.putArray("tags").add(gvName.substring(0, 1).toLowerCase() + gvName.substring(1));
            o.put("description", description);
            o.put("operationId", id);
            ArrayNode params = o.putArray("parameters");
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
                    params.add(param("fieldValidation", "query", "instructs the server on how to handle objects in the request containing unknown or duplicate fields", false));
                } else {
                    params.add(param("gracePeriodSeconds", "query", "seconds before the object should be deleted", false));
                    params.add(param("propagationPolicy", "query", "whether and how garbage collection will be performed", false));
                }
            }
            if (write && !action.startsWith("delete") && ref != null) {
                ObjectNode body = o.putObject("requestBody");
                body.putObject("content").putObject("*/*").putObject("schema").put("$ref", ref);
                body.put("required", true);
            }
            ObjectNode responses = o.putObject("responses");
            ObjectNode ok = responses.putObject("200");
            ok.put("description", "OK");
            if (responseRef != null) {
                ObjectNode content = ok.putObject("content");
                for (String mt : List.of("application/json", "application/yaml")) {
                    content.putObject(mt).putObject("schema").put("$ref", responseRef);
                }
            }
            if (action.equals("post")) {
                responses.set("201", ok.deepCopy().put("description", "Created"));
                responses.set("202", ok.deepCopy().put("description", "Accepted"));
            }
            responses.putObject("401").put("description", "Unauthorized");
            o.put("x-kubernetes-action", action);
            o.putObject("x-kubernetes-group-version-kind").put("group", t.group()).put("version", t.version()).put("kind", t.kind());
            return o;
        }

        private ObjectNode patchOp(String id, String description, String responseRef) {
            ObjectNode o = op("patch", id, description, responseRef, true, false);
            ((ArrayNode) o.get("parameters")).add(param("force", "query", "Force is going to \"force\" Apply requests.", false));
            ObjectNode body = o.putObject("requestBody");
            ObjectNode content = body.putObject("content");
            for (String mt : List.of("application/json-patch+json", "application/merge-patch+json", "application/strategic-merge-patch+json",
                    "application/apply-patch+yaml")) {
                content.putObject(mt).putObject("schema").put("$ref", "#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.Patch");
            }
            body.put("required", true);
            return o;
        }

        private static ObjectNode param(String name, String in, String description, boolean required) {
            ObjectNode p = Json.object();
            p.put("name", name);
            p.put("in", in);
            p.put("description", description);
            if (required) {
                p.put("required", true);
            }
            ObjectNode schema = p.putObject("schema");
            schema.put("type", switch (name) {
                case "allowWatchBookmarks", "sendInitialEvents", "watch", "force" -> "boolean";
                case "limit", "timeoutSeconds", "gracePeriodSeconds" -> "integer";
                default -> "string";
            });
            schema.put("uniqueItems", true);
            return p;
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
}
