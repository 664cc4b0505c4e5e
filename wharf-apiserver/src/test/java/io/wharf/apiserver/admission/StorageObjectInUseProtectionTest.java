package io.wharf.apiserver.admission;

import static io.wharf.apiserver.admission.Requests.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import org.junit.jupiter.api.Test;

class StorageObjectInUseProtectionTest {
    private final StorageObjectInUseProtection plugin = new StorageObjectInUseProtection();

    @Test
    void newClaimsAndVolumesAreProtected() {
        ObjectNode claim = yaml("metadata: {name: c, finalizers: [example.com/keep]}\nspec: {}");
        plugin.admit(Requests.create("", "persistentvolumeclaims", "ns", claim));
        assertThat(Json.string(claim.at("/metadata/finalizers"))).isEqualTo("[\"example.com/keep\",\"kubernetes.io/pvc-protection\"]");
        ObjectNode volume = yaml("metadata: {name: v}\nspec: {}");
        plugin.admit(Requests.create("", "persistentvolumes", "", volume));
        assertThat(Json.string(volume.at("/metadata/finalizers"))).isEqualTo("[\"kubernetes.io/pv-protection\"]");
    }

    @Test
    void theFinalizerIsNotDoubledAndUpdatesAndOtherKindsAreLeftAlone() {
        ObjectNode claim = yaml("metadata: {name: c, finalizers: [kubernetes.io/pvc-protection]}\nspec: {}");
        plugin.admit(Requests.create("", "persistentvolumeclaims", "ns", claim));
        assertThat(claim.at("/metadata/finalizers")).hasSize(1);
        ObjectNode released = yaml("metadata: {name: c}\nspec: {}");
        plugin.admit(Requests.update("", "persistentvolumeclaims", "ns", released, claim));
        assertThat(released.at("/metadata").has("finalizers")).as("the protection controller may remove it").isFalse();
        ObjectNode map = yaml("metadata: {name: m}");
        plugin.admit(Requests.create("", "configmaps", "ns", map));
        assertThat(map.at("/metadata").has("finalizers")).isFalse();
    }
}
