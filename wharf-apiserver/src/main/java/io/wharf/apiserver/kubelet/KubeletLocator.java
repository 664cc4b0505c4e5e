package io.wharf.apiserver.kubelet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.apiserver.errors.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Finds a node's kubelet from its Node object, as upstream's NodeConnectionInfoGetter does: the
 * first address of the preferred types in {@code status.addresses} and the port the kubelet
 * reported in {@code status.daemonEndpoints.kubeletEndpoint.Port} (10250 when it reported none).
 */
public final class KubeletLocator {
    /**
     * Wharf's preference. Upstream's default puts Hostname first, but simulated and single-machine
     * nodes report host names nobody can resolve, while their InternalIP always works.
     */
    public static final List<String> PREFERRED_ADDRESS_TYPES = List.of("InternalIP", "Hostname", "InternalDNS", "ExternalIP", "ExternalDNS");
    /** Upstream's --kubelet-port default. */
    public static final int DEFAULT_KUBELET_PORT = 10250;

    /** Reads a Node by name; throws the storage's 404 when there is none. */
    private final Function<String, ObjectNode> nodes;

    public KubeletLocator(Function<String, ObjectNode> nodes) {
        this.nodes = nodes;
    }

    /** The kubelet of {@code nodeName}; a missing Node is upstream's 404, a Node without a usable address a 500. */
    public KubeletEndpoint locate(String nodeName) {
        return endpointOf(nodes.apply(nodeName));
    }

    static KubeletEndpoint endpointOf(ObjectNode node) {
        JsonNode status = node.path("status");
        JsonNode addresses = status.path("addresses");
        String host = null;
        for (String type : PREFERRED_ADDRESS_TYPES) {
            for (JsonNode a : addresses) {
                if (type.equals(a.path("type").asText()) && !a.path("address").asText().isEmpty()) {
                    host = a.path("address").asText();
                    break;
                }
            }
            if (host != null) {
                break;
            }
        }
        if (host == null) {
            // upstream's NoMatchError, which reaches the client as a plain 500
            throw new ApiException(500, "", "no preferred addresses found; known addresses: " + goAddresses(addresses));
        }
        int port = status.path("daemonEndpoints").path("kubeletEndpoint").path("Port").asInt(0);
        return new KubeletEndpoint(host, port > 0 ? port : DEFAULT_KUBELET_PORT);
    }

    /** The addresses as Go prints a slice of NodeAddress structs: {@code [{InternalIP 10.0.0.1}]}. */
    private static String goAddresses(JsonNode addresses) {
        List<String> out = new ArrayList<>();
        for (JsonNode a : addresses) {
            out.add("{" + a.path("type").asText() + " " + a.path("address").asText() + "}");
        }
        return "[" + String.join(" ", out) + "]";
    }
}
