package io.wharf.kubelet.config;

import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.wharf.kubelet.pod.PodWorkers;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a node's static pods and keeps a mirror of each in the API: the manifests are rescanned
 * every 20 s; a new or changed manifest starts a pod, a removed one stops it; a mirror pod that is
 * missing (deleted by a user, say) or stale is created again. Deleting a mirror never stops the
 * static pod, as upstream. Pod status goes to the mirror.
 */
public final class MirrorPods implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MirrorPods.class);
    static final Duration RESCAN = Duration.ofSeconds(20);

    private final StaticPods source;
    private final PodWorkers workers;
    private final KubernetesClient client;
    private final String nodeName;
    private final Supplier<String> nodeUid;
    private final Map<String, Pod> running = new HashMap<>();
    private ScheduledFuture<?> task;

    public MirrorPods(StaticPods source, PodWorkers workers, KubernetesClient client, String nodeName, Supplier<String> nodeUid) {
        this.source = source;
        this.workers = workers;
        this.client = client;
        this.nodeName = nodeName;
        this.nodeUid = nodeUid;
    }

    public void start(ScheduledExecutorService timers, java.util.concurrent.ExecutorService pool) {
        task = timers.scheduleWithFixedDelay(() -> pool.execute(this::sync), 0, RESCAN.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One pass: start new pods, stop removed ones, and make every mirror match. */
    synchronized void sync() {
        try {
            Map<String, Pod> desired = source.read();
            for (Map.Entry<String, Pod> e : new LinkedHashMap<>(running).entrySet()) {
                if (!desired.containsKey(e.getKey())) {
                    workers.podDeleted(e.getValue());
                    running.remove(e.getKey());
                    deleteMirror(e.getValue());
                }
            }
            for (Map.Entry<String, Pod> e : desired.entrySet()) {
                if (!running.containsKey(e.getKey())) {
                    running.put(e.getKey(), e.getValue());
                    workers.podChanged(e.getValue());
                }
                ensureMirror(e.getValue());
            }
        } catch (RuntimeException e) {
            LOG.warn("static pods of node {}: {}", nodeName, e.toString());
        }
    }

    private void ensureMirror(Pod pod) {
        var m = pod.getMetadata();
        String hash = m.getAnnotations().get(StaticPods.HASH);
        Pod existing = client.pods().inNamespace(m.getNamespace()).withName(m.getName()).get();
        if (existing != null) {
            Map<String, String> a = existing.getMetadata().getAnnotations();
            if (a != null && hash.equals(a.get(StaticPods.MIRROR)) && existing.getMetadata().getDeletionTimestamp() == null) {
                return;
            }
            // not our mirror, or a mirror of an older manifest: replace it
            client.pods().inNamespace(m.getNamespace()).withName(m.getName()).withGracePeriod(0).delete();
            return; // created on the next pass, once the old one is gone
        }
        Pod mirror = client.getKubernetesSerialization().clone(pod);
        mirror.getMetadata().setUid(null);
        mirror.getMetadata().setResourceVersion(null);
        Map<String, String> annotations = new LinkedHashMap<>(mirror.getMetadata().getAnnotations());
        annotations.put(StaticPods.MIRROR, hash);
        mirror.getMetadata().setAnnotations(annotations);
        String uid = nodeUid.get();
        if (uid != null) {
            mirror.getMetadata().setOwnerReferences(java.util.List.of(new OwnerReferenceBuilder().withApiVersion("v1").withKind("Node")
                    .withName(nodeName).withUid(uid).withController(true).build()));
        }
        mirror.setStatus(null);
        try {
            client.pods().inNamespace(m.getNamespace()).resource(mirror).create();
            workers.resync(m.getUid()); // the status written before the mirror existed went nowhere
        } catch (KubernetesClientException e) {
            if (e.getCode() != 409) {
                throw e;
            }
        }
    }

    private void deleteMirror(Pod pod) {
        try {
            client.pods().inNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata().getName()).withGracePeriod(0).delete();
        } catch (KubernetesClientException e) {
            LOG.debug("deleting the mirror of {}: {}", pod.getMetadata().getName(), e.getMessage());
        }
    }

    /** Whether a pod in the API is a mirror (its kubelet runs the static pod behind it, not this object). */
    public static boolean isMirror(Pod pod) {
        var a = pod.getMetadata().getAnnotations();
        return a != null && a.containsKey(StaticPods.MIRROR);
    }

    @Override
    public void close() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
