package io.wharf.apiserver.openapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import io.wharf.api.schema.SchemaRegistry;
import io.wharf.apiserver.errors.ApiException;
import io.wharf.apiserver.http.ApiRequest;
import io.wharf.apiserver.http.Responses;
import io.wharf.apiserver.resources.ResourceRegistry;
import io.wharf.apiserver.resources.ResourceType;
import io.wharf.apiserver.resources.ServedResource;
import java.util.ArrayList;
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
        hashes.put(gvPath, ConditionalGet.sha512(doc));
        return doc;
    }

    private ObjectNode build(String group, String ver, List<ServedResource> resources) {
        ObjectNode doc = Json.object();
        doc.put("openapi", "3.0.0");
        doc.putObject("info").put("title", "Kubernetes").put("version", version);
        ObjectNode paths = doc.putObject("paths");
        for (ServedResource sr : resources) {
            for (ApiOperations.Path p : ApiOperations.of(sr.type(), PublishedDefinitions.kindName(schemas, sr))) {
                paths.set(p.path(), path(p));
            }
        }
        ObjectNode components = doc.putObject("components");
        ObjectNode schemaNodes = components.putObject("schemas");
        PublishedDefinitions.of(schemas, resources).forEach((name, d) -> schemaNodes.set(name, SchemaWriter.definition(d)));
        schemaNodes.setAll(PublishedDefinitions.custom(schemas, resources, CustomKindSchemas.Flavor.V3));
        components.putObject("securitySchemes").putObject("BearerToken")
                .put("type", "apiKey").put("description", "Bearer Token authentication").put("name", "authorization").put("in", "header");
        doc.putArray("security").addObject().putArray("BearerToken");
        return doc;
    }

    /** One path of the catalogue in v3 form: parameters carry a schema, bodies a content map. */
    private static ObjectNode path(ApiOperations.Path p) {
        ObjectNode node = Json.object();
        ArrayNode params = node.putArray("parameters");
        p.parameters().forEach(q -> params.add(parameter(q)));
        p.operations().forEach((method, op) -> node.set(method, operation(op)));
        return node;
    }

    private static ObjectNode operation(ApiOperations.Operation op) {
        ObjectNode o = Json.object();
        o.putArray("tags").add(op.tag());
        o.put("description", op.description());
        o.put("operationId", op.operationId());
        ArrayNode params = o.putArray("parameters");
        op.parameters().forEach(q -> params.add(parameter(q)));
        if (op.body() != null) {
            ObjectNode body = o.putObject("requestBody");
            ObjectNode content = body.putObject("content");
            for (String mt : op.body().mediaTypes()) {
                content.putObject(mt).putObject("schema").put("$ref", SchemaWriter.REF_PREFIX + op.body().definition());
            }
            body.put("required", true);
        }
        ObjectNode responses = o.putObject("responses");
        ObjectNode ok = responses.putObject("200");
        ok.put("description", "OK");
        if (op.response() != null) {
            ObjectNode content = ok.putObject("content");
            for (String mt : ApiOperations.RESPONSE_MEDIA_TYPES) {
                content.putObject(mt).putObject("schema").put("$ref", SchemaWriter.REF_PREFIX + op.response());
            }
        }
        if (op.creates()) {
            responses.set("201", ok.deepCopy().put("description", "Created"));
            responses.set("202", ok.deepCopy().put("description", "Accepted"));
        }
        responses.putObject("401").put("description", "Unauthorized");
        o.put("x-kubernetes-action", op.action());
        o.putObject("x-kubernetes-group-version-kind").put("group", op.gvk().group()).put("version", op.gvk().version())
                .put("kind", op.gvk().kind());
        return o;
    }

    private static ObjectNode parameter(ApiOperations.Parameter q) {
        ObjectNode p = Json.object();
        p.put("name", q.name());
        p.put("in", q.in());
        p.put("description", q.description());
        if (q.required()) {
            p.put("required", true);
        }
        p.putObject("schema").put("type", q.type()).put("uniqueItems", true);
        return p;
    }
}
