package io.wharf.kubelet.pod;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One pod as its worker sees it at a moment: the newest spec, the status the kubelet reports for
 * it (which may be ahead of the API's copy), its sandbox and start time. What the kubelet API
 * answers from.
 *
 * @param sandboxId null until the sandbox runs
 * @param startTime null until the kubelet started the pod
 */
public record PodView(Pod pod, PodStatus status, String sandboxId, Instant startTime) {
    public String namespace() {
        return pod.getMetadata().getNamespace();
    }

    public String name() {
        return pod.getMetadata().getName();
    }

    public String uid() {
        return pod.getMetadata().getUid();
    }

    /** The pod with this status in place of the API's. */
    public Pod withStatus() {
        return new Pod(pod.getApiVersion(), pod.getKind(), pod.getMetadata(), pod.getSpec(), status);
    }

    /** The status of a container, init container or ephemeral container named {@code name}. */
    public Optional<ContainerStatus> containerStatus(String name) {
        List<ContainerStatus> all = new ArrayList<>();
        addAll(all, status.getInitContainerStatuses());
        addAll(all, status.getContainerStatuses());
        addAll(all, status.getEphemeralContainerStatuses());
        return all.stream().filter(c -> name.equals(c.getName())).findFirst();
    }

    private static void addAll(List<ContainerStatus> into, List<ContainerStatus> from) {
        if (from != null) {
            into.addAll(from);
        }
    }
}
