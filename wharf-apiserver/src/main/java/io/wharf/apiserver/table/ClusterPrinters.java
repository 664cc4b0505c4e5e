package io.wharf.apiserver.table;

import java.util.List;

/**
 * Small cluster-wide kinds with one or two cells of their own: policy PodDisruptionBudget,
 * coordination Lease, scheduling PriorityClass, node RuntimeClass.
 */
final class ClusterPrinters {
    private ClusterPrinters() {
    }

    static final RowPrinter POD_DISRUPTION_BUDGET = SimpleRowPrinter.of((o, now) -> List.of(
            Fields.name(o),
            Fields.has(o, "spec", "minAvailable") ? Cells.intOrString(o, "spec", "minAvailable") : "N/A",
            Fields.has(o, "spec", "maxUnavailable") ? Cells.intOrString(o, "spec", "maxUnavailable") : "N/A",
            Fields.num(o, "status", "disruptionsAllowed"),
            Cells.age(o, now)),
            Columns.name(),
            Columns.string("Min Available", "Pods that must stay available."),
            Columns.string("Max Unavailable", "Pods that may be unavailable."),
            Columns.integer("Allowed Disruptions", "Pods that may be evicted right now."),
            Columns.age());

    static final RowPrinter LEASE = SimpleRowPrinter.of(
            (o, now) -> List.of(Fields.name(o), Fields.str(o, "spec", "holderIdentity"), Cells.age(o, now)),
            Columns.name(),
            Columns.string("Holder", "Identity currently holding the lease."),
            Columns.age());

    static final RowPrinter PRIORITY_CLASS = SimpleRowPrinter.of((o, now) -> List.of(
            Fields.name(o),
            Fields.num(o, "value"),
            Fields.bool(o, "globalDefault"),
            Cells.age(o, now),
            Fields.str(o, "preemptionPolicy")),
            Columns.name(),
            Columns.integer("Value", "Priority given to pods of this class."),
            Columns.bool("Global-Default", "Whether pods without a class get this one."),
            Columns.age(),
            // not a wide column upstream, but only filled in wide mode, which server tables use
            Columns.string("PreemptionPolicy", "Whether pods of this class may preempt others."));

    static final RowPrinter RUNTIME_CLASS = SimpleRowPrinter.of(
            (o, now) -> List.of(Fields.name(o), Fields.str(o, "handler"), Cells.age(o, now)),
            Columns.name(),
            Columns.string("Handler", "Container runtime handler of the class."),
            Columns.age());
}
