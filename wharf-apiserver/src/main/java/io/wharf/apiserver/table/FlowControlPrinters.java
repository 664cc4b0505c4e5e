package io.wharf.apiserver.table;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** flowcontrol.apiserver.k8s.io FlowSchema and PriorityLevelConfiguration. */
final class FlowControlPrinters {
    private FlowControlPrinters() {
    }

    static final RowPrinter FLOW_SCHEMA = SimpleRowPrinter.of((o, now) -> {
        String dangling = "?";
        for (JsonNode c : Fields.list(o, "status", "conditions")) {
            if ("Dangling".equals(Fields.str(c, "type"))) {
                dangling = Fields.str(c, "status");
                break;
            }
        }
        return List.of(
                Fields.name(o),
                Fields.str(o, "spec", "priorityLevelConfiguration", "name"),
                Fields.num(o, "spec", "matchingPrecedence"),
                Fields.has(o, "spec", "distinguisherMethod") ? Fields.str(o, "spec", "distinguisherMethod", "type") : Cells.NONE,
                Cells.age(o, now),
                dangling);
    },
            Columns.name(),
            Columns.string("PriorityLevel", "Priority level the matched requests go to."),
            Columns.string("MatchingPrecedence", "Lower values are matched first."),
            Columns.string("DistinguisherMethod", "How requests are split into flows."),
            Columns.age(),
            Columns.string("MissingPL", "Whether the referenced priority level is missing."));

    static final RowPrinter PRIORITY_LEVEL_CONFIGURATION = SimpleRowPrinter.of((o, now) -> {
        JsonNode limited = Fields.at(o, "spec", "limited");
        Object shares = Cells.NONE;
        Object queues = Cells.NONE;
        Object handSize = Cells.NONE;
        Object queueLengthLimit = Cells.NONE;
        if (!limited.isMissingNode()) {
            shares = Fields.num(limited, "nominalConcurrencyShares");
            JsonNode queuing = Fields.at(limited, "limitResponse", "queuing");
            if (!queuing.isMissingNode()) {
                queues = Fields.num(queuing, "queues");
                handSize = Fields.num(queuing, "handSize");
                queueLengthLimit = Fields.num(queuing, "queueLengthLimit");
            }
        }
        return List.of(Fields.name(o), Fields.str(o, "spec", "type"), shares, queues, handSize, queueLengthLimit,
                Cells.age(o, now));
    },
            Columns.name(),
            Columns.string("Type", "Exempt or Limited."),
            Columns.string("NominalConcurrencyShares", "Share of the server's concurrency."),
            Columns.string("Queues", "Number of queues."),
            Columns.string("HandSize", "Queues considered per flow when shuffle sharding."),
            Columns.string("QueueLengthLimit", "Requests that may wait in one queue."),
            Columns.age());
}
