package io.wharf.apiserver.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.validation.FieldProblem;
import io.wharf.api.validation.kinds.PodEphemeralContainersValidation;
import java.util.List;

/**
 * The {@code pods/ephemeralcontainers} subresource: the only way to change a pod's
 * {@code spec.ephemeralContainers}, and only by adding containers. Everything else of the pod stays
 * as stored; the new containers are checked with the rest of the pod.
 */
public final class PodEphemeralContainers {
    public static final String SUBRESOURCE = "ephemeralcontainers";

    private PodEphemeralContainers() {
    }

    /** The stored pod with the ephemeral containers of {@code desired} and nothing else of it. */
    public static ObjectNode apply(ObjectNode stored, ObjectNode desired) {
        ObjectNode pod = stored.deepCopy();
        ObjectNode spec = (ObjectNode) pod.path("spec");
        JsonNode wanted = desired.path("spec").get("ephemeralContainers");
        if (wanted == null || wanted.isNull() || wanted.isEmpty()) {
            spec.remove("ephemeralContainers");
        } else {
            spec.set("ephemeralContainers", wanted.deepCopy());
        }
        JsonNode rv = desired.path("metadata").get("resourceVersion");
        if (rv != null && !rv.isNull()) {
            ((ObjectNode) pod.path("metadata")).set("resourceVersion", rv);
        }
        return pod;
    }

    /** Upstream's rules for this subresource: the pod stays valid, existing ephemeral containers stay as they are. */
    static List<FieldProblem> validateUpdate(ObjectNode pod, ObjectNode old) {
        return PodEphemeralContainersValidation.validateUpdate(pod, old);
    }
}
