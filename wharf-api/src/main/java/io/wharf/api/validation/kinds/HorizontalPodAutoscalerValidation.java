package io.wharf.api.validation.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.validation.FieldProblem;
import io.wharf.api.validation.NameValidation;
import java.util.List;

/**
 * autoscaling HorizontalPodAutoscaler, in its storage version autoscaling/v2. Upstream validates
 * the internal (v2-shaped) object whatever version was written, so an autoscaling/v1 object's
 * targetCPUUtilizationPercentage is checked as the cpu Resource metric it converts to, with the v2
 * paths upstream reports. minReplicas may be 0 only for objects that already had 0 (HPAScaleToZero
 * is off in v1.32).
 */
final class HorizontalPodAutoscalerValidation implements KindValidator {
    static final long MAX_PERIOD_SECONDS = 1800;
    static final long MAX_STABILIZATION_WINDOW_SECONDS = 3600;
    private static final FieldPath SPEC = FieldPath.of("spec");

    @Override
    public List<FieldProblem> validate(ObjectNode hpa) {
        return spec(hpa.path("spec"), 1);
    }

    @Override
    public List<FieldProblem> validateUpdate(ObjectNode hpa, ObjectNode old) {
        Long oldMin = Nodes.optionalLong(old, "spec", "minReplicas");
        return spec(hpa.path("spec"), oldMin != null && oldMin == 0 ? 0 : 1);
    }

    private static List<FieldProblem> spec(JsonNode spec, long minReplicasLowerBound) {
        Problems out = new Problems();
        Long minReplicas = Nodes.optionalLong(spec, "minReplicas");
        long maxReplicas = Nodes.longValue(spec, "maxReplicas");
        if (minReplicas != null && minReplicas < minReplicasLowerBound) {
            out.invalid(SPEC.child("minReplicas"), minReplicas,
                    "must be greater than or equal to " + minReplicasLowerBound);
        }
        if (maxReplicas < 1) {
            out.invalid(SPEC.child("maxReplicas"), maxReplicas, "must be greater than 0");
        }
        if (minReplicas != null && maxReplicas < minReplicas) {
            out.invalid(SPEC.child("maxReplicas"), maxReplicas, "must be greater than or equal to `minReplicas`");
        }
        objectReference(out, spec.path("scaleTargetRef"), SPEC.child("scaleTargetRef"));
        metrics(out, Nodes.items(spec, "metrics"), SPEC.child("metrics"), minReplicas);
        JsonNode behavior = spec.path("behavior");
        if (Nodes.isSet(behavior)) {
            HpaBehaviorValidation.scalingRules(out, behavior.path("scaleUp"), SPEC.child("behavior", "scaleUp"));
            HpaBehaviorValidation.scalingRules(out, behavior.path("scaleDown"), SPEC.child("behavior", "scaleDown"));
        }
        return out.list();
    }

    /** {@code ValidateCrossVersionObjectReference}: kind and name are required path segments. */
    static void objectReference(Problems out, JsonNode ref, FieldPath path) {
        for (String field : List.of("kind", "name")) {
            String value = Nodes.text(ref, field);
            if (value.isEmpty()) {
                out.required(path.child(field), "");
            } else {
                out.invalidEach(path.child(field), value, NameValidation.isValidPathSegmentName(value));
            }
        }
    }

    private static void metrics(Problems out, List<JsonNode> metrics, FieldPath path, Long minReplicas) {
        boolean objectOrExternal = false;
        for (int i = 0; i < metrics.size(); i++) {
            HpaMetricValidation.metric(out, metrics.get(i), path.index(i));
            String type = Nodes.text(metrics.get(i), "type");
            objectOrExternal |= type.equals("Object") || type.equals("External");
        }
        if (minReplicas != null && minReplicas == 0 && !objectOrExternal) {
            out.forbidden(path, "must specify at least one Object or External metric to support scaling to zero replicas");
        }
    }
}
