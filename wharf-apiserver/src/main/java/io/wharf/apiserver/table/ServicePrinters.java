package io.wharf.apiserver.table;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Service discovery kinds: core Service and Endpoints, discovery.k8s.io EndpointSlice. */
final class ServicePrinters {
    /** Upstream shows the first three addresses or ports and counts the rest. */
    private static final int MAX_LISTED = 3;

    private ServicePrinters() {
    }

    static final RowPrinter SERVICE = SimpleRowPrinter.of((o, now) -> {
        JsonNode spec = Fields.at(o, "spec");
        List<JsonNode> clusterIPs = Fields.list(spec, "clusterIPs");
        String clusterIP = clusterIPs.isEmpty() ? Fields.str(spec, "clusterIP") : clusterIPs.get(0).asText();
        List<String> ports = new ArrayList<>();
        for (JsonNode p : Fields.list(spec, "ports")) {
            long nodePort = Fields.num(p, "nodePort");
            String protocol = Fields.str(p, "protocol");
            long port = Fields.num(p, "port");
            ports.add(nodePort > 0 ? port + ":" + nodePort + "/" + protocol : port + "/" + protocol);
        }
        return List.of(
                Fields.name(o),
                Fields.str(spec, "type"),
                Cells.orNone(clusterIP),
                externalIP(o),
                Cells.orNone(String.join(",", ports)),
                Cells.age(o, now),
                Selectors.labels(Fields.at(spec, "selector")));
    },
            Columns.name(),
            Columns.string("Type", "How the service is exposed."),
            Columns.string("Cluster-IP", "Virtual IP of the service inside the cluster."),
            Columns.string("External-IP", "Addresses the service is reachable at from outside."),
            Columns.string("Port(s)", "Service ports, with node ports where allocated."),
            Columns.age(),
            Columns.wide("Selector", "Labels of the pods that back the service."));

    static final RowPrinter ENDPOINTS = SimpleRowPrinter.of(
            (o, now) -> List.of(Fields.name(o), endpoints(o), Cells.age(o, now)),
            Columns.name(),
            Columns.string("Endpoints", "First addresses with ports that back the service."),
            Columns.age());

    static final RowPrinter ENDPOINT_SLICE = SimpleRowPrinter.of((o, now) -> {
        List<String> ports = new ArrayList<>();
        for (JsonNode p : Fields.list(o, "ports")) {
            if (Fields.has(p, "port")) {
                ports.add(Long.toString(Fields.num(p, "port")));
            } else if (Fields.has(p, "name")) {
                ports.add(Fields.str(p, "name"));
            } else {
                ports.add("*");
            }
        }
        List<String> addresses = new ArrayList<>();
        for (JsonNode e : Fields.list(o, "endpoints")) {
            Fields.list(e, "addresses").forEach(a -> addresses.add(a.asText()));
        }
        return List.of(
                Fields.name(o),
                Fields.str(o, "addressType"),
                Cells.firstWithMore(ports, MAX_LISTED, Cells.UNSET),
                Cells.firstWithMore(addresses, MAX_LISTED, Cells.UNSET),
                Cells.age(o, now));
    },
            Columns.name(),
            Columns.string("AddressType", "Address family of the endpoints."),
            Columns.string("Ports", "First port numbers of the slice."),
            Columns.string("Endpoints", "First endpoint addresses of the slice."),
            Columns.age());

    /**
     * EXTERNAL-IP by service type. Load balancer addresses are never shortened here: the server
     * renders tables in wide mode, where upstream does not truncate them.
     */
    private static String externalIP(JsonNode svc) {
        JsonNode spec = Fields.at(svc, "spec");
        List<String> externalIPs = new ArrayList<>();
        Fields.list(spec, "externalIPs").forEach(ip -> externalIPs.add(ip.asText()));
        switch (Fields.str(spec, "type")) {
            case "ClusterIP", "NodePort" -> {
                return externalIPs.isEmpty() ? Cells.NONE : String.join(",", externalIPs);
            }
            case "LoadBalancer" -> {
                TreeSet<String> ingress = new TreeSet<>();
                for (JsonNode i : Fields.list(svc, "status", "loadBalancer", "ingress")) {
                    if (!Fields.str(i, "ip").isEmpty()) {
                        ingress.add(Fields.str(i, "ip"));
                    } else if (!Fields.str(i, "hostname").isEmpty()) {
                        ingress.add(Fields.str(i, "hostname"));
                    }
                }
                if (!externalIPs.isEmpty()) {
                    List<String> all = new ArrayList<>(ingress);
                    all.addAll(externalIPs);
                    return String.join(",", all);
                }
                return ingress.isEmpty() ? Cells.PENDING : String.join(",", ingress);
            }
            case "ExternalName" -> {
                return Fields.str(spec, "externalName");
            }
            default -> {
                return Cells.UNKNOWN;
            }
        }
    }

    /** "ip:port" for every address and port of every subset (bare IPs when a subset has no ports). */
    private static String endpoints(JsonNode ep) {
        List<JsonNode> subsets = Fields.list(ep, "subsets");
        if (subsets.isEmpty()) {
            return Cells.NONE;
        }
        List<String> list = new ArrayList<>();
        boolean more = false;
        int count = 0;
        for (JsonNode ss : subsets) {
            List<JsonNode> addresses = Fields.list(ss, "addresses");
            List<JsonNode> ports = Fields.list(ss, "ports");
            if (ports.isEmpty()) {
                count += addresses.size();
                for (JsonNode a : addresses) {
                    if (list.size() == MAX_LISTED) {
                        more = true;
                        break;
                    }
                    list.add(Fields.str(a, "ip"));
                }
                continue;
            }
            for (JsonNode port : ports) {
                count += addresses.size();
                for (JsonNode a : addresses) {
                    if (list.size() == MAX_LISTED) {
                        more = true;
                        break;
                    }
                    list.add(hostPort(Fields.str(a, "ip"), Fields.num(port, "port")));
                }
            }
        }
        String joined = String.join(",", list);
        return more ? joined + " + " + (count - MAX_LISTED) + " more..." : joined;
    }

    /** Like net.JoinHostPort: IPv6 literals get brackets. */
    private static String hostPort(String host, long port) {
        return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
    }
}
