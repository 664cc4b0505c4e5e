package io.wharf.kubelet.pod;

import io.fabric8.kubernetes.api.model.DeleteOptionsBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes pod statuses through the {@code status} subresource, only when they changed since the
 * last write, and does the kubelet's final delete of a terminated pod. A JSON merge patch of the
 * whole status replaces the lists the kubelet owns and leaves fields others set (qosClass,
 * nominatedNodeName) alone.
 */
final class PodStatusWriter {
    private static final Logger LOG = LoggerFactory.getLogger(PodStatusWriter.class);
    private final KubernetesClient client;
    private final Map<String, PodStatus> written = new ConcurrentHashMap<>();

    PodStatusWriter(KubernetesClient client) {
        this.client = client;
    }

    void write(Pod pod, PodStatus status) {
        String uid = pod.getMetadata().getUid();
        if (status.equals(written.get(uid))) {
            return;
        }
        String patch = client.getKubernetesSerialization().asJson(Map.of("status", status));
        try {
            client.pods().inNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata().getName())
                    .subresource("status").patch(PatchContext.of(PatchType.JSON_MERGE), patch);
            written.put(uid, status);
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                written.remove(uid);
                return; // deleted meanwhile
            }
            throw e;
        }
    }

    /** The final delete of a pod whose containers all stopped: grace period 0, only this very pod (its UID). */
    void deleteFinally(Pod pod) {
        try {
            // the client's delete DSL has no UID precondition, so the request is sent as it is
            String path = client.getMasterUrl().toString().replaceAll("/$", "") + "/api/v1/namespaces/" + pod.getMetadata().getNamespace()
                    + "/pods/" + pod.getMetadata().getName();
            client.raw(path, "DELETE", new DeleteOptionsBuilder().withApiVersion("v1").withKind("DeleteOptions").withGracePeriodSeconds(0L)
                    .withNewPreconditions().withUid(pod.getMetadata().getUid()).endPreconditions().build());
        } catch (KubernetesClientException e) {
            if (e.getCode() != 404 && e.getCode() != 409) {
                LOG.warn("final delete of pod {}/{} failed: {}", pod.getMetadata().getNamespace(), pod.getMetadata().getName(), e.getMessage());
            }
        } finally {
            written.remove(pod.getMetadata().getUid());
        }
    }

    void forget(String uid) {
        written.remove(uid);
    }
}
