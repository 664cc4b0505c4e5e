package io.wharf.apiserver.table;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** core/v1 Node rows: readiness, scheduling state, roles from labels, kubelet and OS details. */
final class NodePrinter implements RowPrinter {
    private static final String ROLE_PREFIX = "node-role.kubernetes.io/";
    private static final String ROLE_LABEL = "kubernetes.io/role";

    private static final List<Column> COLUMNS = List.of(
            Columns.name(),
            Columns.string("Status", "Readiness of the node, and whether scheduling is disabled."),
            Columns.string("Roles", "Roles taken from the node's role labels."),
            Columns.age(),
            Columns.string("Version", "Kubelet version reported by the node."),
            Columns.wide("Internal-IP", "First internal address of the node."),
            Columns.wide("External-IP", "First external address of the node."),
            Columns.wide("OS-Image", "Operating system image reported by the node."),
            Columns.wide("Kernel-Version", "Kernel version reported by the node."),
            Columns.wide("Container-Runtime", "Container runtime and version reported by the node."));

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public List<Object> cells(JsonNode node, Instant now) {
        JsonNode info = Fields.at(node, "status", "nodeInfo");
        return List.of(
                Fields.name(node),
                status(node),
                Cells.orNone(String.join(",", roles(node))),
                Cells.age(node, now),
                Fields.str(info, "kubeletVersion"),
                address(node, "InternalIP"),
                address(node, "ExternalIP"),
                orUnknown(Fields.str(info, "osImage")),
                orUnknown(Fields.str(info, "kernelVersion")),
                orUnknown(Fields.str(info, "containerRuntimeVersion")));
    }

    /** Ready / NotReady from the last Ready condition, Unknown without one, plus SchedulingDisabled. */
    private static String status(JsonNode node) {
        JsonNode ready = null;
        for (JsonNode c : Fields.list(node, "status", "conditions")) {
            if ("Ready".equals(Fields.str(c, "type"))) {
                ready = c;
            }
        }
        List<String> status = new ArrayList<>();
        if (ready == null) {
            status.add("Unknown");
        } else {
            status.add("True".equals(Fields.str(ready, "status")) ? "Ready" : "NotReady");
        }
        if (Fields.bool(node, "spec", "unschedulable")) {
            status.add("SchedulingDisabled");
        }
        return String.join(",", status);
    }

    /** Sorted, de-duplicated roles from node-role.kubernetes.io/&lt;role&gt; keys and kubernetes.io/role values. */
    private static TreeSet<String> roles(JsonNode node) {
        TreeSet<String> roles = new TreeSet<>();
        var labels = Fields.entries(node, "metadata", "labels");
        while (labels.hasNext()) {
            Map.Entry<String, JsonNode> e = labels.next();
            String key = e.getKey();
            if (key.startsWith(ROLE_PREFIX)) {
                String role = key.substring(ROLE_PREFIX.length());
                if (!role.isEmpty()) {
                    roles.add(role);
                }
            } else if (ROLE_LABEL.equals(key) && !e.getValue().asText().isEmpty()) {
                roles.add(e.getValue().asText());
            }
        }
        return roles;
    }

    private static String address(JsonNode node, String type) {
        for (JsonNode a : Fields.list(node, "status", "addresses")) {
            if (type.equals(Fields.str(a, "type"))) {
                return Fields.str(a, "address");
            }
        }
        return Cells.NONE;
    }

    private static String orUnknown(String s) {
        return s.isEmpty() ? Cells.UNKNOWN : s;
    }
}
