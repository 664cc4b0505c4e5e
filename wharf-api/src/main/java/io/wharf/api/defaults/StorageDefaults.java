package io.wharf.api.defaults;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Defaults of storage.k8s.io/v1 StorageClass. */
final class StorageDefaults {
    private StorageDefaults() {
    }

    static void apply(String kind, ObjectNode o) {
        if ("StorageClass".equals(kind)) {
            Tree.defaultPointerText(o, "reclaimPolicy", "Delete");
            Tree.defaultPointerText(o, "volumeBindingMode", "Immediate");
        }
    }
}
