package io.wharf.api.defaults;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Defaults of discovery.k8s.io/v1 EndpointSlice ports: an unnamed TCP port unless told otherwise. */
final class DiscoveryDefaults {
    private DiscoveryDefaults() {
    }

    static void apply(String kind, ObjectNode o) {
        if (!"EndpointSlice".equals(kind)) {
            return;
        }
        for (ObjectNode port : Tree.objects(o, "ports")) {
            Tree.defaultPointerText(port, "name", "");
            Tree.defaultPointerText(port, "protocol", "TCP");
        }
    }
}
