package io.wharf.kubelet.pod;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The kubelet's own admission of a pod bound to its node, checked before the pod first runs (the
 * scheduler may have been bypassed by {@code nodeName}): the node selector, free host ports, and
 * room for its requests and for one more pod. A rejected pod fails with upstream's reason.
 */
final class NodeAdmission {
    /** Why a pod cannot run here; null reason means it may. */
    record Verdict(String reason, String message) {
        static final Verdict ADMIT = new Verdict(null, null);

        boolean admitted() {
            return reason == null;
        }
    }

    private NodeAdmission() {
    }

    static Verdict admit(Pod pod, List<Pod> running, Map<String, String> nodeLabels, Map<String, Quantity> allocatable) {
        Map<String, String> selector = pod.getSpec().getNodeSelector();
        if (selector != null) {
            for (Map.Entry<String, String> e : selector.entrySet()) {
                if (!e.getValue().equals(nodeLabels.get(e.getKey()))) {
                    return new Verdict("NodeAffinity", "Pod was rejected: Predicate NodeAffinity failed: node(s) didn't match Pod's node affinity/selector");
                }
            }
        }
        Set<String> usedPorts = new HashSet<>();
        for (Pod p : running) {
            usedPorts.addAll(hostPorts(p));
        }
        for (String port : hostPorts(pod)) {
            if (usedPorts.contains(port)) {
                return new Verdict("NodePorts", "Pod was rejected: Predicate NodePorts failed: node(s) didn't have free ports for the requested pod ports");
            }
        }
        long maxPods = allocatable.containsKey("pods") ? allocatable.get("pods").getNumericalAmount().longValue() : 110;
        if (running.size() + 1 > maxPods) {
            return new Verdict("OutOfpods", "Pod was rejected: Node didn't have enough resource: pods, requested: 1, used: " + running.size()
                    + ", capacity: " + maxPods);
        }
        for (String resource : List.of("cpu", "memory", "ephemeral-storage")) {
            Quantity cap = allocatable.get(resource);
            if (cap == null) {
                continue;
            }
            BigDecimal used = BigDecimal.ZERO;
            for (Pod p : running) {
                used = used.add(request(p, resource));
            }
            BigDecimal wanted = request(pod, resource);
            BigDecimal capacity = cap.getNumericalAmount();
            if (wanted.signum() > 0 && used.add(wanted).compareTo(capacity) > 0) {
                return new Verdict("OutOf" + resource, "Pod was rejected: Node didn't have enough resource: " + resource + ", requested: "
                        + units(resource, wanted) + ", used: " + units(resource, used) + ", capacity: " + units(resource, capacity));
            }
        }
        return Verdict.ADMIT;
    }

    /** The pod's effective request: the larger of its app containers' sum and its largest init container. */
    static BigDecimal request(Pod pod, String resource) {
        BigDecimal apps = BigDecimal.ZERO;
        for (Container c : pod.getSpec().getContainers()) {
            apps = apps.add(request(c, resource));
        }
        BigDecimal init = BigDecimal.ZERO;
        for (Container c : pod.getSpec().getInitContainers() == null ? List.<Container>of() : pod.getSpec().getInitContainers()) {
            init = init.max(request(c, resource));
        }
        return apps.max(init);
    }

    private static BigDecimal request(Container c, String resource) {
        if (c.getResources() == null || c.getResources().getRequests() == null || !c.getResources().getRequests().containsKey(resource)) {
            return BigDecimal.ZERO;
        }
        return c.getResources().getRequests().get(resource).getNumericalAmount();
    }

    /** Upstream prints CPU in millicores and the others in bytes. */
    private static String units(String resource, BigDecimal v) {
        return resource.equals("cpu") ? v.movePointRight(3).toBigInteger().toString() : v.toBigInteger().toString();
    }

    private static Set<String> hostPorts(Pod p) {
        Set<String> out = new HashSet<>();
        for (Container c : p.getSpec().getContainers()) {
            for (ContainerPort port : c.getPorts() == null ? List.<ContainerPort>of() : c.getPorts()) {
                if (port.getHostPort() != null && port.getHostPort() > 0) {
                    out.add((port.getProtocol() == null ? "TCP" : port.getProtocol()) + "/" + (port.getHostIP() == null ? "0.0.0.0" : port.getHostIP())
                            + ":" + port.getHostPort());
                }
            }
        }
        return out;
    }
}
