package io.wharf.controllers.volume;

import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.wharf.controllers.Controller;
import io.wharf.controllers.WorkQueue;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Upstream's pv-protection controller: a volume being deleted keeps its
 * {@code kubernetes.io/pv-protection} finalizer while it is Bound to a claim, and loses it once it
 * is not. Volumes created without the finalizer get it.
 */
public final class PvProtectionController implements Controller {
    private static final Logger LOG = LoggerFactory.getLogger(PvProtectionController.class);

    private final KubernetesClient client;
    private final WorkQueue<String> queue = new WorkQueue<>("pv-protection", Duration.ofMillis(5), Duration.ofMinutes(5));
    private final KeyWorkers workers;
    private SharedIndexInformer<PersistentVolume> volumes;

    public PvProtectionController(KubernetesClient client, int workers) {
        this.client = client;
        this.workers = new KeyWorkers("pv-protection", workers, queue, this::sync, LOG);
    }

    @Override
    public String name() {
        return "pv-protection-controller";
    }

    @Override
    public void start() {
        volumes = client.persistentVolumes().inform(new ResourceEventHandler<>() {
            @Override
            public void onAdd(PersistentVolume v) {
                enqueue(v);
            }

            @Override
            public void onUpdate(PersistentVolume old, PersistentVolume v) {
                enqueue(v);
            }

            @Override
            public void onDelete(PersistentVolume v, boolean finalStateUnknown) {
                // a volume that is gone needs nothing
            }
        }, Duration.ofMinutes(5).toMillis());
        workers.start();
    }

    private void enqueue(PersistentVolume v) {
        if (ProtectionFinalizers.isDeletionCandidate(v, ProtectionFinalizers.PV) || ProtectionFinalizers.needsFinalizer(v, ProtectionFinalizers.PV)) {
            queue.add(v.getMetadata().getName());
        }
    }

    private void sync(String name) {
        PersistentVolume volume = volumes.getIndexer().getByKey(name);
        if (volume == null) {
            return;
        }
        if (ProtectionFinalizers.isDeletionCandidate(volume, ProtectionFinalizers.PV)) {
            if (isBound(volume)) {
                LOG.debug("keeping volume {}: it is bound", name);
                return;
            }
            update(volume, ProtectionFinalizers.without(volume.getMetadata().getFinalizers(), ProtectionFinalizers.PV));
        } else if (ProtectionFinalizers.needsFinalizer(volume, ProtectionFinalizers.PV)) {
            update(volume, ProtectionFinalizers.with(volume.getMetadata().getFinalizers(), ProtectionFinalizers.PV));
        }
    }

    /** The persistent volume controller marks a volume Bound while a claim holds it. */
    static boolean isBound(PersistentVolume v) {
        return v.getStatus() != null && "Bound".equals(v.getStatus().getPhase());
    }

    private void update(PersistentVolume volume, List<String> finalizers) {
        PersistentVolume copy = Serialization.clone(volume);
        copy.getMetadata().setFinalizers(finalizers);
        client.persistentVolumes().resource(copy).update();
    }

    @Override
    public void close() {
        queue.close();
        if (volumes != null) {
            volumes.close();
        }
        workers.stop();
    }
}
