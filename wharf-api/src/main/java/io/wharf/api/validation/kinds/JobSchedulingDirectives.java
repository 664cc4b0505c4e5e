package io.wharf.api.validation.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;

/**
 * The template fields a suspended, never-started Job may change (upstream's
 * AllowMutableSchedulingDirectives): node affinity, node selector, tolerations, scheduling gates,
 * labels and annotations. Other affinity kinds stay immutable.
 */
final class JobSchedulingDirectives {
    private JobSchedulingDirectives() {
    }

    /** A copy of the old template with the new template's mutable fields, for the immutability check. */
    static ObjectNode adoptMutable(ObjectNode oldTemplate, ObjectNode newTemplate) {
        ObjectNode copy = oldTemplate.deepCopy();
        ObjectNode oldSpec = Json.with(copy, "spec");
        JsonNode newSpec = newTemplate.path("spec");
        JsonNode oldAffinity = oldSpec.path("affinity");
        JsonNode newAffinity = newSpec.path("affinity");
        if (!Nodes.isSet(newAffinity) && Nodes.isSet(oldAffinity)) {
            // Clearing affinity is fine when node affinity was all it held.
            ObjectNode kept = ((ObjectNode) oldAffinity).deepCopy();
            kept.remove("nodeAffinity");
            if (kept.isEmpty()) {
                oldSpec.remove("affinity");
            } else {
                oldSpec.set("affinity", kept);
            }
        } else if (Nodes.isSet(newAffinity)) {
            ObjectNode affinity = Nodes.isSet(oldAffinity) ? ((ObjectNode) oldAffinity).deepCopy() : oldSpec.objectNode();
            copyOrRemove(affinity, "nodeAffinity", newAffinity.path("nodeAffinity"));
            oldSpec.set("affinity", affinity);
        }
        copyOrRemove(oldSpec, "nodeSelector", newSpec.path("nodeSelector"));
        copyOrRemove(oldSpec, "tolerations", newSpec.path("tolerations"));
        copyOrRemove(oldSpec, "schedulingGates", newSpec.path("schedulingGates"));
        ObjectNode metadata = Json.with(copy, "metadata");
        copyOrRemove(metadata, "annotations", Nodes.at(newTemplate, "metadata", "annotations"));
        copyOrRemove(metadata, "labels", Nodes.at(newTemplate, "metadata", "labels"));
        return copy;
    }

    private static void copyOrRemove(ObjectNode target, String field, JsonNode value) {
        if (Nodes.isSet(value)) {
            target.set(field, value.deepCopy());
        } else {
            target.remove(field);
        }
    }
}
