package io.wharf.api.validation.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.labels.LabelSelector;
import io.wharf.api.validation.FieldProblem;
import java.util.List;
import java.util.Optional;

/** apps/v1 ReplicaSet: upstream's ValidateReplicaSet plus the selector immutability of its strategy. */
final class ReplicaSetValidation implements KindValidator {
    private static final FieldPath SPEC = FieldPath.of("spec");

    @Override
    public List<FieldProblem> validate(ObjectNode object) {
        return spec(object.path("spec"));
    }

    @Override
    public List<FieldProblem> validateStatusUpdate(ObjectNode object, ObjectNode old) {
        return WorkloadStatusValidation.replicaSet(object);
    }

    @Override
    public List<FieldProblem> validateUpdate(ObjectNode object, ObjectNode old) {
        Problems out = new Problems();
        out.addAll(spec(object.path("spec")));
        JsonNode selector = Nodes.at(object, "spec", "selector");
        FieldChecks.immutable(out, selector, Nodes.at(old, "spec", "selector"), GoValues.labelSelector(selector), SPEC.child("selector"));
        return out.list();
    }

    private static List<FieldProblem> spec(JsonNode spec) {
        Problems out = new Problems();
        FieldChecks.nonNegative(out, Nodes.longValue(spec, "replicas"), SPEC.child("replicas"));
        FieldChecks.nonNegative(out, Nodes.longValue(spec, "minReadySeconds"), SPEC.child("minReadySeconds"));
        templateForReplicas(out, spec, SPEC);
        return out.list();
    }

    /**
     * The selector and template rules Deployments share with ReplicaSets. Upstream words the empty
     * selector message "for deployment" for both kinds.
     */
    static void templateForReplicas(Problems out, JsonNode spec, FieldPath specPath) {
        JsonNode selector = spec.path("selector");
        WorkloadTemplates.requiredSelector(out, selector, specPath.child("selector"), "empty selector is invalid for deployment");
        Optional<LabelSelector> converted = SelectorChecks.convert(selector);
        if (converted.isEmpty()) {
            out.invalid(specPath.child("selector"), GoValues.labelSelector(selector), "invalid label selector");
            return;
        }
        JsonNode template = spec.path("template");
        FieldPath templatePath = specPath.child("template");
        // An empty selector selects everything; a missing one selects nothing and so never matches.
        if (!converted.get().isEverything()) {
            WorkloadTemplates.selectorMatches(out, converted.get(), template, templatePath);
        }
        WorkloadTemplates.podTemplate(out, template, templatePath);
        WorkloadTemplates.alwaysRunning(out, template, templatePath, "ReplicaSet");
    }
}
