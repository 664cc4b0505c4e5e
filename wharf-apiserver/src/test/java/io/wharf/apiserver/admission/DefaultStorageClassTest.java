package io.wharf.apiserver.admission;

import static io.wharf.apiserver.admission.Requests.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class DefaultStorageClassTest {
    private final FakeClusterObjects objects = new FakeClusterObjects();
    private final DefaultStorageClass plugin = new DefaultStorageClass(objects);

    private void storageClass(String name, String created, String annotations) {
        objects.put("storage.k8s.io", "storageclasses", yaml("metadata: {name: " + name + ", creationTimestamp: '" + created
                + "', annotations: {" + annotations + "}}\nprovisioner: x"));
    }

    private ObjectNode admitted(String claim) {
        ObjectNode pvc = yaml(claim);
        plugin.admit(Requests.create("", "persistentvolumeclaims", "ns", pvc));
        return pvc;
    }

    @Test
    void aClaimWithoutAClassGetsTheNewestDefault() {
        assertThat(admitted("metadata: {name: c}\nspec: {}").at("/spec").has("storageClassName")).as("no default class").isFalse();
        storageClass("slow", "2024-01-01T00:00:00Z", "storageclass.kubernetes.io/is-default-class: 'true'");
        storageClass("fast", "2024-03-01T00:00:00Z", "storageclass.beta.kubernetes.io/is-default-class: 'true'");
        storageClass("newest-not-default", "2024-06-01T00:00:00Z", "storageclass.kubernetes.io/is-default-class: 'yes'");
        assertThat(admitted("metadata: {name: c}\nspec: {}").at("/spec/storageClassName").asText()).isEqualTo("fast");
        storageClass("also-fast", "2024-03-01T00:00:00Z", "storageclass.kubernetes.io/is-default-class: 'true'");
        assertThat(admitted("metadata: {name: c}\nspec: {}").at("/spec/storageClassName").asText())
                .as("created in the same second: first by name").isEqualTo("also-fast");
    }

    @Test
    void aClaimNamingAClassEvenEmptyKeepsIt() {
        storageClass("fast", "2024-03-01T00:00:00Z", "storageclass.kubernetes.io/is-default-class: 'true'");
        assertThat(admitted("metadata: {name: c}\nspec: {storageClassName: ''}").at("/spec/storageClassName").asText()).isEmpty();
        assertThat(admitted("metadata: {name: c}\nspec: {storageClassName: gold}").at("/spec/storageClassName").asText()).isEqualTo("gold");
        assertThat(admitted("metadata: {name: c, annotations: {volume.beta.kubernetes.io/storage-class: gold}}\nspec: {}")
                .at("/spec").has("storageClassName")).isFalse();
    }
}
