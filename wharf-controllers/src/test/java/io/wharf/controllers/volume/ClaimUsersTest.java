package io.wharf.controllers.volume;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import org.junit.jupiter.api.Test;

class ClaimUsersTest {
    private static PersistentVolumeClaim claim(String name, String ownerUid) {
        PersistentVolumeClaimBuilder b = new PersistentVolumeClaimBuilder().withNewMetadata().withName(name).withNamespace("ns").endMetadata();
        if (ownerUid != null) {
            b.editMetadata().addNewOwnerReference().withUid(ownerUid).withController(true).withKind("Pod").withName("p")
                    .withApiVersion("v1").endOwnerReference().endMetadata();
        }
        return b.build();
    }

    private static PodBuilder pod(String node) {
        return new PodBuilder().withNewMetadata().withName("p").withNamespace("ns").withUid("pod-uid").endMetadata()
                .withNewSpec().withNodeName(node).endSpec();
    }

    @Test
    void aScheduledPodNamingTheClaimUsesIt() {
        Pod scheduled = pod("node-1").editSpec().addNewVolume().withName("data").withNewPersistentVolumeClaim().withClaimName("db")
                .endPersistentVolumeClaim().endVolume().endSpec().build();
        assertThat(ClaimUsers.uses(scheduled, claim("db", null))).isTrue();
        assertThat(ClaimUsers.uses(scheduled, claim("other", null))).isFalse();
        Pod pending = pod(null).editSpec().addNewVolume().withName("data").withNewPersistentVolumeClaim().withClaimName("db")
                .endPersistentVolumeClaim().endVolume().endSpec().build();
        assertThat(ClaimUsers.uses(pending, claim("db", null))).as("no kubelet can have mounted it yet").isFalse();
        assertThat(ClaimUsers.claimNames(pending)).containsExactly("db");
    }

    @Test
    void anEphemeralVolumeUsesTheClaimItOwnsUntilThePodIsShutDown() {
        Pod pod = pod("node-1").editSpec().addNewVolume().withName("scratch").withNewEphemeral().endEphemeral().endVolume().endSpec().build();
        assertThat(ClaimUsers.claimNames(pod)).containsExactly("p-scratch");
        assertThat(ClaimUsers.uses(pod, claim("p-scratch", "pod-uid"))).isTrue();
        assertThat(ClaimUsers.uses(pod, claim("p-scratch", "someone-else"))).as("not its own claim").isFalse();
        Pod gone = new PodBuilder(pod).editMetadata().withDeletionTimestamp("2024-05-01T12:00:00Z").withDeletionGracePeriodSeconds(0L)
                .endMetadata().build();
        assertThat(ClaimUsers.uses(gone, claim("p-scratch", "pod-uid"))).isFalse();
    }

    @Test
    void finishedOrUnscheduledPodsCannotHoldClaims() {
        assertThat(ClaimUsers.cannotHoldClaims(pod(null).build())).isTrue();
        assertThat(ClaimUsers.cannotHoldClaims(pod("n").withNewStatus().withPhase("Succeeded").endStatus().build())).isTrue();
        assertThat(ClaimUsers.cannotHoldClaims(pod("n").withNewStatus().withPhase("Running").endStatus().build())).isFalse();
    }

    @Test
    void finalizerStates() {
        PersistentVolumeClaim fresh = claim("c", null);
        assertThat(ProtectionFinalizers.needsFinalizer(fresh, ProtectionFinalizers.PVC)).isTrue();
        fresh.getMetadata().setFinalizers(ProtectionFinalizers.with(fresh.getMetadata().getFinalizers(), ProtectionFinalizers.PVC));
        assertThat(ProtectionFinalizers.needsFinalizer(fresh, ProtectionFinalizers.PVC)).isFalse();
        assertThat(ProtectionFinalizers.isDeletionCandidate(fresh, ProtectionFinalizers.PVC)).isFalse();
        fresh.getMetadata().setDeletionTimestamp("2024-05-01T12:00:00Z");
        assertThat(ProtectionFinalizers.isDeletionCandidate(fresh, ProtectionFinalizers.PVC)).isTrue();
        assertThat(ProtectionFinalizers.without(fresh.getMetadata().getFinalizers(), ProtectionFinalizers.PVC)).isEmpty();
    }
}
