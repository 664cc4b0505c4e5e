package io.wharf.api.validation.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.validation.FieldProblem;
import java.util.List;

/**
 * apps/v1 Deployment: upstream's ValidateDeploymentSpec (on create and update alike) plus the
 * selector immutability its strategy adds for apps/v1.
 */
final class DeploymentValidation implements KindValidator {
    private static final FieldPath SPEC = FieldPath.of("spec");

    @Override
    public List<FieldProblem> validate(ObjectNode object) {
        return spec(object.path("spec"));
    }

    @Override
    public List<FieldProblem> validateStatusUpdate(ObjectNode object, ObjectNode old) {
        return WorkloadStatusValidation.deployment(object, old);
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
        ReplicaSetValidation.templateForReplicas(out, spec, SPEC);
        strategy(out, spec.path("strategy"), SPEC.child("strategy"));
        long minReadySeconds = Nodes.longValue(spec, "minReadySeconds");
        FieldChecks.nonNegative(out, minReadySeconds, SPEC.child("minReadySeconds"));
        FieldChecks.nonNegative(out, spec.path("revisionHistoryLimit"), SPEC.child("revisionHistoryLimit"));
        Long deadline = Nodes.optionalLong(spec, "progressDeadlineSeconds");
        if (deadline != null) {
            FieldChecks.nonNegative(out, deadline, SPEC.child("progressDeadlineSeconds"));
            if (deadline <= minReadySeconds) {
                out.invalid(SPEC.child("progressDeadlineSeconds"), deadline, "must be greater than minReadySeconds");
            }
        }
        return out.list();
    }

    private static void strategy(Problems out, JsonNode strategy, FieldPath path) {
        String type = Nodes.text(strategy, "type");
        JsonNode rollingUpdate = strategy.path("rollingUpdate");
        switch (type) {
            case "Recreate" -> {
                if (Nodes.isSet(rollingUpdate)) {
                    out.forbidden(path.child("rollingUpdate"),
                            "may not be specified when strategy `type` is 'Recreate'");
                }
            }
            case "RollingUpdate" -> {
                if (!Nodes.isSet(rollingUpdate)) {
                    out.required(path.child("rollingUpdate"), "this should be defaulted and never be nil");
                } else {
                    rollingUpdate(out, rollingUpdate, path.child("rollingUpdate"));
                }
            }
            default -> out.notSupported(path, GoValues.struct("apps.DeploymentStrategy")
                    .string("Type", type)
                    .pointer("RollingUpdate", "apps.RollingUpdateDeployment", Nodes.isSet(rollingUpdate))
                    .build(), List.of("Recreate", "RollingUpdate"));
        }
    }

    private static void rollingUpdate(Problems out, JsonNode rollingUpdate, FieldPath path) {
        JsonNode maxUnavailable = rollingUpdate.path("maxUnavailable");
        JsonNode maxSurge = rollingUpdate.path("maxSurge");
        IntOrPercent.positiveIntOrPercent(out, maxUnavailable, path.child("maxUnavailable"));
        IntOrPercent.positiveIntOrPercent(out, maxSurge, path.child("maxSurge"));
        if (IntOrPercent.value(maxUnavailable) == 0 && IntOrPercent.value(maxSurge) == 0) {
            out.invalid(path.child("maxUnavailable"), GoValues.intOrString(maxUnavailable),
                    "may not be 0 when `maxSurge` is 0");
        }
        IntOrPercent.notMoreThan100Percent(out, maxUnavailable, path.child("maxUnavailable"));
    }
}
