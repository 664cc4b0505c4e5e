package io.wharf.apiserver.openapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import io.wharf.api.schema.SchemaRegistry;
import io.wharf.apiserver.resources.ServedResource;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * The swagger 2.0 document of everything served, as upstream publishes at {@code /openapi/v2}:
 * every operation of {@link ApiOperations} and every published definition in one document.
 * Paths and definitions are sorted by name, as upstream's (Go map) encoding sorts them, so the
 * document and its hash do not depend on the order resources were registered in.
 */
final class SwaggerDocument {
    private SwaggerDocument() {
    }

    static ObjectNode build(SchemaRegistry schemas, Collection<ServedResource> resources, String version) {
        ObjectNode doc = Json.object();
        doc.put("swagger", "2.0");
        doc.putObject("info").put("title", "Kubernetes").put("version", version);
        Map<String, ObjectNode> paths = new TreeMap<>();
        for (ServedResource sr : resources) {
            for (ApiOperations.Path p : ApiOperations.of(sr.type(), PublishedDefinitions.kindName(schemas, sr))) {
                paths.put(p.path(), path(p));
            }
        }
        doc.putObject("paths").setAll(paths);
        ObjectNode definitions = doc.putObject("definitions");
        Map<String, ObjectNode> all = new TreeMap<>();
        PublishedDefinitions.of(schemas, resources).forEach((name, d) -> all.put(name, SwaggerSchemaWriter.definition(d)));
        all.putAll(PublishedDefinitions.custom(schemas, resources, CustomKindSchemas.Flavor.V2));
        definitions.setAll(all);
        doc.putObject("securityDefinitions").putObject("BearerToken")
                .put("description", "Bearer Token authentication").put("in", "header").put("name", "authorization").put("type", "apiKey");
        doc.putArray("security").addObject().putArray("BearerToken");
        return doc;
    }

    private static ObjectNode path(ApiOperations.Path p) {
        ObjectNode node = Json.object();
        p.operations().forEach((method, op) -> node.set(method, operation(op)));
        ArrayNode params = node.putArray("parameters");
        p.parameters().forEach(q -> params.add(parameter(q)));
        return node;
    }

    private static ObjectNode operation(ApiOperations.Operation op) {
        ObjectNode o = Json.object();
        if (op.body() != null) {
            ArrayNode consumes = o.putArray("consumes");
            op.body().mediaTypes().forEach(consumes::add);
        }
        o.put("description", op.description());
        o.put("operationId", op.operationId());
        ArrayNode params = o.putArray("parameters");
        if (op.body() != null) {
            params.addObject().put("in", "body").put("name", "body").put("required", true)
                    .putObject("schema").put("$ref", SwaggerSchemaWriter.REF_PREFIX + op.body().definition());
        }
        op.parameters().forEach(q -> params.add(parameter(q)));
        ArrayNode produces = o.putArray("produces");
        ApiOperations.RESPONSE_MEDIA_TYPES.forEach(produces::add);
        ObjectNode responses = o.putObject("responses");
        ObjectNode ok = responses.putObject("200");
        ok.put("description", "OK");
        if (op.response() != null) {
            ok.putObject("schema").put("$ref", SwaggerSchemaWriter.REF_PREFIX + op.response());
        }
        if (op.creates()) {
            responses.set("201", ok.deepCopy().put("description", "Created"));
            responses.set("202", ok.deepCopy().put("description", "Accepted"));
        }
        responses.putObject("401").put("description", "Unauthorized");
        o.putArray("schemes").add("https");
        o.putArray("tags").add(op.tag());
        o.put("x-kubernetes-action", op.action());
        o.putObject("x-kubernetes-group-version-kind").put("group", op.gvk().group()).put("kind", op.gvk().kind())
                .put("version", op.gvk().version());
        return o;
    }

    /** Swagger 2.0 non-body parameters carry their type directly instead of a schema. */
    private static ObjectNode parameter(ApiOperations.Parameter q) {
        ObjectNode p = Json.object();
        p.put("description", q.description());
        p.put("in", q.in());
        p.put("name", q.name());
        if (q.required()) {
            p.put("required", true);
        }
        p.put("type", q.type());
        p.put("uniqueItems", true);
        return p;
    }
}
