package io.wharf.apiserver.resources.conversion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import io.wharf.apiserver.resources.VersionConverter;

/**
 * autoscaling/v1 HorizontalPodAutoscaler, served from the autoscaling/v2 objects stored. v1 only
 * knows a CPU utilization target; everything else v2 holds travels in the annotations upstream
 * uses for it, so a v1 round trip loses nothing.
 */
public final class HpaConverter implements VersionConverter {
    static final String METRICS = "autoscaling.alpha.kubernetes.io/metrics";
    static final String CURRENT_METRICS = "autoscaling.alpha.kubernetes.io/current-metrics";
    static final String CONDITIONS = "autoscaling.alpha.kubernetes.io/conditions";
    static final String BEHAVIOR = "autoscaling.alpha.kubernetes.io/behavior";
    /** The CPU utilization a v1 object without a target scales on. */
    static final int DEFAULT_CPU_UTILIZATION = 80;

    /** v1 to v2. */
    @Override
    public ObjectNode toStorage(ObjectNode v1) {
        v1.put("apiVersion", "autoscaling/v2");
        ObjectNode annotations = v1.path("metadata").path("annotations") instanceof ObjectNode a ? a : null;
        ObjectNode spec = Json.with(v1, "spec");
        ArrayNode metrics = Json.array();
        JsonNode extra = takeJson(annotations, METRICS);
        if (extra != null && extra.isArray()) {
            extra.forEach(metrics::add);
        }
        // upstream puts the CPU target after the metrics kept in the annotation
        JsonNode target = spec.remove("targetCPUUtilizationPercentage");
        if (target != null && !target.isNull()) {
            metrics.add(cpuMetric("target", target.asInt()));
        }
        if (metrics.isEmpty()) {
            // v1's implicit target, made explicit by upstream's conversion
            metrics.add(cpuMetric("target", DEFAULT_CPU_UTILIZATION));
        }
        spec.set("metrics", metrics);
        JsonNode behavior = takeJson(annotations, BEHAVIOR);
        if (behavior != null) {
            spec.set("behavior", behavior);
        }
        if (v1.get("status") instanceof ObjectNode status) {
            ArrayNode current = Json.array();
            JsonNode cpu = status.remove("currentCPUUtilizationPercentage");
            JsonNode all = takeJson(annotations, CURRENT_METRICS);
            if (all != null && all.isArray()) {
                all.forEach(current::add); // every metric, the CPU one with its raw value included
            } else if (cpu != null && !cpu.isNull()) {
                current.add(cpuMetric("current", cpu.asInt()));
            }
            if (!current.isEmpty()) {
                status.set("currentMetrics", current);
            }
            JsonNode conditions = takeJson(annotations, CONDITIONS);
            if (conditions != null) {
                status.set("conditions", conditions);
            }
        } else {
            takeJson(annotations, CURRENT_METRICS);
            takeJson(annotations, CONDITIONS);
        }
        if (annotations != null && annotations.isEmpty()) {
            ((ObjectNode) v1.get("metadata")).remove("annotations");
        }
        return v1;
    }

    /** v2 to v1. */
    @Override
    public ObjectNode fromStorage(ObjectNode v2) {
        v2.put("apiVersion", "autoscaling/v1");
        ObjectNode spec = Json.with(v2, "spec");
        JsonNode metrics = spec.remove("metrics");
        ArrayNode others = Json.array();
        Integer cpuTarget = null;
        if (metrics != null) {
            for (JsonNode m : metrics) {
                Integer u = cpuUtilization(m, "target");
                if (u != null && cpuTarget == null) {
                    cpuTarget = u;
                } else {
                    others.add(m);
                }
            }
        }
        if (cpuTarget != null) {
            spec.put("targetCPUUtilizationPercentage", cpuTarget);
        }
        JsonNode behavior = spec.remove("behavior");
        ObjectNode meta = Json.with(v2, "metadata");
        if (!others.isEmpty()) {
            Json.with(meta, "annotations").put(METRICS, Json.string(others));
        }
        if (behavior != null && !behavior.isNull()) {
            Json.with(meta, "annotations").put(BEHAVIOR, Json.string(behavior));
        }
        if (v2.get("status") instanceof ObjectNode status) {
            JsonNode current = status.remove("currentMetrics");
            Integer cpu = null;
            if (current != null) {
                for (JsonNode m : current) {
                    Integer u = cpuUtilization(m, "current");
                    if (u != null && cpu == null) {
                        cpu = u;
                    }
                }
            }
            if (cpu != null) {
                status.put("currentCPUUtilizationPercentage", cpu);
            }
            // like upstream, all of them: the CPU metric may carry a raw value v1 has no field for
            if (current != null && !current.isEmpty()) {
                Json.with(meta, "annotations").put(CURRENT_METRICS, Json.string(current));
            }
            JsonNode conditions = status.remove("conditions");
            if (conditions != null && !conditions.isEmpty()) {
                Json.with(meta, "annotations").put(CONDITIONS, Json.string(conditions));
            }
        }
        return v2;
    }

    private static ObjectNode cpuMetric(String field, int utilization) {
        ObjectNode m = Json.object();
        m.put("type", "Resource");
        ObjectNode r = m.putObject("resource");
        r.put("name", "cpu");
        ObjectNode t = r.putObject(field);
        if (field.equals("target")) {
            t.put("type", "Utilization");
        }
        t.put("averageUtilization", utilization);
        return m;
    }

    private static Integer cpuUtilization(JsonNode metric, String field) {
        if (!"Resource".equals(metric.path("type").asText()) || !"cpu".equals(metric.path("resource").path("name").asText())) {
            return null;
        }
        JsonNode t = metric.path("resource").path(field);
        if (field.equals("target") && !"Utilization".equals(t.path("type").asText())) {
            return null;
        }
        JsonNode u = t.get("averageUtilization");
        return u == null || u.isNull() ? null : u.asInt();
    }

    private static JsonNode takeJson(ObjectNode annotations, String key) {
        if (annotations == null) {
            return null;
        }
        JsonNode v = annotations.remove(key);
        if (v == null) {
            return null;
        }
        try {
            return Json.parse(v.asText().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            annotations.set(key, v); // not ours to interpret: keep it as the user wrote it
            return null;
        }
    }
}
