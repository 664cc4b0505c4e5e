package io.wharf.api.validation.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.labels.LabelSelector;
import io.wharf.api.validation.FieldProblem;
import java.util.List;
import java.util.Optional;

/**
 * apps/v1 DaemonSet: upstream's ValidateDaemonSetSpec and the selector immutability of its
 * strategy. Unlike Deployments, a missing selector is not reported as required: it selects
 * nothing and so fails the template match instead. The templateGeneration checks are left out:
 * that field is internal (an annotation in v1) and maintained by the server, not by clients.
 */
final class DaemonSetValidation implements KindValidator {
    private static final FieldPath SPEC = FieldPath.of("spec");

    @Override
    public List<FieldProblem> validate(ObjectNode object) {
        return spec(object.path("spec"), false);
    }

    @Override
    public List<FieldProblem> validateStatusUpdate(ObjectNode object, ObjectNode old) {
        return WorkloadStatusValidation.daemonSet(object, old);
    }

    @Override
    public List<FieldProblem> validateUpdate(ObjectNode object, ObjectNode old) {
        JsonNode oldSelector = Nodes.at(old, "spec", "selector");
        Problems out = new Problems();
        out.addAll(spec(object.path("spec"), SelectorChecks.hasInvalidLabelValue(oldSelector)));
        JsonNode selector = Nodes.at(object, "spec", "selector");
        FieldChecks.immutable(out, selector, oldSelector, GoValues.labelSelector(selector), SPEC.child("selector"));
        return out.list();
    }

    private static List<FieldProblem> spec(JsonNode spec, boolean allowInvalidSelectorValues) {
        Problems out = new Problems();
        JsonNode selector = spec.path("selector");
        JsonNode template = spec.path("template");
        FieldPath templatePath = SPEC.child("template");
        out.addAll(SelectorChecks.validate(selector, SPEC.child("selector"), allowInvalidSelectorValues));
        Optional<LabelSelector> converted = SelectorChecks.convert(selector);
        if (converted.isPresent()) {
            WorkloadTemplates.selectorMatches(out, converted.get(), template, templatePath);
        }
        if (Nodes.isSet(selector) && SelectorChecks.hasNoRequirements(selector)) {
            out.invalid(SPEC.child("selector"), GoValues.labelSelector(selector), "empty selector is invalid for daemonset");
        }
        WorkloadTemplates.podTemplate(out, template, templatePath);
        WorkloadTemplates.alwaysRunning(out, template, templatePath, "DaemonSet");
        FieldChecks.nonNegative(out, Nodes.longValue(spec, "minReadySeconds"), SPEC.child("minReadySeconds"));
        updateStrategy(out, spec.path("updateStrategy"), SPEC.child("updateStrategy"));
        FieldChecks.nonNegative(out, spec.path("revisionHistoryLimit"), SPEC.child("revisionHistoryLimit"));
        return out.list();
    }

    private static void updateStrategy(Problems out, JsonNode strategy, FieldPath path) {
        String type = Nodes.text(strategy, "type");
        JsonNode rollingUpdate = strategy.path("rollingUpdate");
        switch (type) {
            case "OnDelete" -> {
                // nothing to check
            }
            case "RollingUpdate" -> {
                if (!Nodes.isSet(rollingUpdate)) {
                    out.required(path.child("rollingUpdate"), "");
                } else {
                    rollingUpdate(out, rollingUpdate, path.child("rollingUpdate"));
                }
            }
            default -> out.notSupported(path, GoValues.struct("apps.DaemonSetUpdateStrategy")
                    .string("Type", type)
                    .pointer("RollingUpdate", "apps.RollingUpdateDaemonSet", Nodes.isSet(rollingUpdate))
                    .build(), List.of("RollingUpdate", "OnDelete"));
        }
    }

    /** Exactly one of maxSurge and maxUnavailable must be non-zero. */
    private static void rollingUpdate(Problems out, JsonNode rollingUpdate, FieldPath path) {
        JsonNode maxUnavailable = rollingUpdate.path("maxUnavailable");
        JsonNode maxSurge = rollingUpdate.path("maxSurge");
        IntOrPercent.positiveIntOrPercent(out, maxUnavailable, path.child("maxUnavailable"));
        IntOrPercent.positiveIntOrPercent(out, maxSurge, path.child("maxSurge"));
        IntOrPercent.notMoreThan100Percent(out, maxUnavailable, path.child("maxUnavailable"));
        IntOrPercent.notMoreThan100Percent(out, maxSurge, path.child("maxSurge"));
        boolean hasUnavailable = IntOrPercent.value(maxUnavailable) != 0;
        boolean hasSurge = IntOrPercent.value(maxSurge) != 0;
        if (hasUnavailable && hasSurge) {
            out.invalid(path.child("maxSurge"), GoValues.intOrString(maxSurge),
                    "may not be set when maxUnavailable is non-zero");
        } else if (!hasUnavailable && !hasSurge) {
            out.required(path.child("maxUnavailable"), "cannot be 0 when maxSurge is 0");
        }
    }
}
