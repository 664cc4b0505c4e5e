package io.wharf.apiserver.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.apiserver.discovery.DiscoveryHandler;
import io.wharf.apiserver.registry.Meta;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the server needs from one CustomResourceDefinition to serve its kind: the group, scope,
 * requested and accepted names, versions, conditions and whether it is being deleted.
 */
record CrdSpec(String name, String uid, String group, boolean namespaced, CrdNames names, CrdNames acceptedNames,
               List<CrdVersion> versions, boolean deleting, boolean hasCleanupFinalizer) {

    static CrdSpec of(ObjectNode crd) {
        JsonNode spec = crd.path("spec");
        String group = spec.path("group").asText("");
        CrdNames names = CrdNames.of(spec.get("names"));
        List<CrdVersion> versions = new ArrayList<>();
        for (JsonNode v : spec.path("versions")) {
            versions.add(CrdVersion.of(v, deprecationWarning(v, group, names.kind(), spec.path("versions"))));
        }
        boolean finalizer = false;
        for (JsonNode f : crd.path("metadata").path("finalizers")) {
            finalizer |= CustomResourceDefinitionStrategy.CLEANUP_FINALIZER.equals(f.asText());
        }
        return new CrdSpec(Meta.name(crd), Meta.uid(crd), group, !"Cluster".equals(spec.path("scope").asText("")), names,
                CrdNames.of(crd.path("status").get("acceptedNames")), List.copyOf(versions), Meta.isDeleting(crd), finalizer);
    }

    Optional<CrdVersion> storageVersion() {
        return versions.stream().filter(CrdVersion::storage).findFirst();
    }

    List<CrdVersion> servedVersions() {
        return versions.stream().filter(CrdVersion::served).toList();
    }

    /**
     * The warning a deprecated version sends: its own, or one naming the version to use instead, the
     * most preferred served version that is not deprecated and ranks above it.
     */
    private static String deprecationWarning(JsonNode v, String group, String kind, JsonNode all) {
        if (!v.path("deprecated").asBoolean(false)) {
            return null;
        }
        if (v.hasNonNull("deprecationWarning")) {
            return v.get("deprecationWarning").asText();
        }
        String name = v.path("name").asText("");
        String message = group + "/" + name + " " + kind + " is deprecated";
        List<String> better = new ArrayList<>();
        for (JsonNode other : all) {
            String o = other.path("name").asText("");
            if (other.path("served").asBoolean(false) && !other.path("deprecated").asBoolean(false)
                    && DiscoveryHandler.VERSION_PRIORITY.compare(o, name) < 0) {
                better.add(o);
            }
        }
        if (better.isEmpty()) {
            return message;
        }
        better.sort(DiscoveryHandler.VERSION_PRIORITY);
        return message + "; use " + group + "/" + better.get(0) + " " + kind;
    }
}
