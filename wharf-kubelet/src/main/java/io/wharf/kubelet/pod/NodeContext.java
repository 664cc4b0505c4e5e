package io.wharf.kubelet.pod;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.wharf.kubelet.env.EnvResolver;
import io.wharf.kubelet.runtime.ContainerRuntime;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What the pod workers of one node share: the API client, the node's runtime and identity, and the
 * executors (shared by every node of the process).
 *
 * @param workers     runs syncs (short, non-blocking work)
 * @param terminators runs pod terminations, which wait for grace periods
 * @param timers      schedules follow-up syncs
 */
public record NodeContext(String nodeName, String hostIp, Map<String, Quantity> allocatable, KubernetesClient client,
                          ContainerRuntime runtime, EnvResolver env, ExecutorService workers, ExecutorService terminators,
                          ScheduledExecutorService timers) {
}
