package io.wharf.api.validation.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.validation.FieldProblem;
import io.wharf.api.validation.MetadataValidation;
import io.wharf.api.validation.NameValidation;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * discovery.k8s.io/v1 EndpointSlice: a known, immutable address type; endpoints (at most 1000)
 * whose addresses suit that type and are usable as endpoints; uniquely named ports.
 */
final class EndpointSliceValidation implements KindValidator {
    static final int MAX_ENDPOINTS = 1000;
    static final int MAX_ADDRESSES = 100;
    static final int MAX_PORTS = 20000;
    static final int MAX_TOPOLOGY_LABELS = 16;
    static final int MAX_ZONE_HINTS = 8;
    /** Sorted, as upstream lists set members. */
    private static final List<String> ADDRESS_TYPES = List.of("FQDN", "IPv4", "IPv6");
    private static final List<String> PROTOCOLS = List.of("SCTP", "TCP", "UDP");

    @Override
    public List<FieldProblem> validate(ObjectNode slice) {
        Problems out = new Problems();
        String addressType = Nodes.text(slice, "addressType");
        if (addressType.isEmpty()) {
            out.required(FieldPath.of("addressType"), "");
        } else if (!ADDRESS_TYPES.contains(addressType)) {
            out.notSupported(FieldPath.of("addressType"), addressType, ADDRESS_TYPES);
        }
        endpoints(out, Nodes.items(slice, "endpoints"), addressType, FieldPath.of("endpoints"));
        ports(out, Nodes.items(slice, "ports"), FieldPath.of("ports"));
        return out.list();
    }

    @Override
    public List<FieldProblem> validateUpdate(ObjectNode slice, ObjectNode old) {
        Problems out = new Problems();
        out.addAll(validate(slice));
        FieldChecks.immutableText(out, slice.path("addressType"), old.path("addressType"), FieldPath.of("addressType"));
        return out.list();
    }

    private static void endpoints(Problems out, List<JsonNode> endpoints, String addressType, FieldPath path) {
        if (endpoints.size() > MAX_ENDPOINTS) {
            out.tooMany(path, endpoints.size(), MAX_ENDPOINTS);
            return;
        }
        for (int i = 0; i < endpoints.size(); i++) {
            JsonNode endpoint = endpoints.get(i);
            FieldPath at = path.index(i);
            FieldPath addressesPath = at.child("addresses");
            List<String> addresses = Nodes.strings(endpoint, "addresses");
            if (addresses.isEmpty()) {
                out.required(addressesPath, "must contain at least 1 address");
            } else if (addresses.size() > MAX_ADDRESSES) {
                out.tooMany(addressesPath, addresses.size(), MAX_ADDRESSES);
            }
            for (int j = 0; j < addresses.size(); j++) {
                address(out, addresses.get(j), addressType, addressesPath.index(j));
            }
            String nodeName = Nodes.optionalText(endpoint, "nodeName");
            if (nodeName != null) {
                out.invalidEach(at.child("nodeName"), nodeName, NameValidation.isDNS1123Subdomain(nodeName));
            }
            FieldPath topologyPath = at.child("deprecatedTopology");
            Map<String, String> topology = Nodes.stringMap(endpoint, "deprecatedTopology");
            if (topology != null && topology.size() > MAX_TOPOLOGY_LABELS) {
                out.tooMany(topologyPath, topology.size(), MAX_TOPOLOGY_LABELS);
            }
            out.addAllAt(topologyPath, MetadataValidation.validateLabels(topology));
            String hostname = Nodes.optionalText(endpoint, "hostname");
            if (hostname != null) {
                FieldChecks.dns1123Label(out, hostname, at.child("hostname"));
            }
            JsonNode hints = endpoint.path("hints");
            if (Nodes.isSet(hints)) {
                zoneHints(out, Nodes.items(hints, "forZones"), at.child("hints", "forZones"));
            }
        }
    }

    /** Addresses are checked by type; an unknown type leaves them unchecked, as upstream does. */
    private static void address(Problems out, String address, String addressType, FieldPath path) {
        switch (addressType) {
            case "IPv4" -> {
                out.invalidEach(path, address, NameValidation.isValidIPv4Address(address));
                FieldChecks.nonSpecialIp(out, address, path);
            }
            case "IPv6" -> {
                out.invalidEach(path, address, NameValidation.isValidIPv6Address(address));
                FieldChecks.nonSpecialIp(out, address, path);
            }
            case "FQDN" -> fullyQualifiedDomainName(out, address, path);
            default -> {
                // not validated
            }
        }
    }

    /** Upstream's {@code IsFullyQualifiedDomainName}: a subdomain of at least two labels, trailing dot allowed. */
    private static void fullyQualifiedDomainName(Problems out, String address, FieldPath path) {
        if (address.isEmpty()) {
            out.required(path, "");
            return;
        }
        String name = address.endsWith(".") ? address.substring(0, address.length() - 1) : address;
        List<String> errors = NameValidation.isDNS1123Subdomain(name);
        if (!errors.isEmpty()) {
            out.invalid(path, name, String.join(",", errors));
            return;
        }
        String[] labels = name.split("\\.", -1);
        if (labels.length < 2) {
            out.invalid(path, name, "should be a domain with at least two segments separated by dots");
            return;
        }
        for (String label : labels) {
            List<String> labelErrors = NameValidation.isDNS1123Label(label);
            if (!labelErrors.isEmpty()) {
                out.invalid(path, label, String.join(",", labelErrors));
                return;
            }
        }
    }

    private static void zoneHints(Problems out, List<JsonNode> zones, FieldPath path) {
        if (zones.size() > MAX_ZONE_HINTS) {
            out.tooMany(path, zones.size(), MAX_ZONE_HINTS);
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < zones.size(); i++) {
            FieldPath at = path.index(i).child("name");
            String name = Nodes.text(zones.get(i), "name");
            if (!seen.add(name)) {
                out.duplicate(at, name);
            }
            out.invalidEach(at, name, NameValidation.isValidLabelValue(name));
        }
    }

    private static void ports(Problems out, List<JsonNode> ports, FieldPath path) {
        if (ports.size() > MAX_PORTS) {
            out.tooMany(path, ports.size(), MAX_PORTS);
            return;
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < ports.size(); i++) {
            JsonNode port = ports.get(i);
            FieldPath at = path.index(i);
            String name = Nodes.text(port, "name");
            if (!name.isEmpty()) {
                FieldChecks.dns1123Label(out, name, at.child("name"));
            }
            if (!names.add(name)) {
                out.duplicate(at.child("name"), name);
            }
            String protocol = Nodes.optionalText(port, "protocol");
            if (protocol == null) {
                out.required(at.child("protocol"), "");
            } else if (!PROTOCOLS.contains(protocol)) {
                out.notSupported(at.child("protocol"), protocol, PROTOCOLS);
            }
            String appProtocol = Nodes.optionalText(port, "appProtocol");
            if (appProtocol != null) {
                FieldChecks.qualifiedName(out, appProtocol, at.child("appProtocol"));
            }
        }
    }
}
