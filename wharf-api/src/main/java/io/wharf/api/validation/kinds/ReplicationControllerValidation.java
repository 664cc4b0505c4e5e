package io.wharf.api.validation.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.labels.LabelSelector;
import io.wharf.api.validation.FieldProblem;
import java.util.List;
import java.util.Map;

/**
 * ReplicationControllers (upstream's ValidateReplicationControllerSpec): a non-empty selector
 * that matches the template's labels, non-negative counts, and a template whose pods always
 * restart and have no deadline. Status writes are held to the
 * ReplicaSet status rules.
 */
final class ReplicationControllerValidation implements KindValidator {
    @Override
    public List<FieldProblem> validate(ObjectNode rc) {
        Problems out = new Problems();
        spec(out, Nodes.get(rc, "spec"), FieldPath.of("spec"));
        return out.list();
    }

    @Override
    public List<FieldProblem> validateStatusUpdate(ObjectNode rc, ObjectNode old) {
        return WorkloadStatusValidation.replicaSet(rc);
    }

    private static void spec(Problems out, JsonNode spec, FieldPath path) {
        FieldChecks.nonNegative(out, Nodes.longValue(spec, "minReadySeconds"), path.child("minReadySeconds"));
        Map<String, String> selector = Nodes.sortedMap(spec, "selector");
        if (selector.isEmpty()) {
            out.required(path.child("selector"), "");
        }
        FieldChecks.nonNegative(out, Nodes.longValue(spec, "replicas"), path.child("replicas"));
        JsonNode template = Nodes.get(spec, "template");
        FieldPath templatePath = path.child("template");
        if (template == null) {
            out.required(templatePath, "");
            return;
        }
        JsonNode meta = Nodes.get(template, "metadata");
        Map<String, String> labels = Nodes.sortedMap(meta, "labels");
        if (!selector.isEmpty() && !LabelSelector.fromSet(selector).matches(labels)) {
            out.invalid(templatePath.child("metadata", "labels"), GoValues.stringMap(Nodes.has(meta, "labels") ? labels : null),
                    "`selector` does not match template `labels`");
        }
        PodTemplateSpecValidation.validate(out, template, templatePath);
        JsonNode podSpec = Nodes.get(template, "spec");
        String restartPolicy = Nodes.text(podSpec, "restartPolicy");
        if (!restartPolicy.equals("Always")) {
            out.notSupported(templatePath.child("spec", "restartPolicy"), restartPolicy, List.of("Always"));
        }
        if (Nodes.has(podSpec, "activeDeadlineSeconds")) {
            out.forbidden(templatePath.child("spec", "activeDeadlineSeconds"), "activeDeadlineSeconds in ReplicationController is not Supported");
        }
    }
}
