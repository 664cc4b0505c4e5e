package io.wharf.apiserver.admission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.apiserver.registry.Meta;

/**
 * Upstream's StorageObjectInUseProtection: new PersistentVolumeClaims and PersistentVolumes carry
 * a protection finalizer, so deleting one that is still in use only marks it; the protection
 * controllers remove the finalizer once nothing uses it.
 */
public final class StorageObjectInUseProtection implements AdmissionPlugin {
    public static final String NAME = "StorageObjectInUseProtection";
    static final String PVC_FINALIZER = "kubernetes.io/pvc-protection";
    static final String PV_FINALIZER = "kubernetes.io/pv-protection";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void admit(AdmissionRequest r) {
        if (r.operation() != Operation.CREATE || r.object() == null) {
            return;
        }
        if (r.isMainResource("", "persistentvolumeclaims")) {
            addFinalizer(r.object(), PVC_FINALIZER);
        } else if (r.isMainResource("", "persistentvolumes")) {
            addFinalizer(r.object(), PV_FINALIZER);
        }
    }

    private static void addFinalizer(ObjectNode obj, String finalizer) {
        ObjectNode meta = Meta.meta(obj);
        JsonNode existing = meta.get("finalizers");
        ArrayNode list = existing instanceof ArrayNode a ? a : meta.putArray("finalizers");
        for (JsonNode f : list) {
            if (finalizer.equals(f.asText())) {
                return;
            }
        }
        list.add(finalizer);
    }
}
