package io.wharf.apiserver.kubelet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.apiserver.errors.ApiException;
import io.wharf.apiserver.registry.Meta;
import java.util.ArrayList;
import java.util.List;

/** Which container of a pod a log, exec or attach request is about, chosen as upstream does. */
final class PodContainers {
    private PodContainers() {
    }

    /**
     * The named container when the pod has it; with no name, the pod's only regular container.
     * Init and ephemeral containers count as valid names, and are listed when a name is missing.
     */
    static String choose(ObjectNode pod, String requested) {
        String podName = Meta.name(pod);
        JsonNode spec = pod.path("spec");
        if (requested == null || requested.isEmpty()) {
            JsonNode regular = spec.path("containers");
            if (regular.size() == 1) {
                return regular.get(0).path("name").asText();
            }
            if (regular.isEmpty()) {
                throw ApiException.badRequest("a container name must be specified for pod " + podName);
            }
            // Go prints the []string as [a b c]
            throw ApiException.badRequest("a container name must be specified for pod " + podName + ", choose one of: ["
                    + String.join(" ", allNames(spec)) + "]");
        }
        if (!allNames(spec).contains(requested)) {
            throw ApiException.badRequest("container " + requested + " is not valid for pod " + podName);
        }
        return requested;
    }

    /** Init containers, then regular ones, then ephemeral ones: the order upstream visits them in. */
    private static List<String> allNames(JsonNode spec) {
        List<String> names = new ArrayList<>();
        for (String list : List.of("initContainers", "containers", "ephemeralContainers")) {
            for (JsonNode c : spec.path(list)) {
                names.add(c.path("name").asText());
            }
        }
        return names;
    }
}
