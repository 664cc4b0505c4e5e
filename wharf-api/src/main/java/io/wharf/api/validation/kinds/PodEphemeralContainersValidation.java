package io.wharf.api.validation.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.validation.FieldProblem;
import io.wharf.api.validation.GoQuote;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Upstream's ValidatePodEphemeralContainersUpdate, for writes through the pod's
 * {@code ephemeralcontainers} subresource: the pod stays valid, static pods take no ephemeral
 * containers, and existing ephemeral containers are neither removed nor changed. The go-cmp diff
 * upstream appends to the "may not be changed" message is deliberately unstable and left out.
 */
public final class PodEphemeralContainersValidation {
    static final String MIRROR_ANNOTATION = "kubernetes.io/config.mirror";

    private PodEphemeralContainersValidation() {
    }

    public static List<FieldProblem> validateUpdate(ObjectNode pod, ObjectNode old) {
        Problems out = new Problems();
        PodValidation.metadataSpecAndAnnotationUpdates(out, pod, old);
        if (PodValidation.annotations(old).containsKey(MIRROR_ANNOTATION)) {
            return List.of(FieldProblem.forbidden("", "static pods do not support ephemeral containers"));
        }
        Map<String, JsonNode> byName = new HashMap<>();
        for (JsonNode c : Nodes.items(pod, "spec", "ephemeralContainers")) {
            byName.put(Nodes.text(c, "name"), c);
        }
        FieldPath path = FieldPath.of("spec", "ephemeralContainers");
        for (JsonNode was : Nodes.items(old, "spec", "ephemeralContainers")) {
            String name = Nodes.text(was, "name");
            JsonNode now = byName.get(name);
            if (now == null) {
                out.forbidden(path, "existing ephemeral containers " + GoQuote.quote(name) + " may not be removed\n");
            } else if (!Semantic.equal(now, was)) {
                out.forbidden(path, "existing ephemeral containers " + GoQuote.quote(name) + " may not be changed\n");
            }
        }
        return out.list();
    }
}
