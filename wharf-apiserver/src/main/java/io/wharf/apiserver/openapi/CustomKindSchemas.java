package io.wharf.apiserver.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import io.wharf.apiserver.resources.ResourceType;
import io.wharf.apiserver.resources.ServedResource;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The published definitions of a custom resource, built from its CRD version's schema as upstream
 * publishes them: the kind (named after the reversed group, the version and the kind, e.g.
 * {@code com.example.v1.Widget}) with apiVersion, kind and metadata added and its
 * {@code x-kubernetes-group-version-kind}, and its list kind. Nested objects stay inline, so
 * {@code kubectl explain} shows them as {@code <Object>} as it does upstream.
 */
final class CustomKindSchemas {
    static final String OBJECT_META = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";
    static final String LIST_META = "io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta";
    /** What swagger 2.0 cannot say: these keywords are dropped from the v2 document. */
    private static final Set<String> NOT_IN_V2 = Set.of("nullable", "oneOf", "anyOf", "not", "x-kubernetes-validations");

    /** Which OpenAPI version the definitions are written for: the reference style differs. */
    enum Flavor {
        V3("#/components/schemas/"), V2("#/definitions/");

        final String refPrefix;

        Flavor(String refPrefix) {
            this.refPrefix = refPrefix;
        }
    }

    private CustomKindSchemas() {
    }

    /** The definition name of a custom resource's kind. */
    static String definitionName(ResourceType t) {
        List<String> parts = new java.util.ArrayList<>(List.of(t.group().split("\\.")));
        java.util.Collections.reverse(parts);
        return String.join(".", parts) + "." + t.version() + "." + t.kind();
    }

    /** The kind's and list kind's definitions, by name. */
    static Map<String, ObjectNode> of(ServedResource sr, Flavor flavor) {
        ResourceType t = sr.type();
        Map<String, ObjectNode> out = new LinkedHashMap<>();
        String name = definitionName(t);
        out.put(name, kind(t, sr.schema(), flavor));
        out.put(name.substring(0, name.lastIndexOf('.') + 1) + t.listKind(), list(t, name, flavor));
        return out;
    }

    private static ObjectNode kind(ResourceType t, JsonNode schema, Flavor flavor) {
        ObjectNode root = schema instanceof ObjectNode o ? o.deepCopy() : Json.object().put("type", "object");
        if (flavor == Flavor.V2) {
            toV2(root);
        }
        ObjectNode properties = Json.object();
        properties.set("apiVersion", Json.object().put("description",
                "The versioned schema of this representation of an object; servers convert recognized schemas to the latest internal value.")
                .put("type", "string"));
        properties.set("kind", Json.object().put("description",
                "The REST resource this object represents, in CamelCase; servers may infer it from the endpoint the client submits requests to.")
                .put("type", "string"));
        properties.set("metadata", reference(OBJECT_META, flavor, "Standard object's metadata."));
        JsonNode declared = root.get("properties");
        if (declared != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = declared.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!properties.has(e.getKey())) {
                    properties.set(e.getKey(), e.getValue());
                }
            }
        }
        root.set("properties", properties);
        root.put("type", "object");
        ArrayNode gvk = root.putArray("x-kubernetes-group-version-kind");
        gvk.addObject().put("group", t.group()).put("kind", t.kind()).put("version", t.version());
        return root;
    }

    private static ObjectNode list(ResourceType t, String kindName, Flavor flavor) {
        ObjectNode o = Json.object();
        o.put("description", t.listKind() + " is a list of " + t.kind());
        o.putArray("required").add("items");
        ObjectNode properties = o.putObject("properties");
        properties.set("apiVersion", Json.object().put("description",
                "The versioned schema of this representation of an object.").put("type", "string"));
        ObjectNode items = properties.putObject("items");
        items.put("description", "List of " + t.resource() + ".");
        items.put("type", "array");
        items.putObject("items").put("$ref", flavor.refPrefix + kindName);
        properties.set("kind", Json.object().put("description",
                "The REST resource this object represents, in CamelCase.").put("type", "string"));
        properties.set("metadata", reference(LIST_META, flavor, "Standard list metadata."));
        o.put("type", "object");
        o.putArray("x-kubernetes-group-version-kind").addObject()
                .put("group", t.group()).put("kind", t.listKind()).put("version", t.version());
        return o;
    }

    /** A reference with a description beside it: v3 wraps the reference in allOf, v2 cannot carry both. */
    private static ObjectNode reference(String definition, Flavor flavor, String description) {
        ObjectNode o = Json.object();
        if (flavor == Flavor.V3) {
            o.putArray("allOf").addObject().put("$ref", flavor.refPrefix + definition);
            o.put("description", description);
        } else {
            o.put("$ref", flavor.refPrefix + definition);
        }
        return o;
    }

    /**
     * Swagger 2.0 has no nullable, oneOf, anyOf or not; a nullable or int-or-string value has no
     * single type there, so its type is left out rather than rejecting valid objects in clients
     * that validate against the v2 document.
     */
    private static void toV2(JsonNode node) {
        if (!(node instanceof ObjectNode o)) {
            return;
        }
        boolean untyped = o.path("nullable").asBoolean(false) || o.path("x-kubernetes-int-or-string").asBoolean(false);
        o.remove(NOT_IN_V2);
        if (untyped) {
            o.remove("type");
            o.remove("format");
        }
        // walk schema positions only: a property may be called "nullable" or "not"
        o.path("properties").forEach(CustomKindSchemas::toV2);
        toV2(o.get("items"));
        toV2(o.get("additionalProperties"));
        o.path("allOf").forEach(CustomKindSchemas::toV2);
    }
}
