package io.wharf.kubelet.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import java.util.List;

/**
 * {@code /stats/summary}: the backend's Summary, or with {@code only_cpu_and_memory=true} the
 * reduced form the kubelet hands the metrics pipeline (names, start times, CPU and memory only).
 */
final class StatsSummary {
    private static final List<String> NODE_FIELDS = List.of("nodeName", "startTime", "cpu", "memory");
    private static final List<String> POD_FIELDS = List.of("podRef", "startTime", "cpu", "memory");
    private static final List<String> CONTAINER_FIELDS = List.of("name", "startTime", "cpu", "memory");

    private StatsSummary() {
    }

    static ObjectNode render(ObjectNode summary, boolean onlyCpuAndMemory) {
        if (!onlyCpuAndMemory) {
            return summary;
        }
        ObjectNode reduced = Json.NODES.objectNode();
        ObjectNode node = keep(summary.path("node"), NODE_FIELDS);
        ArrayNode system = Json.NODES.arrayNode();
        for (JsonNode container : summary.path("node").path("systemContainers")) {
            system.add(keep(container, CONTAINER_FIELDS));
        }
        if (!system.isEmpty()) {
            node.set("systemContainers", system);
        }
        reduced.set("node", node);
        ArrayNode pods = reduced.putArray("pods");
        for (JsonNode pod : summary.path("pods")) {
            ObjectNode kept = keep(pod, POD_FIELDS);
            ArrayNode containers = Json.NODES.arrayNode();
            for (JsonNode container : pod.path("containers")) {
                containers.add(keep(container, CONTAINER_FIELDS));
            }
            kept.set("containers", containers);
            pods.add(kept);
        }
        return reduced;
    }

    private static ObjectNode keep(JsonNode source, List<String> fields) {
        ObjectNode kept = Json.NODES.objectNode();
        for (String field : fields) {
            if (source.has(field)) {
                kept.set(field, source.get(field));
            }
        }
        return kept;
    }
}
