package io.wharf.kubelet.runtime;

import java.time.Instant;

/** One sample of a container's resource use (CRI's ContainerStats). */
public record ContainerStats(String containerId, Instant timestamp, long cpuUsageCoreNanoSeconds, long cpuUsageNanoCores,
                             long memoryWorkingSetBytes, long memoryUsageBytes, long rootfsUsedBytes,
                             long logsUsedBytes) {
}
