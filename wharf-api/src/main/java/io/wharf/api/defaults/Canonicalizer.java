package io.wharf.api.defaults;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Rewrites the quantities of a built-in object the way upstream serves them: canonical form
 * everywhere ({@code 1000m} becomes {@code "1"}, {@code 1024Mi} becomes {@code 1Gi}), and
 * ResourceList values (requests, limits, capacity, hard, LimitRange values...) first rounded up
 * to whole thousandths. Unparseable values are left for validation.
 */
public final class Canonicalizer {
    private static final String[] LIMIT_RANGE_LISTS =
            {"max", "min", "default", "defaultRequest", "maxLimitRequestRatio"};
    private static final String[] METRIC_SOURCES = {"object", "pods", "resource", "containerResource", "external"};

    private Canonicalizer() {
    }

    /** Canonicalizes in place; {@code group} is "" for the core group. A "...List" kind covers its items. */
    public static void canonicalizeQuantities(String group, String version, String kind, ObjectNode object) {
        if (object == null) {
            return;
        }
        if (kind.endsWith("List") && kind.length() > "List".length()) {
            String itemKind = kind.substring(0, kind.length() - "List".length());
            for (ObjectNode item : Tree.objects(object, "items")) {
                canonicalizeQuantities(group, version, itemKind, item);
            }
            return;
        }
        if (!"v1".equals(version) && !"autoscaling".equals(group)) {
            return;
        }
        switch (group) {
            case "" -> core(kind, object);
            case "apps" -> apps(kind, object);
            case "batch" -> batch(kind, object);
            case "autoscaling" -> autoscaling(version, kind, object);
            case "storage.k8s.io" -> storage(kind, object);
            default -> {
                // No other group in scope holds quantities.
            }
        }
    }

    private static void core(String kind, ObjectNode o) {
        switch (kind) {
            case "Pod" -> PodQuantities.pod(o);
            case "PodTemplate" -> PodQuantities.template(o, "template");
            case "ReplicationController" -> PodQuantities.template(Tree.object(o, "spec"), "template");
            case "PersistentVolumeClaim" -> PodQuantities.claim(o);
            case "PersistentVolume" -> QuantityValues.resourceList(Tree.object(Tree.object(o, "spec"), "capacity"));
            case "Node" -> {
                ObjectNode status = Tree.object(o, "status");
                QuantityValues.resourceList(Tree.object(status, "capacity"));
                QuantityValues.resourceList(Tree.object(status, "allocatable"));
            }
            case "ResourceQuota" -> {
                QuantityValues.resourceList(Tree.object(Tree.object(o, "spec"), "hard"));
                ObjectNode status = Tree.object(o, "status");
                QuantityValues.resourceList(Tree.object(status, "hard"));
                QuantityValues.resourceList(Tree.object(status, "used"));
            }
            case "LimitRange" -> {
                for (ObjectNode item : Tree.objects(Tree.object(o, "spec"), "limits")) {
                    for (String list : LIMIT_RANGE_LISTS) {
                        QuantityValues.resourceList(item.get(list));
                    }
                }
            }
            default -> {
                // No quantities.
            }
        }
    }

    private static void apps(String kind, ObjectNode o) {
        ObjectNode spec = Tree.object(o, "spec");
        switch (kind) {
            case "Deployment", "ReplicaSet", "DaemonSet" -> PodQuantities.template(spec, "template");
            case "StatefulSet" -> {
                PodQuantities.template(spec, "template");
                for (ObjectNode claim : Tree.objects(spec, "volumeClaimTemplates")) {
                    PodQuantities.claim(claim);
                }
            }
            default -> {
                // ControllerRevision data is opaque.
            }
        }
    }

    private static void batch(String kind, ObjectNode o) {
        ObjectNode spec = Tree.object(o, "spec");
        switch (kind) {
            case "Job" -> PodQuantities.template(spec, "template");
            case "CronJob" -> PodQuantities.template(Tree.object(Tree.object(spec, "jobTemplate"), "spec"), "template");
            default -> {
                // No other batch kinds.
            }
        }
    }

    /** autoscaling/v2 metric targets and current values; v1 has no quantities. */
    private static void autoscaling(String version, String kind, ObjectNode o) {
        if (!"v2".equals(version) || !"HorizontalPodAutoscaler".equals(kind)) {
            return;
        }
        for (ObjectNode metric : Tree.objects(Tree.object(o, "spec"), "metrics")) {
            metricValues(metric, "target");
        }
        for (ObjectNode metric : Tree.objects(Tree.object(o, "status"), "currentMetrics")) {
            metricValues(metric, "current");
        }
    }

    private static void metricValues(ObjectNode metric, String valuesField) {
        for (String source : METRIC_SOURCES) {
            ObjectNode values = Tree.object(Tree.object(metric, source), valuesField);
            QuantityValues.quantity(values, "value");
            QuantityValues.quantity(values, "averageValue");
        }
    }

    private static void storage(String kind, ObjectNode o) {
        if ("CSIStorageCapacity".equals(kind)) {
            QuantityValues.quantity(o, "capacity");
            QuantityValues.quantity(o, "maximumVolumeSize");
        }
    }
}
