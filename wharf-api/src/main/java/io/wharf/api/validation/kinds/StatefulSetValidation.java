package io.wharf.api.validation.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.labels.LabelSelector;
import io.wharf.api.validation.FieldProblem;
import io.wharf.api.validation.MetadataValidation;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * apps/v1 StatefulSet (upstream v1.32): policy enums, update strategy, the selector, and on update
 * the rule that only some spec fields may change. Upstream v1.32 checks only the template's labels
 * and annotations here (with the pod-specific annotation rules), not its PodSpec, and puts no rule
 * on serviceName.
 */
final class StatefulSetValidation implements KindValidator {
    private static final FieldPath SPEC = FieldPath.of("spec");
    /** The spec fields an update may change; anything else must stay as it was. */
    private static final List<String> MUTABLE = List.of("replicas", "ordinals", "template", "updateStrategy",
            "persistentVolumeClaimRetentionPolicy", "minReadySeconds");

    @Override
    public List<FieldProblem> validate(ObjectNode object) {
        return spec(object.path("spec"));
    }

    @Override
    public List<FieldProblem> validateStatusUpdate(ObjectNode object, ObjectNode old) {
        return WorkloadStatusValidation.statefulSet(object, old);
    }

    @Override
    public List<FieldProblem> validateUpdate(ObjectNode object, ObjectNode old) {
        Problems out = new Problems();
        out.addAll(spec(object.path("spec")));
        if (!Semantic.equal(withoutMutable(object.path("spec")), withoutMutable(old.path("spec")))) {
            out.forbidden(SPEC, "updates to statefulset spec for fields other than 'replicas', 'ordinals', "
                    + "'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden");
        }
        return out.list();
    }

    private static JsonNode withoutMutable(JsonNode spec) {
        if (!spec.isObject()) {
            return spec;
        }
        ObjectNode copy = ((ObjectNode) spec).deepCopy();
        copy.remove(MUTABLE);
        return copy;
    }

    private static List<FieldProblem> spec(JsonNode spec) {
        Problems out = new Problems();
        String policy = Nodes.text(spec, "podManagementPolicy");
        switch (policy) {
            case "" -> out.required(SPEC.child("podManagementPolicy"), "");
            case "OrderedReady", "Parallel" -> {
                // valid
            }
            default -> out.invalid(SPEC.child("podManagementPolicy"), policy,
                    "must be 'OrderedReady' or 'Parallel'");
        }
        updateStrategy(out, spec.path("updateStrategy"), SPEC.child("updateStrategy"));
        JsonNode retention = spec.path("persistentVolumeClaimRetentionPolicy");
        if (Nodes.isSet(retention)) {
            retentionPolicy(out, Nodes.text(retention, "whenDeleted"), SPEC.child("persistentVolumeClaimRetentionPolicy", "whenDeleted"));
            retentionPolicy(out, Nodes.text(retention, "whenScaled"), SPEC.child("persistentVolumeClaimRetentionPolicy", "whenScaled"));
        }
        FieldChecks.nonNegative(out, Nodes.longValue(spec, "replicas"), SPEC.child("replicas"));
        FieldChecks.nonNegative(out, Nodes.longValue(spec, "minReadySeconds"), SPEC.child("minReadySeconds"));
        if (Nodes.isSet(spec.path("ordinals"))) {
            FieldChecks.nonNegative(out, Nodes.longValue(spec, "ordinals", "start"), SPEC.child("ordinals.start"));
        }
        JsonNode selector = spec.path("selector");
        WorkloadTemplates.requiredSelector(out, selector, SPEC.child("selector"), "empty selector is invalid for statefulset");
        JsonNode template = spec.path("template");
        FieldPath templatePath = SPEC.child("template");
        Optional<LabelSelector> converted = SelectorChecks.convert(selector);
        if (converted.isEmpty()) {
            out.invalid(SPEC.child("selector"), GoValues.labelSelector(selector), "");
        } else {
            if (!converted.get().isEverything()) {
                WorkloadTemplates.selectorMatches(out, converted.get(), template, templatePath);
            }
            out.addAllAt(templatePath.child("labels"), MetadataValidation.validateLabels(WorkloadTemplates.labels(template)));
            Map<String, String> annotations = Nodes.sortedMap(template, "metadata", "annotations");
            out.addAllAt(templatePath.child("annotations"), MetadataValidation.validateAnnotations(annotations));
            PodAnnotationValidation.validate(out, annotations, Nodes.get(template, "spec"), templatePath.child("annotations"), false);
        }
        WorkloadTemplates.alwaysRunning(out, template, templatePath, "StatefulSet");
        return out.list();
    }

    private static void updateStrategy(Problems out, JsonNode strategy, FieldPath path) {
        String type = Nodes.text(strategy, "type");
        JsonNode rollingUpdate = strategy.path("rollingUpdate");
        switch (type) {
            case "" -> out.required(path, "");
            case "OnDelete" -> {
                if (Nodes.isSet(rollingUpdate)) {
                    out.invalid(path.child("rollingUpdate"), GoValues.struct("apps.RollingUpdateStatefulSetStrategy")
                            .number("Partition", Nodes.longValue(rollingUpdate, "partition"))
                            .pointer("MaxUnavailable", "intstr.IntOrString", Nodes.isSet(rollingUpdate.path("maxUnavailable")))
                            .build(), "only allowed for updateStrategy 'RollingUpdate'");
                }
            }
            case "RollingUpdate" -> {
                // maxUnavailable belongs to the MaxUnavailableStatefulSet gate, off in v1.32, whose
                // strategy drops the field before validation; only the partition is checked.
                if (Nodes.isSet(rollingUpdate)) {
                    FieldChecks.nonNegative(out, Nodes.longValue(rollingUpdate, "partition"), path.child("rollingUpdate", "partition"));
                }
            }
            default -> out.invalid(path, GoValues.struct("apps.StatefulSetUpdateStrategy")
                    .string("Type", type)
                    .pointer("RollingUpdate", "apps.RollingUpdateStatefulSetStrategy", Nodes.isSet(rollingUpdate))
                    .build(), "must be 'RollingUpdate' or 'OnDelete'");
        }
    }

    private static void retentionPolicy(Problems out, String value, FieldPath path) {
        if (!value.equals("Retain") && !value.equals("Delete")) {
            out.notSupported(path, value, List.of("Retain", "Delete"));
        }
    }
}
