package io.wharf.kubelet;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Quantity;
import io.wharf.api.json.Json;
import io.wharf.kubelet.pod.PodView;
import io.wharf.kubelet.runtime.ContainerRuntime;
import io.wharf.kubelet.runtime.ContainerStats;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * The kubelet's stats Summary ({@code /stats/summary}, statsapi v1alpha1) for one node: each pod
 * with its running containers' CPU, memory, root filesystem and log use as the runtime reports
 * them, pod totals, and node totals against the node's capacity.
 */
final class NodeStats {
    private final String nodeName;
    private final ContainerRuntime runtime;
    private final Instant startTime;
    private final long memoryCapacity;
    private final long storageCapacity;

    NodeStats(String nodeName, ContainerRuntime runtime, Instant startTime, Map<String, Quantity> capacity) {
        this.nodeName = nodeName;
        this.runtime = runtime;
        this.startTime = startTime;
        this.memoryCapacity = bytes(capacity.get("memory"));
        this.storageCapacity = bytes(capacity.get("ephemeral-storage"));
    }

    private static long bytes(Quantity q) {
        return q == null ? 0 : Quantity.getAmountInBytes(q).longValue();
    }

    ObjectNode summary(List<PodView> pods) {
        String now = time(Instant.now());
        Totals node = new Totals();
        ObjectNode summary = Json.NODES.objectNode();
        ArrayNode podList = Json.NODES.arrayNode();
        for (PodView pod : pods) {
            if (pod.sandboxId() == null) {
                continue;
            }
            Totals podTotals = new Totals();
            ObjectNode p = Json.NODES.objectNode();
            ObjectNode ref = p.putObject("podRef");
            ref.put("name", pod.name());
            ref.put("namespace", pod.namespace());
            ref.put("uid", pod.uid());
            p.put("startTime", time(pod.startTime() == null ? Instant.now() : pod.startTime()));
            ArrayNode containers = p.putArray("containers");
            for (ContainerStatus status : running(pod)) {
                ContainerStats s;
                try {
                    s = runtime.containerStats(NodeApiBackend.runtimeId(status.getContainerID()));
                } catch (RuntimeException gone) {
                    continue; // it ended between the status and now
                }
                ObjectNode c = containers.addObject();
                c.put("name", status.getName());
                c.put("startTime", status.getState().getRunning().getStartedAt());
                cpu(c.putObject("cpu"), now, s.cpuUsageNanoCores(), s.cpuUsageCoreNanoSeconds());
                memory(c.putObject("memory"), now, s.memoryUsageBytes(), s.memoryWorkingSetBytes(), -1);
                fs(c.putObject("rootfs"), now, s.rootfsUsedBytes());
                fs(c.putObject("logs"), now, s.logsUsedBytes());
                podTotals.add(s);
            }
            cpu(p.putObject("cpu"), now, podTotals.nanoCores, podTotals.coreNanoSeconds);
            memory(p.putObject("memory"), now, podTotals.memory, podTotals.workingSet, -1);
            fs(p.putObject("ephemeral-storage"), now, podTotals.rootfs + podTotals.logs);
            p.putObject("process_stats").put("process_count", containers.size());
            podList.add(p);
            node.add(podTotals);
        }
        ObjectNode n = summary.putObject("node");
        n.put("nodeName", nodeName);
        n.put("startTime", time(startTime));
        cpu(n.putObject("cpu"), now, node.nanoCores, node.coreNanoSeconds);
        memory(n.putObject("memory"), now, node.memory, node.workingSet, memoryCapacity);
        ObjectNode fs = fs(n.putObject("fs"), now, node.rootfs + node.logs);
        if (storageCapacity > 0) {
            fs.put("capacityBytes", storageCapacity);
            fs.put("availableBytes", Math.max(0, storageCapacity - node.rootfs - node.logs));
        }
        summary.set("pods", podList);
        return summary;
    }

    private static List<ContainerStatus> running(PodView pod) {
        List<ContainerStatus> all = new java.util.ArrayList<>();
        for (var list : List.of(nonNull(pod.status().getInitContainerStatuses()), nonNull(pod.status().getContainerStatuses()))) {
            for (ContainerStatus s : list) {
                if (s.getState() != null && s.getState().getRunning() != null && s.getContainerID() != null) {
                    all.add(s);
                }
            }
        }
        return all;
    }

    private static <T> List<T> nonNull(List<T> l) {
        return l == null ? List.of() : l;
    }

    private static void cpu(ObjectNode cpu, String now, long nanoCores, long coreNanoSeconds) {
        cpu.put("time", now);
        cpu.put("usageNanoCores", nanoCores);
        cpu.put("usageCoreNanoSeconds", coreNanoSeconds);
    }

    /** @param capacity the node's memory, or -1 for pods and containers (no availableBytes) */
    private static void memory(ObjectNode memory, String now, long usage, long workingSet, long capacity) {
        memory.put("time", now);
        if (capacity >= 0) {
            memory.put("availableBytes", Math.max(0, capacity - workingSet));
        }
        memory.put("usageBytes", usage);
        memory.put("workingSetBytes", workingSet);
        memory.put("rssBytes", workingSet);
        memory.put("pageFaults", 0);
        memory.put("majorPageFaults", 0);
    }

    private static ObjectNode fs(ObjectNode fs, String now, long used) {
        fs.put("time", now);
        fs.put("usedBytes", used);
        return fs;
    }

    private static String time(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** Sums of container samples. */
    private static final class Totals {
        long nanoCores;
        long coreNanoSeconds;
        long memory;
        long workingSet;
        long rootfs;
        long logs;

        void add(ContainerStats s) {
            nanoCores += s.cpuUsageNanoCores();
            coreNanoSeconds += s.cpuUsageCoreNanoSeconds();
            memory += s.memoryUsageBytes();
            workingSet += s.memoryWorkingSetBytes();
            rootfs += s.rootfsUsedBytes();
            logs += s.logsUsedBytes();
        }

        void add(Totals t) {
            nanoCores += t.nanoCores;
            coreNanoSeconds += t.coreNanoSeconds;
            memory += t.memory;
            workingSet += t.workingSet;
            rootfs += t.rootfs;
            logs += t.logs;
        }
    }
}
