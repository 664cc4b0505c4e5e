package io.wharf.kubelet.runtime;

import java.time.Duration;
import java.util.List;

/**
 * What the kubelet needs from a container runtime, shaped after the CRI runtime service so that
 * the simulated backend, the runc backend and a containerd (CRI) backend plug in the same way.
 * Pod sandboxes hold a pod's shared namespaces and network; containers run inside a sandbox.
 *
 * <p>Implementations are thread-safe: every pod worker calls in concurrently. State changes the
 * runtime makes on its own (a container exiting) are announced to {@link #addListener listeners},
 * the way CRI's container events feed the kubelet's pod lifecycle event generator.
 */
public interface ContainerRuntime extends AutoCloseable {
    /** The runtime's name and version, as reported in {@code nodeInfo.containerRuntimeVersion} ({@code name://version}). */
    RuntimeVersion version();

    /** Creates and starts a pod's sandbox; returns its id. */
    String runPodSandbox(PodSandboxConfig config);

    /** Stops every container of the sandbox and tears its network down; the sandbox stays listed. */
    void stopPodSandbox(String sandboxId);

    void removePodSandbox(String sandboxId);

    PodSandboxStatus podSandboxStatus(String sandboxId);

    List<PodSandboxStatus> listPodSandboxes();

    /** Creates (does not start) a container in a sandbox; returns its id. */
    String createContainer(String sandboxId, ContainerConfig config, PodSandboxConfig sandboxConfig);

    void startContainer(String containerId);

    /** Sends the stop signal, then kills the container if it has not exited after {@code timeout}. */
    void stopContainer(String containerId, Duration timeout);

    void removeContainer(String containerId);

    ContainerStatus containerStatus(String containerId);

    /** The containers of one sandbox (null: of all sandboxes), newest attempt last. */
    List<ContainerStatus> listContainers(String sandboxId);

    /** Runs a command in a container to completion (exec probes, exec lifecycle hooks). */
    ExecResult execSync(String containerId, List<String> command, Duration timeout);

    /** Starts an interactive command in a container; fails with {@link RuntimeUnsupportedException} if the runtime has no processes. */
    StreamSession exec(String containerId, List<String> command, StreamOptions options);

    /** Attaches to a running container's main process. */
    StreamSession attach(String containerId, StreamOptions options);

    /** Opens one TCP connection to {@code port} inside the sandbox's network namespace. */
    PortConnection portForward(String sandboxId, int port);

    /** The container's output so far and as it arrives (CRI runtimes keep it in a log file per container attempt). */
    ContainerLog log(String containerId);

    /** Resource use of one container, for {@code /stats/summary}. */
    ContainerStats containerStats(String containerId);

    /**
     * Answers probes itself for a runtime without real processes or network (the simulated one);
     * {@code null} when the kubelet runs exec probes through {@link #execSync} and network probes
     * against the pod IP, as upstream does.
     */
    default ProbeAnswers probeAnswers() {
        return null;
    }

    /** Registers a listener for changes the runtime makes on its own (a container exited). */
    void addListener(RuntimeEventListener listener);

    @Override
    void close();
}
