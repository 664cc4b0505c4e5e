package io.wharf.kubelet;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.wharf.api.json.Json;
import io.wharf.kubelet.api.KubeletApiBackend;
import io.wharf.kubelet.pod.PodView;
import io.wharf.kubelet.pod.PodWorkers;
import io.wharf.kubelet.runtime.ContainerLog;
import io.wharf.kubelet.runtime.ContainerRuntime;
import io.wharf.kubelet.runtime.PortConnection;
import io.wharf.kubelet.runtime.StreamOptions;
import io.wharf.kubelet.runtime.StreamSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The kubelet API of one node over its pod workers and runtime: pods as the kubelet sees them,
 * and the container a log, exec, attach or port-forward request means, chosen from the pod's
 * current status the way upstream's kubelet chooses it.
 */
final class NodeApiBackend implements KubeletApiBackend {
    private final String nodeName;
    private final PodWorkers pods;
    private final ContainerRuntime runtime;
    private final NodeStats stats;

    NodeApiBackend(String nodeName, PodWorkers pods, ContainerRuntime runtime, NodeStats stats) {
        this.nodeName = nodeName;
        this.pods = pods;
        this.runtime = runtime;
        this.stats = stats;
    }

    @Override
    public String nodeName() {
        return nodeName;
    }

    @Override
    public List<ObjectNode> pods() {
        List<ObjectNode> out = new ArrayList<>();
        for (PodView v : pods.views()) {
            out.add(Json.MAPPER.valueToTree(v.withStatus()));
        }
        return out;
    }

    @Override
    public Optional<ObjectNode> pod(String namespace, String name) {
        return pods.view(namespace, name).map(v -> Json.MAPPER.valueToTree(v.withStatus()));
    }

    @Override
    public ContainerLog containerLog(String namespace, String pod, String podUid, String container, boolean previous) {
        PodView view = find(namespace, pod, podUid);
        return runtime.log(logContainerId(view, container, previous));
    }

    /**
     * Upstream's choice of the attempt a log request reads: the previous one when asked, else the
     * running one, else the one that ended (or the one before it when the next never started);
     * a container still waiting has no log yet and says why.
     */
    static String logContainerId(PodView view, String container, boolean previous) {
        String podName = view.name();
        ContainerStatus status = view.containerStatus(container)
                .orElseThrow(() -> new IllegalStateException("container \"" + container + "\" in pod \"" + podName + "\" is not available"));
        var state = status.getState();
        var last = status.getLastState() == null ? null : status.getLastState().getTerminated();
        if (previous) {
            if (last == null || empty(last.getContainerID())) {
                throw new IllegalStateException("previous terminated container \"" + container + "\" in pod \"" + podName + "\" not found");
            }
            return runtimeId(last.getContainerID());
        }
        if (state != null && state.getRunning() != null) {
            return runtimeId(status.getContainerID());
        }
        if (state != null && state.getTerminated() != null) {
            String id = state.getTerminated().getContainerID();
            if (!empty(id)) {
                return runtimeId(id);
            }
            if (last != null && !empty(last.getContainerID())) {
                return runtimeId(last.getContainerID());
            }
            throw new IllegalStateException("container \"" + container + "\" in pod \"" + podName + "\" is terminated");
        }
        if (last != null) {
            if (empty(last.getContainerID())) {
                throw new IllegalStateException("container \"" + container + "\" in pod \"" + podName + "\" is terminated");
            }
            return runtimeId(last.getContainerID());
        }
        String reason = state != null && state.getWaiting() != null ? state.getWaiting().getReason() : "ContainerCreating";
        throw new IllegalStateException("container \"" + container + "\" in pod \"" + podName + "\" is waiting to start: " + reason);
    }

    @Override
    public StreamSession exec(String namespace, String pod, String podUid, String container, List<String> command, StreamOptions options) {
        return runtime.exec(runningContainerId(find(namespace, pod, podUid), container), command, options);
    }

    @Override
    public StreamSession attach(String namespace, String pod, String podUid, String container, StreamOptions options) {
        return runtime.attach(runningContainerId(find(namespace, pod, podUid), container), options);
    }

    /** Exec and attach reach running containers only, as the runtime's view of the pod lists no others. */
    private static String runningContainerId(PodView view, String container) {
        return view.containerStatus(container)
                .filter(s -> s.getState() != null && s.getState().getRunning() != null && !empty(s.getContainerID()))
                .map(s -> runtimeId(s.getContainerID()))
                .orElseThrow(() -> new IllegalStateException("container not found (\"" + container + "\")"));
    }

    @Override
    public PortConnection portForward(String namespace, String pod, String podUid, int port) {
        PodView view = find(namespace, pod, podUid);
        if (view.sandboxId() == null) {
            throw new IllegalStateException("pod " + namespace + "/" + pod + " has no running sandbox");
        }
        return runtime.portForward(view.sandboxId(), port);
    }

    @Override
    public ObjectNode statsSummary() {
        return stats.summary(pods.views());
    }

    private PodView find(String namespace, String pod, String podUid) {
        PodView view = pods.view(namespace, pod).orElseThrow(() -> new NotFound("pod \"" + pod + "\" does not exist"));
        if (podUid != null && !podUid.isEmpty() && !podUid.equals(view.uid())) {
            throw new NotFound("pod \"" + pod + "\" with UID " + podUid + " does not exist");
        }
        return view;
    }

    /** {@code simulated://abc} → {@code abc}: statuses name containers with the runtime's scheme. */
    static String runtimeId(String containerId) {
        int i = containerId.indexOf("://");
        return i < 0 ? containerId : containerId.substring(i + 3);
    }

    private static boolean empty(String s) {
        return s == null || s.isEmpty();
    }
}
