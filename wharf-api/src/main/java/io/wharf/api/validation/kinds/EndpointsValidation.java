package io.wharf.api.validation.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.validation.FieldProblem;
import io.wharf.api.validation.NameValidation;
import java.util.List;

/**
 * Endpoints (upstream's ValidateEndpoints, the same on update): every subset has addresses,
 * addresses are usable IPs with valid host and node names, ports are named when several.
 */
final class EndpointsValidation implements KindValidator {
    private static final List<String> PROTOCOLS = List.of("SCTP", "TCP", "UDP");

    @Override
    public List<FieldProblem> validate(ObjectNode endpoints) {
        Problems out = new Problems();
        List<JsonNode> subsets = Nodes.items(endpoints, "subsets");
        for (int i = 0; i < subsets.size(); i++) {
            JsonNode ss = subsets.get(i);
            FieldPath p = FieldPath.of("subsets").index(i);
            List<JsonNode> ready = Nodes.items(ss, "addresses");
            List<JsonNode> notReady = Nodes.items(ss, "notReadyAddresses");
            if (ready.isEmpty() && notReady.isEmpty()) {
                out.required(p, "must specify `addresses` or `notReadyAddresses`");
            }
            for (int a = 0; a < ready.size(); a++) {
                address(out, ready.get(a), p.child("addresses").index(a));
            }
            for (int a = 0; a < notReady.size(); a++) {
                address(out, notReady.get(a), p.child("notReadyAddresses").index(a));
            }
            List<JsonNode> ports = Nodes.items(ss, "ports");
            for (int j = 0; j < ports.size(); j++) {
                port(out, ports.get(j), ports.size() > 1, p.child("ports").index(j));
            }
        }
        return out.list();
    }

    private static void address(Problems out, JsonNode address, FieldPath path) {
        String ip = Nodes.text(address, "ip");
        FieldChecks.ip(out, ip, path.child("ip"));
        String hostname = Nodes.text(address, "hostname");
        if (!hostname.isEmpty()) {
            FieldChecks.dns1123Label(out, hostname, path.child("hostname"));
        }
        if (Nodes.has(address, "nodeName")) {
            String node = Nodes.text(address, "nodeName");
            out.invalidEach(path.child("nodeName"), node, NameValidation.isDNS1123Subdomain(node));
        }
        FieldChecks.nonSpecialIp(out, ip, path.child("ip"));
    }

    private static void port(Problems out, JsonNode port, boolean requireName, FieldPath path) {
        String name = Nodes.text(port, "name");
        if (requireName && name.isEmpty()) {
            out.required(path.child("name"), "");
        } else if (!name.isEmpty()) {
            FieldChecks.dns1123Label(out, name, path.child("name"));
        }
        long number = Nodes.longValue(port, "port");
        out.invalidEach(path.child("port"), number, NameValidation.isValidPortNum(number));
        String protocol = Nodes.text(port, "protocol");
        if (protocol.isEmpty()) {
            out.required(path.child("protocol"), "");
        } else if (!PROTOCOLS.contains(protocol)) {
            out.notSupported(path.child("protocol"), protocol, PROTOCOLS);
        }
        if (Nodes.has(port, "appProtocol")) {
            FieldChecks.qualifiedName(out, Nodes.text(port, "appProtocol"), path.child("appProtocol"));
        }
    }
}
