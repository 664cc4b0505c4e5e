package io.wharf.apiserver.openapi;

import io.wharf.api.schema.Definition;
import io.wharf.api.schema.SchemaRegistry;
import io.wharf.apiserver.resources.ResourceType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Which definitions an OpenAPI document publishes for a set of served resources: every kind and
 * its list kind, the types operations answer with or take (Status, DeleteOptions, Scale, Patch),
 * and everything those reference. Both OpenAPI versions publish the same set.
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

    /** Every definition reachable from the resources' kinds and the shared ones, by name. */
    static Map<String, Definition> of(SchemaRegistry schemas, Collection<ResourceType> resources) {
        List<Definition> roots = new ArrayList<>();
        for (ResourceType t : resources) {
            Definition def = kind(schemas, t);
            if (def != null) {
                roots.add(def);
                schemas.definitionFor(t.group(), t.version(), t.listKind()).ifPresent(roots::add);
            }
        }
        for (String extra : SHARED) {
            schemas.definition(extra).ifPresent(roots::add);
        }
        return schemas.allDefinitionsReachableFrom(roots);
    }
}
