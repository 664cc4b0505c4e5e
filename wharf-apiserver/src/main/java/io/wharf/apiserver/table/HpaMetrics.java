package io.wharf.apiserver.table;

import com.fasterxml.jackson.databind.JsonNode;
import io.wharf.api.json.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The metric targets and current values of a HorizontalPodAutoscaler in one shape, whatever the
 * API version of the object. autoscaling/v2 objects carry them directly; autoscaling/v1 objects
 * are read the way upstream converts them: the annotation-kept extra metrics first, then the CPU
 * target, and 80% CPU when nothing is set at all.
 */
final class HpaMetrics {
    /** Annotations where autoscaling/v1 keeps what its schema cannot express. */
    static final String SPECS_ANNOTATION = "autoscaling.alpha.kubernetes.io/metrics";
    static final String STATUSES_ANNOTATION = "autoscaling.alpha.kubernetes.io/current-metrics";
    private static final long DEFAULT_CPU_UTILIZATION = 80;

    /** One metric target; null fields are unset (nil pointers upstream). */
    record Target(String type, String resourceName, String value, String averageValue, Long averageUtilization) {
    }

    /** Current values reported for one metric source. */
    record Current(String value, String averageValue, Long averageUtilization) {
    }

    private HpaMetrics() {
    }

    static List<Target> targets(JsonNode hpa) {
        if (isV1(hpa)) {
            return v1Targets(hpa);
        }
        List<Target> out = new ArrayList<>();
        for (JsonNode m : Fields.list(hpa, "spec", "metrics")) {
            String type = Fields.str(m, "type");
            JsonNode source = Fields.at(m, sourceField(type));
            JsonNode target = Fields.at(source, "target");
            out.add(new Target(type, Fields.str(source, "name"), text(target, "value"),
                    text(target, "averageValue"), number(target, "averageUtilization")));
        }
        return out;
    }

    /** Per status entry, the current values keyed by source type ("Resource", "Pods", ...). */
    static List<Map<String, Current>> statuses(JsonNode hpa) {
        if (isV1(hpa)) {
            return v1Statuses(hpa);
        }
        List<Map<String, Current>> out = new ArrayList<>();
        for (JsonNode s : Fields.list(hpa, "status", "currentMetrics")) {
            Map<String, Current> bySource = new HashMap<>();
            for (String type : List.of("Object", "Pods", "Resource", "ContainerResource", "External")) {
                JsonNode source = Fields.at(s, sourceField(type));
                if (!source.isMissingNode()) {
                    JsonNode current = Fields.at(source, "current");
                    bySource.put(type, new Current(text(current, "value"), text(current, "averageValue"),
                            number(current, "averageUtilization")));
                }
            }
            out.add(bySource);
        }
        return out;
    }

    private static boolean isV1(JsonNode hpa) {
        return "autoscaling/v1".equals(Fields.str(hpa, "apiVersion"));
    }

    private static List<Target> v1Targets(JsonNode hpa) {
        List<Target> out = new ArrayList<>();
        JsonNode extra = annotationJson(hpa, SPECS_ANNOTATION);
        if (extra.isArray()) {
            extra.forEach(m -> out.add(v1Target(m)));
        }
        if (Fields.has(hpa, "spec", "targetCPUUtilizationPercentage")) {
            out.add(cpu(Fields.num(hpa, "spec", "targetCPUUtilizationPercentage")));
        }
        if (out.isEmpty()) {
            out.add(cpu(DEFAULT_CPU_UTILIZATION));
        }
        return out;
    }

    private static Target cpu(long utilization) {
        return new Target("Resource", "cpu", null, null, utilization);
    }

    // The v1 annotation shape names targets targetValue / targetAverageValue / targetAverageUtilization;
    // Pods and Object values are plain (non-pointer) fields there, so they are always set after conversion.
    private static Target v1Target(JsonNode m) {
        String type = Fields.str(m, "type");
        JsonNode s = Fields.at(m, sourceField(type));
        return switch (type) {
            case "Pods" -> new Target(type, "", null, Cells.quantity(s, "targetAverageValue"), null);
            case "Object" -> new Target(type, "", Cells.quantity(s, "targetValue"), text(s, "averageValue"), null);
            case "External" -> new Target(type, "", text(s, "targetValue"), text(s, "targetAverageValue"), null);
            default -> new Target(type, Fields.str(s, "name"), null, text(s, "targetAverageValue"),
                    number(s, "targetAverageUtilization"));
        };
    }

    private static List<Map<String, Current>> v1Statuses(JsonNode hpa) {
        List<Map<String, Current>> out = new ArrayList<>();
        JsonNode kept = annotationJson(hpa, STATUSES_ANNOTATION);
        if (Fields.hasAnnotation(hpa, STATUSES_ANNOTATION)) {
            if (kept.isArray()) {
                kept.forEach(s -> out.add(v1Status(s)));
            }
            return out;
        }
        if (Fields.has(hpa, "status", "currentCPUUtilizationPercentage")) {
            out.add(Map.of("Resource", new Current(null, null, Fields.num(hpa, "status", "currentCPUUtilizationPercentage"))));
        }
        return out;
    }

    private static Map<String, Current> v1Status(JsonNode s) {
        String type = Fields.str(s, "type");
        JsonNode src = Fields.at(s, sourceField(type));
        if (src.isMissingNode()) {
            return Map.of();
        }
        Current current = switch (type) {
            case "Pods" -> new Current(null, Cells.quantity(src, "currentAverageValue"), null);
            case "Object" -> new Current(Cells.quantity(src, "currentValue"), text(src, "averageValue"), null);
            case "External" -> new Current(Cells.quantity(src, "currentValue"), text(src, "currentAverageValue"), null);
            default -> new Current(null, Cells.quantity(src, "currentAverageValue"), number(src, "currentAverageUtilization"));
        };
        return Map.of(type, current);
    }

    private static JsonNode annotationJson(JsonNode hpa, String key) {
        String text = Fields.annotation(hpa, key);
        if (text.isEmpty()) {
            return Json.NODES.missingNode();
        }
        try {
            return Json.LENIENT.readTree(text);
        } catch (java.io.IOException e) {
            return Json.NODES.missingNode();
        }
    }

    private static String sourceField(String type) {
        return switch (type) {
            case "Object" -> "object";
            case "Pods" -> "pods";
            case "Resource" -> "resource";
            case "ContainerResource" -> "containerResource";
            case "External" -> "external";
            default -> "";
        };
    }

    private static String text(JsonNode node, String field) {
        return Fields.has(node, field) ? Cells.quantity(node, field) : null;
    }

    private static Long number(JsonNode node, String field) {
        return Fields.has(node, field) ? Fields.num(node, field) : null;
    }
}
