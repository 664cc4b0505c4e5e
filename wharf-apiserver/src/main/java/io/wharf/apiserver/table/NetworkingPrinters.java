package io.wharf.apiserver.table;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** networking.k8s.io kinds: Ingress, IngressClass, NetworkPolicy. */
final class NetworkingPrinters {
    private static final int MAX_HOSTS = 3;

    private NetworkingPrinters() {
    }

    static final RowPrinter INGRESS = SimpleRowPrinter.of((o, now) -> List.of(
            Fields.name(o),
            Fields.has(o, "spec", "ingressClassName") ? Fields.str(o, "spec", "ingressClassName") : Cells.NONE,
            hosts(Fields.list(o, "spec", "rules")),
            address(o),
            Fields.size(o, "spec", "tls") > 0 ? "80, 443" : "80",
            Cells.age(o, now)),
            Columns.name(),
            Columns.string("Class", "Ingress class handling the ingress."),
            Columns.string("Hosts", "Host names the rules match."),
            Columns.string("Address", "Load balancer addresses of the ingress."),
            Columns.string("Ports", "Ports served: 80, and 443 when TLS is configured."),
            Columns.age());

    static final RowPrinter INGRESS_CLASS = SimpleRowPrinter.of((o, now) -> {
        String parameters = Cells.NONE;
        JsonNode p = Fields.at(o, "spec", "parameters");
        if (!p.isMissingNode()) {
            parameters = Fields.str(p, "kind");
            if (Fields.has(p, "apiGroup")) {
                parameters += "." + Fields.str(p, "apiGroup");
            }
            parameters += "/" + Fields.str(p, "name");
        }
        return List.of(Fields.name(o), Fields.str(o, "spec", "controller"), parameters, Cells.age(o, now));
    },
            Columns.name(),
            Columns.string("Controller", "Controller implementing the class."),
            Columns.string("Parameters", "Resource holding extra configuration for the class."),
            Columns.age());

    static final RowPrinter NETWORK_POLICY = SimpleRowPrinter.of((o, now) -> List.of(
            Fields.name(o),
            Selectors.formatSelector(Fields.at(o, "spec", "podSelector")),
            Cells.age(o, now)),
            Columns.name(),
            Columns.string("Pod-Selector", "Pods the policy applies to."),
            Columns.age());

    /**
     * Up to three non-empty rule hosts, "*" when none; the overflow count is taken over all
     * rules, hosts or not, as upstream does.
     */
    private static String hosts(List<JsonNode> rules) {
        List<String> list = new ArrayList<>();
        boolean more = false;
        for (JsonNode rule : rules) {
            if (list.size() == MAX_HOSTS) {
                more = true;
            }
            String host = Fields.str(rule, "host");
            if (!more && !host.isEmpty()) {
                list.add(host);
            }
        }
        if (list.isEmpty()) {
            return "*";
        }
        String joined = String.join(",", list);
        return more ? joined + " + " + (rules.size() - MAX_HOSTS) + " more..." : joined;
    }

    /** Sorted, de-duplicated load balancer IPs (or host names); never shortened in server tables. */
    private static String address(JsonNode ingress) {
        TreeSet<String> result = new TreeSet<>();
        for (JsonNode i : Fields.list(ingress, "status", "loadBalancer", "ingress")) {
            if (!Fields.str(i, "ip").isEmpty()) {
                result.add(Fields.str(i, "ip"));
            } else if (!Fields.str(i, "hostname").isEmpty()) {
                result.add(Fields.str(i, "hostname"));
            }
        }
        return String.join(",", result);
    }
}
