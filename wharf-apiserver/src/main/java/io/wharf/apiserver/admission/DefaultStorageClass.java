package io.wharf.apiserver.admission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;

/**
 * Upstream's DefaultStorageClass: a new claim that names no class (neither spec.storageClassName,
 * even "", nor the beta annotation) gets the default StorageClass, if there is one.
 */
public final class DefaultStorageClass implements AdmissionPlugin {
    public static final String NAME = "DefaultStorageClass";
    static final String IS_DEFAULT = "storageclass.kubernetes.io/is-default-class";
    static final String BETA_IS_DEFAULT = "storageclass.beta.kubernetes.io/is-default-class";
    static final String BETA_CLASS_ANNOTATION = "volume.beta.kubernetes.io/storage-class";

    private final ClusterObjects objects;

    public DefaultStorageClass(ClusterObjects objects) {
        this.objects = objects;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void admit(AdmissionRequest r) {
        if (!r.isMainResource("", "persistentvolumeclaims") || r.operation() != Operation.CREATE || r.object() == null) {
            return;
        }
        ObjectNode claim = r.object();
        if (claim.path("metadata").path("annotations").has(BETA_CLASS_ANNOTATION) || hasValue(claim.path("spec").get("storageClassName"))) {
            return;
        }
        DefaultClassChoice.pick(objects.list("storage.k8s.io", "storageclasses", ""),
                        c -> DefaultClassChoice.annotationTrue(c, IS_DEFAULT) || DefaultClassChoice.annotationTrue(c, BETA_IS_DEFAULT))
                .ifPresent(c -> Json.with(claim, "spec").put("storageClassName", Json.text(c, "metadata", "name")));
    }

    private static boolean hasValue(JsonNode n) {
        return n != null && !n.isNull();
    }
}
