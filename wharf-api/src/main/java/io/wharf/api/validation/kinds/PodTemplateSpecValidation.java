package io.wharf.api.validation.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Upstream's ValidatePodTemplateSpec, used by PodTemplates, ReplicationControllers and (through
 * other groups) every workload: the template's labels and annotations, which upstream reports at
 * {@code <template>.labels} and {@code <template>.annotations} (without "metadata"), and its spec
 * validated as a template (no pod name, host ports may be left 0, no ephemeral containers).
 */
final class PodTemplateSpecValidation {
    private PodTemplateSpecValidation() {
    }

    static void validate(Problems out, JsonNode template, FieldPath path) {
        JsonNode meta = Nodes.get(template, "metadata");
        Map<String, String> annotations = Nodes.sortedMap(meta, "annotations");
        JsonNode spec = Nodes.get(template, "spec");
        FieldChecks.labels(out, Nodes.sortedMap(meta, "labels"), path.child("labels"));
        FieldChecks.annotations(out, annotations, path.child("annotations"));
        PodAnnotationValidation.validate(out, annotations, spec, path.child("annotations"), false);
        PodSpecValidation.validate(out, spec, path.child("spec"), "", false);
        PodAnnotationValidation.matchFields(out, annotations, spec, path.child("spec"));
        if (!Nodes.items(spec, "ephemeralContainers").isEmpty()) {
            out.forbidden(path.child("spec", "ephemeralContainers"), "ephemeral containers not allowed in pod template");
        }
    }
}
