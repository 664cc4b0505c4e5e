package io.wharf.apiserver.table;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * HorizontalPodAutoscaler rows (autoscaling/v1 and v2). TARGETS lists "current/target" per metric,
 * at most two of them, with "&lt;unknown&gt;" until the controller reports a current value.
 */
final class HpaPrinter implements RowPrinter {
    private static final int MAX_METRICS = 2;
    private static final String UNKNOWN = Cells.UNKNOWN;

    private static final List<Column> COLUMNS = List.of(
            Columns.name(),
            Columns.string("Reference", "Kind and name of the scaled workload."),
            Columns.string("Targets", "Current and target value of each metric."),
            Columns.string("MinPods", "Lower replica bound."),
            Columns.string("MaxPods", "Upper replica bound."),
            Columns.string("Replicas", "Replicas the autoscaler last observed."),
            Columns.age());

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public List<Object> cells(JsonNode hpa, Instant now) {
        JsonNode spec = Fields.at(hpa, "spec");
        return List.of(
                Fields.name(hpa),
                Fields.str(spec, "scaleTargetRef", "kind") + "/" + Fields.str(spec, "scaleTargetRef", "name"),
                targets(HpaMetrics.targets(hpa), HpaMetrics.statuses(hpa)),
                Fields.has(spec, "minReplicas") ? Long.toString(Fields.num(spec, "minReplicas")) : Cells.UNSET,
                Fields.num(spec, "maxReplicas"),
                Fields.num(hpa, "status", "currentReplicas"),
                Cells.age(hpa, now));
    }

    static String targets(List<HpaMetrics.Target> specs, List<Map<String, HpaMetrics.Current>> statuses) {
        if (specs.isEmpty()) {
            return Cells.NONE;
        }
        List<String> list = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            HpaMetrics.Target spec = specs.get(i);
            HpaMetrics.Current current = i < statuses.size() ? statuses.get(i).get(spec.type()) : null;
            list.add(switch (spec.type()) {
                case "External", "Object" -> valueTarget(spec, current);
                case "Pods" -> (current == null ? UNKNOWN : orNil(current.averageValue())) + "/" + orNil(spec.averageValue());
                case "Resource", "ContainerResource" -> spec.resourceName() + ": " + resourceTarget(spec, current);
                default -> "<unknown type>";
            });
        }
        if (list.size() <= MAX_METRICS) {
            return String.join(", ", list);
        }
        return String.join(", ", list.subList(0, MAX_METRICS)) + " + " + (list.size() - MAX_METRICS) + " more...";
    }

    /** Object and External metrics: average value when targeted so, else the plain value. */
    private static String valueTarget(HpaMetrics.Target spec, HpaMetrics.Current current) {
        if (spec.averageValue() != null) {
            String now = current != null && current.averageValue() != null ? current.averageValue() : UNKNOWN;
            return now + "/" + spec.averageValue() + " (avg)";
        }
        String now = current == null ? UNKNOWN : orNil(current.value());
        return now + "/" + orNil(spec.value());
    }

    /** Resource metrics: average value, else utilization in percent ("&lt;auto&gt;" without a target). */
    private static String resourceTarget(HpaMetrics.Target spec, HpaMetrics.Current current) {
        if (spec.averageValue() != null) {
            String now = current == null ? UNKNOWN : orNil(current.averageValue());
            return now + "/" + spec.averageValue();
        }
        String now = current != null && current.averageUtilization() != null ? current.averageUtilization() + "%" : UNKNOWN;
        String target = spec.averageUtilization() != null ? spec.averageUtilization() + "%" : "<auto>";
        return now + "/" + target;
    }

    /** An unset quantity pointer prints as "&lt;nil&gt;", like Quantity.String on nil. */
    private static String orNil(String quantity) {
        return quantity == null ? "<nil>" : quantity;
    }
}
