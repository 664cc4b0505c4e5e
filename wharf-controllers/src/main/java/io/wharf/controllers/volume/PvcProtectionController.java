package io.wharf.controllers.volume;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
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
 * Upstream's pvc-protection controller: a claim being deleted keeps its
 * {@code kubernetes.io/pvc-protection} finalizer while a scheduled pod uses it, and loses it (so
 * the deletion completes) once none does. Claims created without the finalizer get it.
 */
public final class PvcProtectionController implements Controller {
    private static final Logger LOG = LoggerFactory.getLogger(PvcProtectionController.class);

    private final KubernetesClient client;
    private final WorkQueue<String> queue = new WorkQueue<>("pvc-protection", Duration.ofMillis(5), Duration.ofMinutes(5));
    private final KeyWorkers workers;
    private SharedIndexInformer<PersistentVolumeClaim> claims;
    private SharedIndexInformer<Pod> pods;

    public PvcProtectionController(KubernetesClient client, int workers) {
        this.client = client;
        this.workers = new KeyWorkers("pvc-protection", workers, queue, this::sync, LOG);
    }

    @Override
    public String name() {
        return "pvc-protection-controller";
    }

    @Override
    public void start() {
        claims = client.persistentVolumeClaims().inAnyNamespace().inform(new ResourceEventHandler<>() {
            @Override
            public void onAdd(PersistentVolumeClaim c) {
                enqueue(c);
            }

            @Override
            public void onUpdate(PersistentVolumeClaim old, PersistentVolumeClaim c) {
                enqueue(c);
            }

            @Override
            public void onDelete(PersistentVolumeClaim c, boolean finalStateUnknown) {
                // a claim that is gone needs nothing
            }
        }, Duration.ofMinutes(5).toMillis());
        pods = client.pods().inAnyNamespace().inform(new ResourceEventHandler<>() {
            @Override
            public void onAdd(Pod p) {
                podChanged(p, false);
            }

            @Override
            public void onUpdate(Pod old, Pod p) {
                podChanged(p, false);
                if (old.getMetadata().getUid() != null && !old.getMetadata().getUid().equals(p.getMetadata().getUid())) {
                    podChanged(old, true); // a pod replaced under the same name no longer holds the old one's claims
                }
            }

            @Override
            public void onDelete(Pod p, boolean finalStateUnknown) {
                podChanged(p, true);
            }
        }, Duration.ofMinutes(5).toMillis());
        workers.start();
    }

    private void enqueue(PersistentVolumeClaim c) {
        if (ProtectionFinalizers.isDeletionCandidate(c, ProtectionFinalizers.PVC)
                || ProtectionFinalizers.needsFinalizer(c, ProtectionFinalizers.PVC)) {
            queue.add(c.getMetadata().getNamespace() + "/" + c.getMetadata().getName());
        }
    }

    /** A pod that went away (or can no longer hold claims) may be what a deleted claim waits for. */
    private void podChanged(Pod p, boolean deleted) {
        if (!deleted && !ClaimUsers.cannotHoldClaims(p)) {
            return;
        }
        for (String claim : ClaimUsers.claimNames(p)) {
            queue.add(p.getMetadata().getNamespace() + "/" + claim);
        }
    }

    private void sync(String key) {
        PersistentVolumeClaim claim = claims.getIndexer().getByKey(key);
        if (claim == null) {
            return;
        }
        if (ProtectionFinalizers.isDeletionCandidate(claim, ProtectionFinalizers.PVC)) {
            if (inUse(claim)) {
                LOG.debug("keeping claim {}: a pod uses it", key);
                return;
            }
            update(claim, ProtectionFinalizers.without(claim.getMetadata().getFinalizers(), ProtectionFinalizers.PVC));
            LOG.debug("claim {} is unused; removed its protection finalizer", key);
        } else if (ProtectionFinalizers.needsFinalizer(claim, ProtectionFinalizers.PVC)) {
            update(claim, ProtectionFinalizers.with(claim.getMetadata().getFinalizers(), ProtectionFinalizers.PVC));
        }
    }

    /**
     * Asks the pod cache first; finding no user there, asks the API server, since a pod created a
     * moment ago may not be in the cache yet.
     */
    private boolean inUse(PersistentVolumeClaim claim) {
        String ns = claim.getMetadata().getNamespace();
        boolean cached = pods.getIndexer().list().stream()
                .anyMatch(p -> ns.equals(p.getMetadata().getNamespace()) && ClaimUsers.uses(p, claim));
        if (cached) {
            return true;
        }
        List<Pod> live = client.pods().inNamespace(ns).list().getItems();
        return live.stream().anyMatch(p -> ClaimUsers.uses(p, claim));
    }

    /** An update over the cached version: if the claim changed meanwhile, the 409 retries the key. */
    private void update(PersistentVolumeClaim claim, List<String> finalizers) {
        PersistentVolumeClaim copy = Serialization.clone(claim);
        copy.getMetadata().setFinalizers(finalizers);
        client.persistentVolumeClaims().inNamespace(claim.getMetadata().getNamespace()).resource(copy).update();
    }

    @Override
    public void close() {
        queue.close();
        if (claims != null) {
            claims.close();
        }
        if (pods != null) {
            pods.close();
        }
        workers.stop();
    }
}
