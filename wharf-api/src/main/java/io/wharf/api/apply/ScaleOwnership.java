package io.wharf.api.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Carries field ownership between a resource and its {@code scale} subresource, as upstream's
 * scale handler does. A Scale shows only the managers that own the parent's replicas field, each
 * owning the Scale's {@code .spec.replicas} under {@code autoscaling/v1}; after a write through
 * the Scale, the parent's entries are rebuilt from what the Scale's entries became: a parent
 * entry whose identifier no longer appears among them loses the replicas field, and each
 * remaining Scale entry that owns the replicas becomes a parent entry owning just the parent's
 * replicas field, without a time (upstream looks the time up under the Scale's identifier,
 * which the parent does not have).
 */
public final class ScaleOwnership {
    public static final String SCALE_API_VERSION = "autoscaling/v1";
    private static final FieldPath SCALE_REPLICAS = FieldPath.of("spec", "replicas");

    private final FieldPath parentReplicas;
    private final String parentApiVersion;

    /**
     * @param replicasPath     the parent's replicas field in dotted form, e.g. {@code .spec.replicas}
     * @param parentApiVersion the served version of the parent the write goes through
     */
    public ScaleOwnership(String replicasPath, String parentApiVersion) {
        this.parentReplicas = dotted(replicasPath);
        this.parentApiVersion = parentApiVersion;
    }

    /** The managedFields of the parent's Scale view. */
    public ArrayNode toScale(JsonNode parentManagedFields) {
        Map<ManagerKey, ManagedEntry> parent = decode(parentManagedFields);
        Map<ManagerKey, ManagedEntry> out = new LinkedHashMap<>();
        parent.forEach((key, entry) -> {
            if (entry.fields().has(parentReplicas)) {
                out.put(key, new ManagedEntry(FieldSet.of(SCALE_REPLICAS), SCALE_API_VERSION, entry.time()));
            }
        });
        return ManagedFieldsCodec.encode(out);
    }

    /** The parent's managedFields after a write through the Scale left it with {@code scaleManagedFields}. */
    public ArrayNode toParent(JsonNode parentManagedFields, JsonNode scaleManagedFields) {
        Map<ManagerKey, ManagedEntry> parent = decode(parentManagedFields);
        Map<ManagerKey, ManagedEntry> scale = decode(scaleManagedFields);
        Map<ManagerKey, ManagedEntry> out = new LinkedHashMap<>();
        parent.forEach((key, entry) -> {
            if (!entry.fields().has(parentReplicas)) {
                out.put(key, entry);
            } else if (scale.remove(key) != null) {
                out.put(key, entry);
            } else {
                FieldSet rest = entry.fields().difference(FieldSet.of(parentReplicas));
                if (!rest.isEmpty()) {
                    out.put(key, entry.withFields(rest));
                }
            }
        });
        scale.forEach((key, entry) -> {
            if (entry.fields().has(SCALE_REPLICAS)) {
                ManagedEntry inParent = parent.get(key);
                out.put(key, new ManagedEntry(FieldSet.of(parentReplicas), parentApiVersion,
                        inParent == null ? null : inParent.time()));
            }
        });
        return ManagedFieldsCodec.encode(out);
    }

    private static Map<ManagerKey, ManagedEntry> decode(JsonNode managedFields) {
        try {
            return ManagedFieldsCodec.decode(managedFields);
        } catch (ManagedFieldsCodec.DecodeException e) {
            throw new FieldManagementException("failed to decode managed fields: " + e.getMessage());
        }
    }

    private static FieldPath dotted(String path) {
        List<String> parts = new ArrayList<>();
        for (String p : path.split("\\.")) {
            if (!p.isEmpty()) {
                parts.add(p);
            }
        }
        return FieldPath.of(parts.toArray());
    }
}
