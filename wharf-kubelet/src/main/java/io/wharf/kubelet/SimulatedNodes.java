package io.wharf.kubelet;

import io.fabric8.kubernetes.api.model.Quantity;
import io.wharf.kubelet.node.MachineInfo;
import io.wharf.kubelet.node.NodeIdentity;
import io.wharf.kubelet.simulated.SimulatedRuntime;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Names, addresses and pod ranges for simulated nodes: node {@code i} of a process is
 * {@code <prefix>-<i>} (zero-padded to four digits), answers at {@code 127.1.x.y} (all of
 * 127.0.0.0/8 is loopback on Linux, so each node has an address of its own) and gives its pods
 * addresses from {@code 10.(128 + i / 256).(i % 256).0/24}.
 */
public final class SimulatedNodes {
    private SimulatedNodes() {
    }

    public static String name(String prefix, int index) {
        return String.format("%s-%04d", prefix, index);
    }

    public static String address(int index) {
        return "127.1." + (index / 250) + "." + (index % 250 + 1);
    }

    public static String podCidrPrefix(int index) {
        return "10." + (128 + index / 256) + "." + (index % 256);
    }

    /** Adds {@code count} simulated nodes to {@code kubelets}, all with the same capacity and extra labels. */
    public static void add(Kubelets kubelets, String prefix, int count, Map<String, Quantity> capacity, Map<String, String> labels,
                           int kubeletPort, Duration startDelay) {
        MachineInfo machine = MachineInfo.local();
        for (int i = 0; i < count; i++) {
            String name = name(prefix, i);
            Map<String, String> l = new LinkedHashMap<>(labels);
            l.put("type", "simulated");
            NodeIdentity id = new NodeIdentity(name, address(i), name, l, capacity, kubeletPort, podCidrPrefix(i), machine.simulated(name));
            kubelets.add(id, new SimulatedRuntime(kubelets.timers(), startDelay, id.podCidrPrefix()));
        }
    }

    /** The capacity of this machine: its CPUs, memory, the disk under {@code dir}, and 110 pods. */
    public static Map<String, Quantity> machineCapacity(java.nio.file.Path dir, int maxPods) {
        Map<String, Quantity> c = new LinkedHashMap<>();
        c.put("cpu", new Quantity(Integer.toString(Runtime.getRuntime().availableProcessors())));
        long memory = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        c.put("memory", new Quantity((memory / 1024) + "Ki"));
        long disk;
        try {
            disk = java.nio.file.Files.getFileStore(dir).getTotalSpace();
        } catch (java.io.IOException e) {
            disk = 0;
        }
        c.put("ephemeral-storage", new Quantity((disk / 1024) + "Ki"));
        c.put("hugepages-1Gi", new Quantity("0"));
        c.put("hugepages-2Mi", new Quantity("0"));
        c.put("pods", new Quantity(Integer.toString(maxPods)));
        return c;
    }
}
