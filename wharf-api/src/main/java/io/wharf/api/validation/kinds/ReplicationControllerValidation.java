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
 * restart and have no deadline. On update the status counts are checked too (status writes).
 */
final class ReplicationControllerValidation implements KindValidator {
    @Override
    public List<FieldProblem> validate(ObjectNode rc) {
        Problems out = new Problems();
        spec(out, Nodes.get(rc, "spec"), FieldPath.of("spec"));
        return out.list();
    }

    @Override
    public List<FieldProblem> validateUpdate(ObjectNode rc, ObjectNode old) {
        Problems out = new Problems();
        spec(out, Nodes.get(rc, "spec"), FieldPath.of("spec"));
        status(out, Nodes.get(rc, "status"), FieldPath.of("status"));
        return out.list();
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

    private static void status(Problems out, JsonNode status, FieldPath path) {
        long replicas = Nodes.longValue(status, "replicas");
        long fullyLabeled = Nodes.longValue(status, "fullyLabeledReplicas");
        long ready = Nodes.longValue(status, "readyReplicas");
        long available = Nodes.longValue(status, "availableReplicas");
        FieldChecks.nonNegative(out, replicas, path.child("replicas"));
        FieldChecks.nonNegative(out, fullyLabeled, path.child("fullyLabeledReplicas"));
        FieldChecks.nonNegative(out, ready, path.child("readyReplicas"));
        FieldChecks.nonNegative(out, available, path.child("availableReplicas"));
        FieldChecks.nonNegative(out, Nodes.longValue(status, "observedGeneration"), path.child("observedGeneration"));
        String msg = "cannot be greater than status.replicas";
        if (fullyLabeled > replicas) {
            out.invalid(path.child("fullyLabeledReplicas"), fullyLabeled, msg);
        }
        if (ready > replicas) {
            out.invalid(path.child("readyReplicas"), ready, msg);
        }
        if (available > replicas) {
            out.invalid(path.child("availableReplicas"), available, msg);
        }
        if (available > ready) {
            out.invalid(path.child("availableReplicas"), available, "cannot be greater than readyReplicas");
        }
    }
}
