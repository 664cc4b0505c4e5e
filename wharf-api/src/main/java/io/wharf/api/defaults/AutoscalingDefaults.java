package io.wharf.api.defaults;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;

/**
 * Defaults of HorizontalPodAutoscaler in autoscaling/v1 and autoscaling/v2. In v1 only minReplicas
 * is defaulted (the CPU target default belongs to conversion); v2 also defaults the metrics and,
 * when a behavior is given, fills each scaling direction from the controller's historic rules.
 */
final class AutoscalingDefaults {
    static final int DEFAULT_CPU_UTILIZATION = 80;
    private static final int SCALE_PERIOD_SECONDS = 15;

    private AutoscalingDefaults() {
    }

    static void apply(String version, String kind, ObjectNode o) {
        if (!"HorizontalPodAutoscaler".equals(kind)) {
            return;
        }
        ObjectNode spec = Tree.ensureObject(o, "spec");
        if (spec == null) {
            return;
        }
        Tree.defaultPointerInt(spec, "minReplicas", 1);
        if (!"v2".equals(version)) {
            return;
        }
        if (Tree.isEmpty(spec.get("metrics"))) {
            ArrayNode metrics = spec.putArray("metrics");
            ObjectNode metric = metrics.addObject();
            metric.put("type", "Resource");
            ObjectNode resource = metric.putObject("resource");
            resource.put("name", "cpu");
            resource.putObject("target").put("type", "Utilization").put("averageUtilization", DEFAULT_CPU_UTILIZATION);
        }
        ObjectNode behavior = Tree.object(spec, "behavior");
        if (behavior != null) {
            behavior.set("scaleUp", fill(Tree.object(behavior, "scaleUp"), scaleUpRules()));
            behavior.set("scaleDown", fill(Tree.object(behavior, "scaleDown"), scaleDownRules()));
        }
    }

    /** Scale up by at most 4 pods or 100% (whichever is more) per 15s, with no stabilization. */
    private static ObjectNode scaleUpRules() {
        ObjectNode rules = Json.object();
        rules.put("stabilizationWindowSeconds", 0);
        rules.put("selectPolicy", "Max");
        ArrayNode policies = rules.putArray("policies");
        policies.addObject().put("type", "Pods").put("value", 4).put("periodSeconds", SCALE_PERIOD_SECONDS);
        policies.addObject().put("type", "Percent").put("value", 100).put("periodSeconds", SCALE_PERIOD_SECONDS);
        return rules;
    }

    /** Scale down by up to 100% per 15s; the stabilization window is left to the controller's flag. */
    private static ObjectNode scaleDownRules() {
        ObjectNode rules = Json.object();
        rules.put("selectPolicy", "Max");
        rules.putArray("policies").addObject().put("type", "Percent").put("value", 100)
                .put("periodSeconds", SCALE_PERIOD_SECONDS);
        return rules;
    }

    /** The given rules where set, the defaults elsewhere. */
    private static ObjectNode fill(ObjectNode given, ObjectNode defaults) {
        if (given == null) {
            return defaults;
        }
        for (String field : new String[] {"selectPolicy", "stabilizationWindowSeconds", "policies"}) {
            if (!Tree.isUnset(given.get(field))) {
                continue;
            }
            if (defaults.has(field)) {
                given.set(field, defaults.get(field));
            } else {
                given.remove(field);
            }
        }
        return given;
    }
}
