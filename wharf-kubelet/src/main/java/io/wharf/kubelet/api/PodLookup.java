package io.wharf.kubelet.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/** Finds a pod bound to the node, and a container in its spec, the way the kubelet's pod manager answers. */
final class PodLookup {
    private final KubeletApiBackend backend;

    PodLookup(KubeletApiBackend backend) {
        this.backend = backend;
    }

    Optional<ObjectNode> pod(String namespace, String name) {
        return backend.pod(namespace, name);
    }

    /** Whether the spec names the container among its containers, init containers or ephemeral containers. */
    static boolean hasContainer(ObjectNode pod, String container) {
        JsonNode spec = pod.path("spec");
        for (String list : new String[] {"containers", "initContainers", "ephemeralContainers"}) {
            for (JsonNode c : spec.path(list)) {
                if (container.equals(c.path("name").asText())) {
                    return true;
                }
            }
        }
        return false;
    }

    static String uid(ObjectNode pod) {
        return pod.path("metadata").path("uid").asText("");
    }
}
