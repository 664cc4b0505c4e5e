package io.wharf.apiserver.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import io.wharf.api.schema.SchemaRegistry;
import io.wharf.apiserver.errors.ApiException;
import io.wharf.apiserver.kinds.PodBindings;
import io.wharf.apiserver.kinds.PodEvictions;
import io.wharf.apiserver.registry.Meta;
import io.wharf.apiserver.registry.RequestContext;
import io.wharf.apiserver.resources.FieldSchema;
import io.wharf.apiserver.resources.ResourceType;
import io.wharf.apiserver.resources.ServedResource;
import java.util.List;

/**
 * The pod subresources that act rather than show: {@code binding} (and the {@code bindings}
 * collection the same binding may be posted to) and {@code eviction}. Both answer a success Status
 * with code 201, as upstream's create handler does for them.
 */
final class PodSubresourceHandler {
    private static final byte[] CREATED = Json.bytes(Json.object().put("kind", "Status").put("apiVersion", "v1")
            .<ObjectNode>set("metadata", Json.object()).put("status", "Success").put("code", 201));

    private final PodBindings bindings;
    private final PodEvictions evictions;
    private final FieldValidator fields;
    private final SchemaRegistry schemas;

    PodSubresourceHandler(PodBindings bindings, PodEvictions evictions, FieldValidator fields, SchemaRegistry schemas) {
        this.bindings = bindings;
        this.evictions = evictions;
        this.fields = fields;
        this.schemas = schemas;
    }

    /** POST to {@code pods/<name>/binding} ({@code name} set) or to {@code bindings} (name from the body). */
    void bind(ApiRequest req, RequestContext ctx, ServedResource pods, String namespace, String name) {
        ObjectNode binding = fields.decode(req, FieldSchema.builtin(schemas, "", "v1", "Binding"), "v1", "Binding", ctx);
        if (name != null && !name.equals(Meta.name(binding))) {
            throw ApiException.badRequest("name in URL does not match name in Binding object");
        }
        checkNamespace(binding, namespace);
        bindings.bind(ctx, pods.type(), namespace, binding);
        Responses.send(req, 201, "application/json", CREATED);
    }

    /** POST to {@code pods/<name>/eviction} with a policy/v1 (or v1beta1) Eviction. */
    void evict(ApiRequest req, RequestContext ctx, ServedResource pods, String namespace, String name) {
        // either policy version may be posted; the body says which one it is decoded as
        String apiVersion = BodyDecoder.object(req).path("apiVersion").asText("policy/v1");
        if (!List.of("policy/v1", "policy/v1beta1").contains(apiVersion)) {
            throw ApiException.badRequest("the API version in the data (" + apiVersion + ") does not match the expected API version (policy/v1)");
        }
        String version = apiVersion.substring("policy/".length());
        ObjectNode eviction = fields.decode(req, FieldSchema.builtin(schemas, "policy", version, "Eviction"), apiVersion, "Eviction", ctx);
        if (!name.equals(Meta.name(eviction))) {
            throw ApiException.badRequest("name in URL does not match name in Eviction object");
        }
        checkNamespace(eviction, namespace);
        DeleteRequest options = DeleteRequest.fromOptions(eviction.path("deleteOptions"), null, null);
        if (options.dryRun() != ctx.dryRun() && !req.params("dryRun").isEmpty()) {
            throw ApiException.badRequest("Non-matching dry-run options in request and content: " + req.params("dryRun")
                    + " and " + eviction.path("deleteOptions").path("dryRun"));
        }
        RequestContext evictionCtx = new RequestContext(ctx.user(), ctx.dryRun() || options.dryRun(), ctx.fieldManager(),
                ctx.fieldValidation(), ctx.warnings());
        evictions.evict(evictionCtx, pods.type(), namespace, name, options.options());
        Responses.send(req, 201, "application/json", CREATED);
    }

    private static void checkNamespace(ObjectNode body, String namespace) {
        String ns = Meta.namespace(body);
        if (ns != null && !ns.isEmpty() && !ns.equals(namespace)) {
            throw ApiException.badRequest("the namespace of the provided object does not match the namespace sent on the request");
        }
    }

    static boolean isBindings(ResourceType t) {
        return t.group().isEmpty() && t.resource().equals("bindings");
    }
}
