package io.wharf.kubelet.runtime;

import java.util.List;
import java.util.Map;

/**
 * What a pod sandbox is made from (CRI's PodSandboxConfig): the pod's identity, its labels and
 * annotations (a runtime may read its own instructions from them), host name, network mode and
 * host port mappings.
 */
public record PodSandboxConfig(String name, String namespace, String uid, int attempt, String hostname,
                               Map<String, String> labels, Map<String, String> annotations, boolean hostNetwork,
                               List<PortMapping> portMappings, String logDirectory) {
    public record PortMapping(String protocol, int containerPort, int hostPort, String hostIp) {
    }
}
