package io.wharf.apiserver.openapi;

import io.wharf.api.schema.Definition;
import io.wharf.api.schema.SchemaRegistry;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.apiserver.resources.ResourceType;
import io.wharf.apiserver.resources.ServedResource;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Which definitions an OpenAPI document publishes for a set of served resources: every kind and
 * its list kind, the types operations answer with or take (Status, DeleteOptions, Scale, Patch),
 * and everything those reference; custom resources' kinds come from their CRD schemas. Both
 * OpenAPI versions publish the same set.
 */
final class PublishedDefinitions {
    static final List<String> SHARED = List.of(ApiOperations.STATUS, "io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions",
            ApiOperations.SCALE, ApiOperations.PATCH);

    private PublishedDefinitions() {
    }

    /** The definition of a resource's kind, or null when the registry has none (custom resources). */
    static Definition kind(SchemaRegistry schemas, ResourceType t) {
        return schemas.definitionFor(t.group(), t.version(), t.kind()).orElse(null);
    }

    /** The name of the definition a resource's operations take and answer with. */
    static String kindName(SchemaRegistry schemas, ServedResource sr) {
        Definition def = kind(schemas, sr.type());
        return def != null ? def.name() : CustomKindSchemas.definitionName(sr.type());
    }

    /** Custom resources' definitions (kind and list kind), written from their CRD schemas. */
    static Map<String, ObjectNode> custom(SchemaRegistry schemas, Collection<ServedResource> resources,
                                          CustomKindSchemas.Flavor flavor) {
        Map<String, ObjectNode> out = new LinkedHashMap<>();
        for (ServedResource sr : resources) {
            if (kind(schemas, sr.type()) == null) {
                out.putAll(CustomKindSchemas.of(sr, flavor));
            }
        }
        return out;
    }

    /**
     * Every definition reachable from the built-in kinds and the shared ones, by name; with custom
     * resources among them, also the object and list metadata their definitions refer to.
     */
    static Map<String, Definition> of(SchemaRegistry schemas, Collection<ServedResource> resources) {
        List<Definition> roots = new ArrayList<>();
        for (ServedResource sr : resources) {
            ResourceType t = sr.type();
            Definition def = kind(schemas, t);
            if (def != null) {
                roots.add(def);
                schemas.definitionFor(t.group(), t.version(), t.listKind()).ifPresent(roots::add);
            } else {
                schemas.definition(CustomKindSchemas.OBJECT_META).ifPresent(roots::add);
                schemas.definition(CustomKindSchemas.LIST_META).ifPresent(roots::add);
            }
        }
        for (String extra : SHARED) {
            schemas.definition(extra).ifPresent(roots::add);
        }
        return schemas.allDefinitionsReachableFrom(roots);
    }
}
