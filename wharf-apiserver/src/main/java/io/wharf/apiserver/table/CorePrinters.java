package io.wharf.apiserver.table;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Printers for the simpler core/v1 kinds. Pods, services/endpoints, nodes, events and volumes
 * have their own classes because their cells carry more logic.
 */
final class CorePrinters {
    private CorePrinters() {
    }

    static final RowPrinter POD_TEMPLATE = SimpleRowPrinter.of((o, now) -> {
        String[] ci = Cells.containerNamesAndImages(Fields.at(o, "template", "spec"));
        return List.of(Fields.name(o), ci[0], ci[1], Selectors.labels(Fields.at(o, "template", "metadata", "labels")));
    },
            Columns.name(),
            Columns.string("Containers", "Container names of the template."),
            Columns.string("Images", "Container images of the template."),
            Columns.string("Pod Labels", "Labels given to pods made from the template."));

    static final RowPrinter REPLICATION_CONTROLLER = AppsPrinters.replicaPrinter(Selectors::labels);

    static final RowPrinter NAMESPACE = SimpleRowPrinter.of(
            (o, now) -> List.of(Fields.name(o), Fields.str(o, "status", "phase"), Cells.age(o, now)),
            Columns.name(),
            Columns.string("Status", "Lifecycle phase of the namespace."),
            Columns.age());

    static final RowPrinter CONFIG_MAP = SimpleRowPrinter.of(
            (o, now) -> List.of(Fields.name(o), (long) (Fields.size(o, "data") + Fields.size(o, "binaryData")), Cells.age(o, now)),
            Columns.name(),
            Columns.string("Data", "Number of keys in data and binaryData."),
            Columns.age());

    // stringData is write-only and merged into data upstream; count the union of keys.
    static final RowPrinter SECRET = SimpleRowPrinter.of((o, now) -> {
        Set<String> keys = new HashSet<>();
        Fields.entries(o, "data").forEachRemaining(e -> keys.add(e.getKey()));
        Fields.entries(o, "stringData").forEachRemaining(e -> keys.add(e.getKey()));
        return List.of(Fields.name(o), Fields.str(o, "type"), (long) keys.size(), Cells.age(o, now));
    },
            Columns.name(),
            Columns.string("Type", "Kind of secret, which determines the expected keys."),
            Columns.string("Data", "Number of keys in the secret."),
            Columns.age());

    static final RowPrinter SERVICE_ACCOUNT = SimpleRowPrinter.of(
            (o, now) -> List.of(Fields.name(o), (long) Fields.size(o, "secrets"), Cells.age(o, now)),
            Columns.name(),
            Columns.string("Secrets", "Number of secrets listed on the account."),
            Columns.age());

    static final RowPrinter RESOURCE_QUOTA = SimpleRowPrinter.of((o, now) -> {
        // every hard limit as "name: used/hard"; limits.* go to LIMIT, the rest to REQUEST
        TreeSet<String> resources = new TreeSet<>();
        Fields.entries(o, "status", "hard").forEachRemaining(e -> resources.add(e.getKey()));
        List<String> requests = new ArrayList<>();
        List<String> limits = new ArrayList<>();
        for (String r : resources) {
            String entry = r + ": " + Cells.quantity(o, "status", "used", r) + "/" + Cells.quantity(o, "status", "hard", r);
            String[] pieces = r.split("\\.", -1);
            (pieces.length > 1 && "limits".equals(pieces[0]) ? limits : requests).add(entry);
        }
        return List.of(Fields.name(o), String.join(", ", requests), String.join(", ", limits), Cells.age(o, now));
    },
            Columns.name(),
            Columns.string("Request", "Used and hard amounts of the non-limit resources."),
            Columns.string("Limit", "Used and hard amounts of the limits.* resources."),
            Columns.age());

    static final RowPrinter COMPONENT_STATUS = SimpleRowPrinter.of((o, now) -> {
        String status = "Unknown";
        String message = "";
        String error = "";
        for (JsonNode c : Fields.list(o, "conditions")) {
            if ("Healthy".equals(Fields.str(c, "type"))) {
                status = "True".equals(Fields.str(c, "status")) ? "Healthy" : "Unhealthy";
                message = Fields.str(c, "message");
                error = Fields.str(c, "error");
                break;
            }
        }
        return List.of(Fields.name(o), status, message, error);
    },
            Columns.name(),
            Columns.string("Status", "Health of the component."),
            Columns.string("Message", "Message of the health condition."),
            Columns.string("Error", "Error of the health condition."));
}
