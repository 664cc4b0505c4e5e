package io.wharf.api.defaults;

import static io.wharf.api.defaults.DefaultsTestSupport.assertDefaults;
import static io.wharf.api.defaults.DefaultsTestSupport.assertUnchanged;

import org.junit.jupiter.api.Test;

/** storage.k8s.io/v1 StorageClass. */
class StorageDefaultsTest {
    @Test
    void storageClass() {
        assertDefaults("storage.k8s.io", "v1", "StorageClass", """
                metadata: {name: standard}
                provisioner: rancher.io/local-path
                """, """
                metadata: {name: standard}
                provisioner: rancher.io/local-path
                reclaimPolicy: Delete
                volumeBindingMode: Immediate
                """);
        assertUnchanged("storage.k8s.io", "v1", "StorageClass", """
                provisioner: x
                reclaimPolicy: Retain
                volumeBindingMode: WaitForFirstConsumer
                """);
    }
}
