package io.wharf.apiserver.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import io.wharf.api.labels.LabelSelector;
import io.wharf.api.schema.SchemaRegistry;
import io.wharf.apiserver.errors.ApiException;
import io.wharf.api.validation.FieldProblem;
import io.wharf.apiserver.registry.ApplyRequest;
import io.wharf.apiserver.registry.Meta;
import io.wharf.apiserver.registry.RequestContext;
import io.wharf.apiserver.registry.WriteResult;
import io.wharf.apiserver.resources.FieldSchema;
import io.wharf.apiserver.resources.ScaleSpec;
import io.wharf.apiserver.resources.ServedResource;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code scale} subresource ({@code autoscaling/v1 Scale}) of scalable resources: a view of
 * the replica count and selector, read from and written to the paths the resource's
 * {@link ScaleSpec} names.
 */
final class ScaleHandler {
    /** Scale bodies are autoscaling/v1 Scales, whatever the resource. */
    private static final FieldSchema SCALE = FieldSchema.builtin(SchemaRegistry.builtin(), "autoscaling", "v1", "Scale");

    private ScaleHandler() {
    }

    static void handle(ApiRequest req, RequestContext ctx, FieldValidator fields, ServedResource sr, String namespace, String name,
                       String verb, Patcher patcher) {
        ScaleSpec spec = sr.type().scale();
        ObjectNode result;
        switch (verb) {
            case "get" -> result = toScale(sr.out(sr.storage().get(namespace, name, req.param("resourceVersion", ""))), spec);
            case "update" -> {
                WriteOptions.checkFieldManager(req, "UpdateOptions");
                ObjectNode scale = fields.decode(req, SCALE, "autoscaling/v1", "Scale", ctx);
                if (!name.equals(Meta.name(scale))) {
                    throw ApiException.badRequest("the name of the object (" + Meta.name(scale) + ") does not match the name on the URL (" + name + ")");
                }
                result = write(sr, ctx, namespace, name, spec, scale, current -> scale);
            }
            case "patch" -> {
                Patcher.Kind kind = patcher.kindOf(BodyDecoder.contentType(req), null);
                ApplyRequest apply = WriteOptions.patch(req, kind, patcher);
                if (apply != null) {
                    FieldValidator.checkApplyPatch(req.body(), ctx);
                    WriteResult r = sr.storage().apply(ctx, sr.type(), namespace, name, "scale", apply);
                    Responses.json(req, 200, Json.bytes(toScale(sr.out(r.object()), spec)));
                    return;
                }
                JsonNode doc = patcher.parse(kind, req.body());
                PatchFieldCheck fieldCheck = fields.forPatch(kind, req.body(), doc, SCALE, ctx);
                result = write(sr, ctx, namespace, name, spec, null, currentScale -> {
                    JsonNode patched = patcher.applyToScale(kind, currentScale, doc);
                    if (!(patched instanceof ObjectNode p)) {
                        throw ApiException.badRequest("the patched scale is not a JSON object");
                    }
                    fieldCheck.check(p);
                    return p;
                });
            }
            default -> throw ApiException.methodNotAllowed();
        }
        Responses.json(req, 200, Json.bytes(result));
    }

    private interface ScaleChange {
        ObjectNode desired(ObjectNode currentScale);
    }

    private static ObjectNode write(ServedResource sr, RequestContext ctx, String namespace, String name, ScaleSpec spec,
                                    ObjectNode given, ScaleChange change) {
        boolean pinned = given != null && !ResourceHandler.isBlank(Meta.resourceVersion(given));
        WriteResult r = sr.storage().update(ctx, sr.type(), namespace, name, "scale", pinned, current -> {
            if (current == null) {
                return null;
            }
            ObjectNode served = sr.out(current);
            ObjectNode desiredScale = change.desired(toScale(served.deepCopy(), spec));
            JsonNode replicas = desiredScale.path("spec").get("replicas");
            long n = replicas == null || replicas.isNull() ? 0 : replicas.asLong();
            if (replicas != null && !replicas.isNull() && !replicas.canConvertToLong()) {
                throw ApiException.badRequest("spec.replicas must be an integer");
            }
            if (n < 0) {
                throw ApiException.invalid("autoscaling", "Scale", name, List.of(
                        FieldProblem.invalid("spec.replicas", n, "must be greater than or equal to 0")));
            }
            set(served, spec.specReplicasPath(), n);
            String rv = Meta.resourceVersion(desiredScale);
            if (!ResourceHandler.isBlank(rv)) {
                Meta.meta(served).put("resourceVersion", rv);
            }
            return sr.in(served);
        });
        return toScale(sr.out(r.object()), spec);
    }

    /** The autoscaling/v1 Scale view of an object. */
    static ObjectNode toScale(ObjectNode obj, ScaleSpec spec) {
        ObjectNode s = Json.object();
        s.put("kind", "Scale");
        s.put("apiVersion", "autoscaling/v1");
        ObjectNode m = s.putObject("metadata");
        for (String f : List.of("name", "namespace", "uid", "resourceVersion", "creationTimestamp")) {
            JsonNode v = obj.path("metadata").get(f);
            if (v != null) {
                m.set(f, v);
            }
        }
        s.putObject("spec").put("replicas", at(obj, spec.specReplicasPath()).asLong(0));
        ObjectNode status = s.putObject("status");
        status.put("replicas", at(obj, spec.statusReplicasPath()).asLong(0));
        if (spec.labelSelectorPath() != null) {
            JsonNode sel = at(obj, spec.labelSelectorPath());
            String selector = selectorString(sel, spec.selectorIsMap());
            if (!selector.isEmpty()) {
                status.put("selector", selector);
            }
        }
        return s;
    }

    private static String selectorString(JsonNode sel, boolean isMap) {
        if (sel == null || sel.isMissingNode() || sel.isNull()) {
            return "";
        }
        if (sel.isTextual()) {
            return sel.asText();
        }
        if (isMap) {
            Map<String, String> sorted = new TreeMap<>(Meta.stringMap(sel));
            StringBuilder sb = new StringBuilder();
            sorted.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ",").append(k).append('=').append(v));
            return sb.toString();
        }
        try {
            return LabelSelector.fromJson(sel).toString();
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static JsonNode at(JsonNode obj, String path) {
        JsonNode n = obj;
        for (String p : path.substring(1).split("\\.")) {
            n = n.path(p);
        }
        return n;
    }

    private static void set(ObjectNode obj, String path, long value) {
        String[] parts = path.substring(1).split("\\.");
        ObjectNode n = obj;
        for (int i = 0; i < parts.length - 1; i++) {
            n = Json.with(n, parts[i]);
        }
        n.put(parts[parts.length - 1], value);
    }
}
