package io.wharf.api.validation.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.validation.FieldProblem;
import java.util.List;

/**
 * policy/v1 PodDisruptionBudget: at most one of minAvailable and maxUnavailable, each an
 * int-or-percent up to 100%, a valid selector, and a known unhealthy-pod eviction policy.
 */
final class PodDisruptionBudgetValidation implements KindValidator {
    private static final FieldPath SPEC = FieldPath.of("spec");
    private static final List<String> EVICTION_POLICIES = List.of("AlwaysAllow", "IfHealthyBudget");

    @Override
    public List<FieldProblem> validate(ObjectNode pdb) {
        return spec(pdb.path("spec"), false);
    }

    /** Selectors stored before their values were checked stay acceptable. */
    @Override
    public List<FieldProblem> validateUpdate(ObjectNode pdb, ObjectNode old) {
        return spec(pdb.path("spec"), SelectorChecks.hasInvalidLabelValue(Nodes.at(old, "spec", "selector")));
    }

    private static List<FieldProblem> spec(JsonNode spec, boolean allowInvalidSelectorValues) {
        Problems out = new Problems();
        JsonNode minAvailable = spec.path("minAvailable");
        JsonNode maxUnavailable = spec.path("maxUnavailable");
        if (Nodes.isSet(minAvailable) && Nodes.isSet(maxUnavailable)) {
            out.invalid(SPEC, GoValues.struct("policy.PodDisruptionBudgetSpec")
                    .pointer("MinAvailable", "intstr.IntOrString", true)
                    .pointer("Selector", "v1.LabelSelector", Nodes.isSet(spec.path("selector")))
                    .pointer("MaxUnavailable", "intstr.IntOrString", true)
                    .pointer("UnhealthyPodEvictionPolicy", "policy.UnhealthyPodEvictionPolicyType",
                            Nodes.isSet(spec.path("unhealthyPodEvictionPolicy")))
                    .build(), "minAvailable and maxUnavailable cannot be both set");
        }
        for (String field : List.of("minAvailable", "maxUnavailable")) {
            JsonNode value = spec.path(field);
            if (Nodes.isSet(value)) {
                IntOrPercent.positiveIntOrPercent(out, value, SPEC.child(field));
                IntOrPercent.notMoreThan100Percent(out, value, SPEC.child(field));
            }
        }
        out.addAll(SelectorChecks.validate(spec.path("selector"), SPEC.child("selector"), allowInvalidSelectorValues));
        String policy = Nodes.optionalText(spec, "unhealthyPodEvictionPolicy");
        if (policy != null && !EVICTION_POLICIES.contains(policy)) {
            out.notSupported(SPEC.child("unhealthyPodEvictionPolicy"), policy, EVICTION_POLICIES);
        }
        return out.list();
    }
}
