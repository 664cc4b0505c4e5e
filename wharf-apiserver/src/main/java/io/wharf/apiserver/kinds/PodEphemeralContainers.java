package io.wharf.apiserver.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.validation.FieldProblem;
import io.wharf.api.validation.kinds.KindValidators;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code pods/ephemeralcontainers} subresource: the only way to change a pod's
 * {@code spec.ephemeralContainers}, and only by adding containers. Everything else of the pod stays
 * as stored; the new containers are checked with the rest of the pod.
 */
public final class PodEphemeralContainers {
    public static final String SUBRESOURCE = "ephemeralcontainers";
    private static final String MIRROR_ANNOTATION = "kubernetes.io/config.mirror";

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

    /** Existing ephemeral containers stay exactly as they are; static pods take none; the pod stays valid. */
    static List<FieldProblem> validateUpdate(ObjectNode pod, ObjectNode old) {
        if (old.path("metadata").path("annotations").has(MIRROR_ANNOTATION)) {
            return List.of(FieldProblem.forbidden("", "static pods do not support ephemeral containers"));
        }
        List<FieldProblem> errors = new ArrayList<>();
        KindValidators.forKind("", "v1", "Pod").ifPresent(v -> errors.addAll(v.validate(pod)));
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        for (JsonNode c : pod.path("spec").path("ephemeralContainers")) {
            byName.put(c.path("name").asText(), c);
        }
        for (JsonNode was : old.path("spec").path("ephemeralContainers")) {
            String name = was.path("name").asText();
            JsonNode now = byName.get(name);
            if (now == null) {
                errors.add(FieldProblem.forbidden("spec.ephemeralContainers", "existing ephemeral containers \"" + name + "\" may not be removed\n"));
            } else if (!now.equals(was)) {
                errors.add(FieldProblem.forbidden("spec.ephemeralContainers[" + name + "]",
                        "existing ephemeral containers \"" + name + "\" may not be changed\n"));
            }
        }
        return errors;
    }
}
