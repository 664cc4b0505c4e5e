package io.wharf.api.validation.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import io.wharf.api.quantity.Quantity;
import io.wharf.api.validation.NameValidation;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** One HPA metric: its type, the one source that type names, and that source's target. */
final class HpaMetricValidation {
    /** Sorted, as upstream lists set members. */
    private static final List<String> SOURCE_TYPES = List.of("ContainerResource", "External", "Object", "Pods", "Resource");
    private static final String POPULATE = "must populate information for the given metric source";

    private HpaMetricValidation() {
    }

    static void metric(Problems out, JsonNode metric, FieldPath path) {
        String type = Nodes.text(metric, "type");
        if (type.isEmpty()) {
            out.required(path.child("type"), "must specify a metric source type");
        }
        if (!SOURCE_TYPES.contains(type)) {
            out.notSupported(path.child("type"), type, SOURCE_TYPES);
        }
        // Only the first given source (in upstream's order) is validated.
        Set<String> present = new LinkedHashSet<>();
        for (String source : List.of("object", "external", "pods", "resource", "containerResource")) {
            JsonNode node = metric.path(source);
            if (!Nodes.isSet(node)) {
                continue;
            }
            present.add(source);
            if (present.size() == 1) {
                source(out, source, node, path.child(source));
            }
        }
        String expected = switch (type) {
            case "Object" -> "object";
            case "Pods" -> "pods";
            case "Resource" -> "resource";
            case "External" -> "external";
            case "ContainerResource" -> "containerResource";
            default -> null;
        };
        if (expected == null) {
            out.notSupported(path.child("type"), type, SOURCE_TYPES);
        } else if (!Nodes.isSet(metric.path(expected))) {
            out.required(path.child(expected), POPULATE);
        }
        if (present.size() != 1) {
            Set<String> others = new TreeSet<>(present);
            others.remove(expected);
            for (String other : others) {
                out.forbidden(path.child(other), "must populate the given metric source only");
            }
        }
    }

    private static void source(Problems out, String kind, JsonNode src, FieldPath path) {
        JsonNode target = src.path("target");
        FieldPath targetPath = path.child("target");
        boolean hasValue = Nodes.isSet(target.path("value"));
        boolean hasAverageValue = Nodes.isSet(target.path("averageValue"));
        boolean hasUtilization = Nodes.isSet(target.path("averageUtilization"));
        switch (kind) {
            case "object" -> {
                HorizontalPodAutoscalerValidation.objectReference(out, src.path("describedObject"), path.child("describedObject"));
                metricIdentifier(out, src.path("metric"), path.child("metric"));
                metricTarget(out, target, targetPath);
                if (!hasValue && !hasAverageValue) {
                    out.required(targetPath.child("averageValue"), "must set either a target value or averageValue");
                }
            }
            case "external" -> {
                metricIdentifier(out, src.path("metric"), path.child("metric"));
                metricTarget(out, target, targetPath);
                if (!hasValue && !hasAverageValue) {
                    out.required(targetPath.child("averageValue"),
                            "must set either a target value for metric or a per-pod target");
                }
                if (hasValue && hasAverageValue) {
                    out.forbidden(targetPath.child("value"),
                            "may not set both a target value for metric and a per-pod target");
                }
            }
            case "pods" -> {
                metricIdentifier(out, src.path("metric"), path.child("metric"));
                metricTarget(out, target, targetPath);
                if (!hasAverageValue) {
                    out.required(targetPath.child("averageValue"), "must specify a positive target averageValue");
                }
            }
            default -> {
                resourceName(out, src, path, kind.equals("containerResource"));
                metricTarget(out, target, targetPath);
                if (!hasUtilization && !hasAverageValue) {
                    out.required(targetPath.child("averageUtilization"),
                            "must set either a target raw value or a target utilization");
                }
                if (hasUtilization && hasAverageValue) {
                    out.forbidden(targetPath.child("averageValue"),
                            "may not set both a target raw value and a target utilization");
                }
            }
        }
    }

    private static void resourceName(Problems out, JsonNode src, FieldPath path, boolean container) {
        String name = Nodes.text(src, "name");
        if (name.isEmpty()) {
            out.required(path.child("name"), "must specify a resource name");
        } else if (container) {
            ComputeResources.containerResourceName(out, name, path.child("name"));
        }
        if (container) {
            String containerName = Nodes.text(src, "container");
            if (containerName.isEmpty()) {
                out.required(path.child("container"), "must specify a container");
            } else {
                FieldChecks.dns1123Label(out, containerName, path.child("container"));
            }
        }
    }

    private static void metricTarget(Problems out, JsonNode target, FieldPath path) {
        String type = Nodes.text(target, "type");
        if (type.isEmpty()) {
            out.required(path.child("type"), "must specify a metric target type");
        }
        if (!type.equals("Utilization") && !type.equals("Value") && !type.equals("AverageValue")) {
            out.invalid(path.child("type"), type, "must be either Utilization, Value, or AverageValue");
        }
        positiveQuantity(out, target.path("value"), path.child("value"));
        positiveQuantity(out, target.path("averageValue"), path.child("averageValue"));
        Long utilization = Nodes.optionalLong(target, "averageUtilization");
        if (utilization != null && utilization < 1) {
            out.invalid(path.child("averageUtilization"), utilization, "must be greater than 0");
        }
    }

    private static void positiveQuantity(Problems out, JsonNode value, FieldPath path) {
        if (!Nodes.isSet(value)) {
            return;
        }
        Quantity quantity;
        try {
            quantity = Quantity.parse(value.asText());
        } catch (IllegalArgumentException e) {
            // Decoding rejects malformed quantities before validation runs.
            return;
        }
        if (quantity.signum() != 1) {
            out.invalid(path, GoValues.text(quantity.canonical()), "must be positive");
        }
    }

    private static void metricIdentifier(Problems out, JsonNode id, FieldPath path) {
        String name = Nodes.text(id, "name");
        if (name.isEmpty()) {
            out.required(path.child("name"), "must specify a metric name");
        } else {
            out.invalidEach(path.child("name"), name, NameValidation.isValidPathSegmentName(name));
        }
    }
}
