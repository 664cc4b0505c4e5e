package io.wharf.apiserver.table;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;

/** apps/v1 workload controllers and their revision history objects. */
final class AppsPrinters {
    private AppsPrinters() {
    }

    static final RowPrinter DEPLOYMENT = SimpleRowPrinter.of((o, now) -> {
        String[] ci = Cells.containerNamesAndImages(Fields.at(o, "spec", "template", "spec"));
        String selector;
        try {
            selector = Selectors.selector(Fields.at(o, "spec", "selector"));
        } catch (IllegalArgumentException e) {
            selector = "<invalid>";
        }
        return List.of(
                Fields.name(o),
                Fields.num(o, "status", "readyReplicas") + "/" + Fields.num(o, "spec", "replicas"),
                Fields.num(o, "status", "updatedReplicas"),
                Fields.num(o, "status", "availableReplicas"),
                Cells.age(o, now),
                ci[0], ci[1], selector);
    },
            Columns.name(),
            Columns.string("Ready", "Ready pods out of the desired number."),
            Columns.string("Up-to-date", "Pods running the latest template."),
            Columns.string("Available", "Pods available to serve."),
            Columns.age(),
            Columns.containers(), Columns.images(), Columns.selector());

    static final RowPrinter REPLICA_SET = replicaPrinter(Selectors::formatSelector);

    /**
     * ReplicaSets and ReplicationControllers print the same columns; only their selectors differ in
     * shape (a LabelSelector against a plain label map).
     */
    static RowPrinter replicaPrinter(java.util.function.Function<com.fasterxml.jackson.databind.JsonNode, String> selector) {
        return SimpleRowPrinter.of((o, now) -> {
            String[] ci = Cells.containerNamesAndImages(Fields.at(o, "spec", "template", "spec"));
            return List.of(
                    Fields.name(o),
                    Fields.num(o, "spec", "replicas"),
                    Fields.num(o, "status", "replicas"),
                    Fields.num(o, "status", "readyReplicas"),
                    Cells.age(o, now),
                    ci[0], ci[1],
                    selector.apply(Fields.at(o, "spec", "selector")));
        },
                Columns.name(),
                Columns.integer("Desired", "Number of pods wanted."),
                Columns.integer("Current", "Number of pods that exist."),
                Columns.integer("Ready", "Number of pods that are ready."),
                Columns.age(),
                Columns.containers(), Columns.images(), Columns.selector());
    }

    static final RowPrinter STATEFUL_SET = SimpleRowPrinter.of((o, now) -> {
        String[] ci = Cells.containerNamesAndImages(Fields.at(o, "spec", "template", "spec"));
        return List.of(
                Fields.name(o),
                Fields.num(o, "status", "readyReplicas") + "/" + Fields.num(o, "spec", "replicas"),
                Cells.age(o, now),
                ci[0], ci[1]);
    },
            Columns.name(),
            Columns.string("Ready", "Ready pods out of the desired number."),
            Columns.age(),
            Columns.containers(), Columns.images());

    static final RowPrinter DAEMON_SET = SimpleRowPrinter.of((o, now) -> {
        JsonNode podSpec = Fields.at(o, "spec", "template", "spec");
        String[] ci = Cells.containerNamesAndImages(podSpec);
        return List.of(
                Fields.name(o),
                Fields.num(o, "status", "desiredNumberScheduled"),
                Fields.num(o, "status", "currentNumberScheduled"),
                Fields.num(o, "status", "numberReady"),
                Fields.num(o, "status", "updatedNumberScheduled"),
                Fields.num(o, "status", "numberAvailable"),
                Selectors.labels(Fields.at(podSpec, "nodeSelector")),
                Cells.age(o, now),
                ci[0], ci[1],
                Selectors.formatSelector(Fields.at(o, "spec", "selector")));
    },
            Columns.name(),
            Columns.integer("Desired", "Nodes that should run the daemon pod."),
            Columns.integer("Current", "Nodes running at least one daemon pod."),
            Columns.integer("Ready", "Nodes whose daemon pod is ready."),
            Columns.integer("Up-to-date", "Nodes running the latest template."),
            Columns.integer("Available", "Nodes whose daemon pod is available."),
            Columns.string("Node Selector", "Node labels the daemon pods are restricted to."),
            Columns.age(),
            Columns.containers(), Columns.images(), Columns.selector());

    static final RowPrinter CONTROLLER_REVISION = SimpleRowPrinter.of(
            (o, now) -> List.of(Fields.name(o), controller(o), Fields.num(o, "revision"), Cells.age(o, now)),
            Columns.name(),
            Columns.string("Controller", "Kind and name of the owning controller."),
            Columns.string("Revision", "Revision number of the stored state."),
            Columns.age());

    /** The controller owner as "kind.group/name" in lower case, "&lt;none&gt;" without one. */
    private static String controller(JsonNode object) {
        for (JsonNode ref : Fields.list(object, "metadata", "ownerReferences")) {
            if (!Fields.bool(ref, "controller")) {
                continue;
            }
            String apiVersion = Fields.str(ref, "apiVersion");
            String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
            String kind = Fields.str(ref, "kind");
            String name = Fields.str(ref, "name");
            if (group.isEmpty() && kind.isEmpty()) {
                return name;
            }
            String groupKind = group.isEmpty() ? kind : kind + "." + group;
            return groupKind.toLowerCase(Locale.ROOT) + "/" + name;
        }
        return Cells.NONE;
    }
}
