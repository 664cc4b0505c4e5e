package io.wharf.apiserver.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import io.wharf.api.patch.JsonMergePatch;
import io.wharf.api.patch.JsonPatch;
import io.wharf.api.patch.PatchException;
import io.wharf.api.patch.StrategicMergePatch;
import io.wharf.api.schema.Definition;
import io.wharf.api.schema.SchemaRegistry;
import io.wharf.apiserver.errors.ApiException;
import io.wharf.apiserver.resources.ResourceType;
import io.wharf.apiserver.resources.ServedResource;
import java.io.IOException;
import java.util.List;

/**
 * Applies the patch kinds a PATCH request may carry, chosen by its Content-Type: JSON patch
 * (RFC 6902), JSON merge patch (RFC 7386) and, for built-in kinds, strategic merge patch driven by
 * the schema registry's merge keys and strategies. Server-side apply patches are only read here;
 * the storage merges them, since it owns field management.
 */
public final class Patcher {
    public enum Kind { JSON_PATCH, MERGE_PATCH, STRATEGIC, APPLY }

    public static final String APPLY_PATCH = "application/apply-patch+yaml";
    private static final List<String> ACCEPTED = List.of("application/json-patch+json", "application/merge-patch+json",
            "application/strategic-merge-patch+json", APPLY_PATCH);

    private final SchemaRegistry schemas;

    public Patcher(SchemaRegistry schemas) {
        this.schemas = schemas;
    }

    /** The patch kind of a Content-Type; 415 for anything else, and for strategic patches of kinds without a schema. */
    public Kind kindOf(String contentType, ServedResource sr) {
        return switch (contentType) {
            case "application/json-patch+json" -> Kind.JSON_PATCH;
            case "application/merge-patch+json" -> Kind.MERGE_PATCH;
            case "application/strategic-merge-patch+json" -> {
                if (sr != null && definition(sr.type()) == null) {
                    throw ApiException.unsupportedMediaType(contentType,
                            List.of("application/json-patch+json", "application/merge-patch+json", APPLY_PATCH));
                }
                yield Kind.STRATEGIC;
            }
            case APPLY_PATCH -> Kind.APPLY;
            default -> throw ApiException.unsupportedMediaType(contentType, ACCEPTED);
        };
    }

    /**
     * The configuration of an apply patch, YAML or JSON; an empty body is an empty configuration,
     * which the apply then refuses for its missing kind.
     */
    public ObjectNode parseApply(byte[] body) {
        if (body.length == 0) {
            return Json.object();
        }
        JsonNode doc;
        try {
            doc = Json.YAML.readTree(body);
        } catch (IOException e) {
            String detail = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw ApiException.badRequest("error decoding YAML: " + detail);
        }
        if (doc == null || doc.isMissingNode() || doc.isNull()) {
            return Json.object();
        }
        if (!(doc instanceof ObjectNode o)) {
            throw ApiException.badRequest("error decoding YAML: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal "
                    + typeName(doc) + " into Go value of type map[string]interface {}");
        }
        return o;
    }

    public JsonNode parse(Kind kind, byte[] body) {
        JsonNode doc = BodyDecoder.json(body);
        if (kind == Kind.JSON_PATCH ? !doc.isArray() : !doc.isObject()) {
            throw ApiException.badRequest(kind == Kind.JSON_PATCH
                    ? "json: cannot unmarshal " + typeName(doc) + " into Go value of type jsonpatch.Patch"
                    : "json: cannot unmarshal " + typeName(doc) + " into Go value of type map[string]interface {}");
        }
        return doc;
    }

    private static String typeName(JsonNode n) {
        return n.isArray() ? "array" : n.isObject() ? "object" : n.isTextual() ? "string" : n.isNumber() ? "number" : n.isBoolean() ? "bool" : "null";
    }

    /** Whether the patch pins the object's resourceVersion (then a concurrent change is a conflict, not retried). */
    public boolean setsResourceVersion(Kind kind, JsonNode doc) {
        if (kind == Kind.JSON_PATCH) {
            for (JsonNode op : doc) {
                if ("/metadata/resourceVersion".equals(op.path("path").asText())) {
                    return true;
                }
            }
            return false;
        }
        JsonNode rv = doc.path("metadata").get("resourceVersion");
        return rv != null && !rv.isNull() && !rv.asText().isEmpty();
    }

    public JsonNode apply(Kind kind, ObjectNode current, JsonNode doc, ServedResource sr) {
        try {
            return switch (kind) {
                case JSON_PATCH -> JsonPatch.apply(current, doc);
                case MERGE_PATCH -> JsonMergePatch.apply(current, doc);
                case STRATEGIC -> StrategicMergePatch.apply(current, doc, definition(sr.type()));
                case APPLY -> throw new IllegalArgumentException("apply patches are merged by the storage");
            };
        } catch (PatchException e) {
            throw e.malformed() ? ApiException.badRequest(e.getMessage())
                    : new ApiException(422, "Invalid", e.getMessage());
        }
    }

    /** Patches an autoscaling/v1 Scale. */
    public JsonNode applyToScale(Kind kind, ObjectNode scale, JsonNode doc) {
        try {
            return switch (kind) {
                case JSON_PATCH -> JsonPatch.apply(scale, doc);
                case MERGE_PATCH -> JsonMergePatch.apply(scale, doc);
                case STRATEGIC -> StrategicMergePatch.apply(scale, doc,
                        schemas.definitionFor("autoscaling", "v1", "Scale").orElseThrow());
                case APPLY -> throw new IllegalArgumentException("apply patches are merged by the storage");
            };
        } catch (PatchException e) {
            throw e.malformed() ? ApiException.badRequest(e.getMessage())
                    : new ApiException(422, "Invalid", e.getMessage());
        }
    }

    private Definition definition(ResourceType t) {
        return schemas.definitionFor(t.group(), t.version(), t.kind()).orElse(null);
    }
}
