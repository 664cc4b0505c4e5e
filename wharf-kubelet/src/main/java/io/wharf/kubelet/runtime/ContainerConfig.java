package io.wharf.kubelet.runtime;

import java.util.List;
import java.util.Map;

/**
 * What a container is made from (CRI's ContainerConfig), with everything the kubelet resolved
 * already applied: the environment is final, the command and args are expanded.
 *
 * @param attempt     the restart count this container starts as
 * @param cpuMillis   the CPU limit in millicores (0: none)
 * @param memoryBytes the memory limit (0: none)
 */
public record ContainerConfig(String name, int attempt, String image, List<String> command, List<String> args,
                              String workingDir, List<EnvVar> env, Map<String, String> labels,
                              Map<String, String> annotations, String logPath, boolean stdin, boolean stdinOnce,
                              boolean tty, long cpuMillis, long memoryBytes) {
    /** Annotation the kubelet puts on init containers: they run to completion before the app containers start. */
    public static final String INIT_CONTAINER = "wharf.io/init-container";

    public record EnvVar(String name, String value) {
    }
}
