package io.wharf.kubelet.node;

import io.fabric8.kubernetes.api.model.Quantity;
import java.util.Map;

/**
 * Who a node is and what it offers: its name, address, labels, capacity (cpu, memory,
 * ephemeral-storage, pods), the kubelet API port it advertises, and the machine facts nodeInfo
 * reports.
 *
 * @param podCidrPrefix the first three octets of its pods' /24, e.g. {@code 10.128.0}
 */
public record NodeIdentity(String name, String internalIp, String hostname, Map<String, String> labels,
                           Map<String, Quantity> capacity, int kubeletPort, String podCidrPrefix, MachineInfo machine) {
    /** The port upstream's kubelet serves its API on. */
    public static final int KUBELET_PORT = 10250;

    /** The same node whose kubelet API listens on {@code port}. */
    public NodeIdentity withKubeletPort(int port) {
        return new NodeIdentity(name, internalIp, hostname, labels, capacity, port, podCidrPrefix, machine);
    }
}
