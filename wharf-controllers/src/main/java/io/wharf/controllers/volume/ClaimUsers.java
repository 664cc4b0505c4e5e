package io.wharf.controllers.volume;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.ArrayList;
import java.util.List;

/** Which pods keep a claim in use, by upstream's pvc-protection rules. */
final class ClaimUsers {
    private ClaimUsers() {
    }

    /**
     * A pod uses a claim once it is scheduled (a kubelet may have mounted it) and names it in a
     * volume, or owns it as the claim of one of its generic ephemeral volumes and is not shut down.
     */
    static boolean uses(Pod pod, PersistentVolumeClaim claim) {
        if (pod.getSpec() == null || isBlank(pod.getSpec().getNodeName()) || pod.getSpec().getVolumes() == null) {
            return false;
        }
        String name = claim.getMetadata().getName();
        for (Volume v : pod.getSpec().getVolumes()) {
            if (v.getPersistentVolumeClaim() != null && name.equals(v.getPersistentVolumeClaim().getClaimName())) {
                return true;
            }
            if (v.getEphemeral() != null && !isShutDown(pod) && name.equals(ephemeralClaimName(pod, v)) && isControlledBy(claim, pod)) {
                return true;
            }
        }
        return false;
    }

    /** The claims a pod's volumes name, directly or as generic ephemeral volumes. */
    static List<String> claimNames(Pod pod) {
        List<String> out = new ArrayList<>();
        if (pod.getSpec() == null || pod.getSpec().getVolumes() == null) {
            return out;
        }
        for (Volume v : pod.getSpec().getVolumes()) {
            if (v.getPersistentVolumeClaim() != null) {
                out.add(v.getPersistentVolumeClaim().getClaimName());
            } else if (v.getEphemeral() != null) {
                out.add(ephemeralClaimName(pod, v));
            }
        }
        return out;
    }

    /** A pod that can help no longer: deleted, finished, or never scheduled. */
    static boolean cannotHoldClaims(Pod pod) {
        String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
        return "Succeeded".equals(phase) || "Failed".equals(phase) || pod.getSpec() == null || isBlank(pod.getSpec().getNodeName());
    }

    private static String ephemeralClaimName(Pod pod, Volume v) {
        return pod.getMetadata().getName() + "-" + v.getName();
    }

    /** Deleted with no grace left: the kubelet is done with it, or it was force-deleted. */
    private static boolean isShutDown(Pod pod) {
        Long grace = pod.getMetadata().getDeletionGracePeriodSeconds();
        return pod.getMetadata().getDeletionTimestamp() != null && grace != null && grace == 0;
    }

    private static boolean isControlledBy(PersistentVolumeClaim claim, Pod pod) {
        List<OwnerReference> owners = claim.getMetadata().getOwnerReferences();
        if (owners == null) {
            return false;
        }
        return owners.stream().anyMatch(o -> Boolean.TRUE.equals(o.getController()) && pod.getMetadata().getUid() != null
                && pod.getMetadata().getUid().equals(o.getUid()));
    }

    private static boolean isBlank(String s) {
        return s == null || s.isEmpty();
    }
}
