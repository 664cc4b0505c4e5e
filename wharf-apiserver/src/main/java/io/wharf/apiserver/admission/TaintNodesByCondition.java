package io.wharf.apiserver.admission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;

/**
 * Upstream's TaintNodesByCondition: a new Node starts with the not-ready NoSchedule taint, so
 * nothing is scheduled onto it before the node controller has seen it become ready.
 */
public final class TaintNodesByCondition implements AdmissionPlugin {
    public static final String NAME = "TaintNodesByCondition";
    static final String NOT_READY = "node.kubernetes.io/not-ready";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void admit(AdmissionRequest r) {
        if (!r.isMainResource("", "nodes") || r.operation() != Operation.CREATE || r.object() == null) {
            return;
        }
        ObjectNode spec = Json.with(r.object(), "spec");
        for (JsonNode t : spec.path("taints")) {
            if (NOT_READY.equals(t.path("key").asText()) && "NoSchedule".equals(t.path("effect").asText())) {
                return;
            }
        }
        JsonNode taints = spec.get("taints");
        ArrayNode list = taints instanceof ArrayNode a ? a : spec.putArray("taints");
        list.addObject().put("key", NOT_READY).put("effect", "NoSchedule");
    }
}
