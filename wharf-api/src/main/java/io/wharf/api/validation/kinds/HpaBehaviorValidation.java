package io.wharf.api.validation.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** An HPA's scaleUp/scaleDown rules: stabilization window, select policy and scaling policies. */
final class HpaBehaviorValidation {
    /** Sorted, as upstream lists set members. */
    private static final List<String> SELECT_POLICIES = List.of("Disabled", "Max", "Min");
    private static final List<String> POLICY_TYPES = List.of("Percent", "Pods");

    private HpaBehaviorValidation() {
    }

    static void scalingRules(Problems out, JsonNode rules, FieldPath path) {
        if (!Nodes.isSet(rules)) {
            return;
        }
        Long window = Nodes.optionalLong(rules, "stabilizationWindowSeconds");
        if (window != null && window < 0) {
            out.invalid(path.child("stabilizationWindowSeconds"), window, "must be greater than or equal to zero");
        }
        if (window != null && window > HorizontalPodAutoscalerValidation.MAX_STABILIZATION_WINDOW_SECONDS) {
            out.invalid(path.child("stabilizationWindowSeconds"), window,
                    "must be less than or equal to " + HorizontalPodAutoscalerValidation.MAX_STABILIZATION_WINDOW_SECONDS);
        }
        String selectPolicy = Nodes.optionalText(rules, "selectPolicy");
        if (selectPolicy != null && !SELECT_POLICIES.contains(selectPolicy)) {
            out.notSupported(path.child("selectPolicy"), selectPolicy, SELECT_POLICIES);
        }
        FieldPath policiesPath = path.child("policies");
        List<JsonNode> policies = Nodes.items(rules, "policies");
        if (policies.isEmpty()) {
            out.required(policiesPath, "must specify at least one Policy");
        }
        for (int i = 0; i < policies.size(); i++) {
            policy(out, policies.get(i), policiesPath.index(i));
        }
    }

    private static void policy(Problems out, JsonNode policy, FieldPath path) {
        String type = Nodes.text(policy, "type");
        if (!POLICY_TYPES.contains(type)) {
            out.notSupported(path.child("type"), type, POLICY_TYPES);
        }
        long value = Nodes.longValue(policy, "value");
        if (value <= 0) {
            out.invalid(path.child("value"), value, "must be greater than zero");
        }
        long period = Nodes.longValue(policy, "periodSeconds");
        if (period <= 0) {
            out.invalid(path.child("periodSeconds"), period, "must be greater than zero");
        }
        if (period > HorizontalPodAutoscalerValidation.MAX_PERIOD_SECONDS) {
            out.invalid(path.child("periodSeconds"), period,
                    "must be less than or equal to " + HorizontalPodAutoscalerValidation.MAX_PERIOD_SECONDS);
        }
    }
}
