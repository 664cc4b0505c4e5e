package io.wharf.apiserver.admission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;

/**
 * Upstream's DefaultTolerationSeconds: a pod that does not already tolerate the not-ready and
 * unreachable NoExecute taints tolerates each for 300 seconds, so it is evicted from a failed node
 * after five minutes rather than at once.
 */
public final class DefaultTolerationSeconds implements AdmissionPlugin {
    public static final String NAME = "DefaultTolerationSeconds";
    static final String NOT_READY = "node.kubernetes.io/not-ready";
    static final String UNREACHABLE = "node.kubernetes.io/unreachable";
    /** Upstream's default for --default-not-ready-toleration-seconds and --default-unreachable-toleration-seconds. */
    static final long DEFAULT_SECONDS = 300;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void admit(AdmissionRequest r) {
        if (!r.isMainResource("", "pods") || r.object() == null
                || (r.operation() != Operation.CREATE && r.operation() != Operation.UPDATE)) {
            return;
        }
        ObjectNode spec = Json.with(r.object(), "spec");
        boolean notReady = false;
        boolean unreachable = false;
        for (JsonNode t : spec.path("tolerations")) {
            String key = t.path("key").asText("");
            String effect = t.path("effect").asText("");
            if (effect.isEmpty() || effect.equals("NoExecute")) {
                notReady |= key.isEmpty() || key.equals(NOT_READY);
                unreachable |= key.isEmpty() || key.equals(UNREACHABLE);
            }
        }
        if (!notReady) {
            tolerations(spec).add(toleration(NOT_READY));
        }
        if (!unreachable) {
            tolerations(spec).add(toleration(UNREACHABLE));
        }
    }

    private static ArrayNode tolerations(ObjectNode spec) {
        JsonNode t = spec.get("tolerations");
        return t instanceof ArrayNode a ? a : spec.putArray("tolerations");
    }

    private static ObjectNode toleration(String key) {
        return Json.object().put("key", key).put("operator", "Exists").put("effect", "NoExecute").put("tolerationSeconds", DEFAULT_SECONDS);
    }
}
