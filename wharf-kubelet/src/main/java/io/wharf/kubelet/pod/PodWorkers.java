package io.wharf.kubelet.pod;

import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The pod workers of one node: one per pod UID, created when a pod bound to the node first shows
 * up (after node admission), told about every newer version and about runtime events, and dropped
 * when the pod is gone.
 */
public final class PodWorkers implements AutoCloseable {
    private final NodeContext node;
    private final PodStatusWriter statusWriter;
    private final Supplier<Map<String, String>> nodeLabels;
    private final Map<String, PodWorker> byUid = new ConcurrentHashMap<>();

    public PodWorkers(NodeContext node, Supplier<Map<String, String>> nodeLabels) {
        this.node = node;
        this.statusWriter = new PodStatusWriter(node.client());
        this.nodeLabels = nodeLabels;
        node.runtime().addListener((sandboxId, containerId) -> {
            for (PodWorker w : byUid.values()) {
                if (sandboxId.equals(w.sandboxId())) {
                    w.requestSync();
                }
            }
        });
    }

    /** A pod bound to this node was added or changed. */
    public void podChanged(Pod pod) {
        String uid = pod.getMetadata().getUid();
        PodWorker existing = byUid.get(uid);
        if (existing != null) {
            existing.update(pod);
            return;
        }
        String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
        if (("Succeeded".equals(phase) || "Failed".equals(phase)) && pod.getMetadata().getDeletionTimestamp() == null) {
            return; // finished before this kubelet saw it (e.g. before a restart): nothing to run
        }
        synchronized (this) {
            if (byUid.containsKey(uid)) {
                byUid.get(uid).update(pod);
                return;
            }
            PodWorker w = new PodWorker(node, pod, statusWriter, () -> {
                byUid.remove(uid);
                statusWriter.forget(uid);
            });
            if (pod.getMetadata().getDeletionTimestamp() == null) {
                NodeAdmission.Verdict v = NodeAdmission.admit(pod, activePods(), nodeLabels.get(), node.allocatable());
                byUid.put(uid, w);
                if (!v.admitted()) {
                    w.reject(v.reason(), v.message());
                    return;
                }
            } else {
                byUid.put(uid, w);
            }
            w.requestSync();
        }
    }

    /** The pod was removed from the API. */
    public void podDeleted(Pod pod) {
        PodWorker w = byUid.get(pod.getMetadata().getUid());
        if (w != null) {
            w.forget();
        }
    }

    /** Writes the pod's status again even if it did not change (its API object was recreated). */
    public void resync(String uid) {
        statusWriter.forget(uid);
        PodWorker w = byUid.get(uid);
        if (w != null) {
            w.requestSync();
        }
    }

    /** Pods admitted here that still hold resources (not yet Succeeded or Failed). */
    public List<Pod> activePods() {
        List<Pod> out = new ArrayList<>();
        for (PodWorker w : byUid.values()) {
            if (!w.isTerminal() && !w.isFinished()) {
                out.add(w.pod());
            }
        }
        return out;
    }

    /** Every pod this node knows (running, terminating or finished but not yet forgotten), for the kubelet API. */
    public List<PodView> views() {
        List<PodView> out = new ArrayList<>();
        for (PodWorker w : byUid.values()) {
            out.add(w.view());
        }
        return out;
    }

    /** The pod {@code namespace/name} on this node, if it has one. */
    public java.util.Optional<PodView> view(String namespace, String name) {
        for (PodWorker w : byUid.values()) {
            var m = w.pod().getMetadata();
            if (name.equals(m.getName()) && namespace.equals(m.getNamespace())) {
                return java.util.Optional.of(w.view());
            }
        }
        return java.util.Optional.empty();
    }

    public int size() {
        return byUid.size();
    }

    @Override
    public void close() {
        for (PodWorker w : byUid.values()) {
            w.forget();
        }
    }
}
