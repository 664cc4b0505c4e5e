package io.wharf.apiserver.table;

import static io.wharf.apiserver.table.TableFixtures.headers;
import static io.wharf.apiserver.table.TableFixtures.row;
import static io.wharf.apiserver.table.TableFixtures.wideHeaders;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StoragePrintersTest {
    @Test
    void persistentVolumeColumnsAndBoundVolume() {
        assertThat(headers(StoragePrinters.PERSISTENT_VOLUME)).containsExactly("Name", "Capacity", "Access Modes",
                "Reclaim Policy", "Status", "Claim", "StorageClass", "VolumeAttributesClass", "Reason", "Age", "VolumeMode");
        assertThat(wideHeaders(StoragePrinters.PERSISTENT_VOLUME)).containsExactly("VolumeMode");
        assertThat(row(StoragePrinters.PERSISTENT_VOLUME, """
                metadata: {name: pv-1, creationTimestamp: "2024-04-01T12:00:00Z"}
                spec:
                  capacity: {storage: 10Gi}
                  accessModes: [ReadWriteMany, ReadWriteOnce, ReadWriteOnce, ReadWriteOncePod]
                  persistentVolumeReclaimPolicy: Retain
                  storageClassName: fast
                  volumeMode: Filesystem
                  claimRef: {namespace: shop, name: data}
                status: {phase: Bound}
                """)).containsExactly("pv-1", "10Gi", "RWO,RWX,RWOP", "Retain", "Bound", "shop/data", "fast",
                "<unset>", "", "30d", "Filesystem");
    }

    @Test
    void persistentVolumeBeingDeletedWithBetaClassAnnotation() {
        assertThat(row(StoragePrinters.PERSISTENT_VOLUME, """
                metadata:
                  name: old
                  deletionTimestamp: "2024-05-01T11:00:00Z"
                  annotations: {volume.beta.kubernetes.io/storage-class: legacy}
                spec: {storageClassName: ignored, volumeAttributesClassName: gold}
                status: {phase: Released, reason: Reclaiming}
                """)).containsExactly("old", "0", "", "", "Terminating", "", "legacy", "gold", "Reclaiming",
                "<unknown>", "<unset>");
    }

    @Test
    void claimShowsVolumeDetailsOnlyWhenBound() {
        assertThat(headers(StoragePrinters.PERSISTENT_VOLUME_CLAIM)).containsExactly("Name", "Status", "Volume",
                "Capacity", "Access Modes", "StorageClass", "VolumeAttributesClass", "Age", "VolumeMode");
        assertThat(row(StoragePrinters.PERSISTENT_VOLUME_CLAIM, """
                metadata: {name: data, creationTimestamp: "2024-05-01T11:00:00Z"}
                spec:
                  accessModes: [ReadWriteOnce]
                  resources: {requests: {storage: 5Gi}}
                  storageClassName: standard
                  volumeName: pvc-123
                  volumeMode: Filesystem
                status: {phase: Bound, accessModes: [ReadWriteOnce], capacity: {storage: 8Gi}}
                """)).containsExactly("data", "Bound", "pvc-123", "8Gi", "RWO", "standard", "<unset>", "60m", "Filesystem");
        assertThat(row(StoragePrinters.PERSISTENT_VOLUME_CLAIM, """
                metadata: {name: waiting}
                spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 5Gi}}}
                status: {phase: Pending}
                """)).containsExactly("waiting", "Pending", "", "", "", "", "<unset>", "<unknown>", "<unset>");
    }

    @Test
    void storageClassMarksDefaultAndAppliesDefaults() {
        assertThat(headers(StoragePrinters.STORAGE_CLASS)).containsExactly("Name", "Provisioner", "ReclaimPolicy",
                "VolumeBindingMode", "AllowVolumeExpansion", "Age");
        assertThat(row(StoragePrinters.STORAGE_CLASS, """
                metadata:
                  name: standard
                  creationTimestamp: "2024-05-01T06:00:00Z"
                  annotations: {storageclass.kubernetes.io/is-default-class: "true"}
                provisioner: rancher.io/local-path
                reclaimPolicy: Delete
                volumeBindingMode: WaitForFirstConsumer
                allowVolumeExpansion: true
                """)).containsExactly("standard (default)", "rancher.io/local-path", "Delete", "WaitForFirstConsumer",
                true, "6h");
        assertThat(row(StoragePrinters.STORAGE_CLASS, """
                metadata:
                  name: beta
                  annotations: {storageclass.beta.kubernetes.io/is-default-class: "true"}
                provisioner: example.com/nfs
                """)).containsExactly("beta (default)", "example.com/nfs", "Delete", "Immediate", false, "<unknown>");
        assertThat(row(StoragePrinters.STORAGE_CLASS, """
                metadata:
                  name: other
                  annotations: {storageclass.kubernetes.io/is-default-class: "false"}
                provisioner: p
                reclaimPolicy: Retain
                """).subList(0, 3)).containsExactly("other", "p", "Retain");
    }

    @Test
    void csiKinds() {
        assertThat(row(StoragePrinters.CSI_DRIVER, """
                metadata: {name: ebs.csi.aws.com}
                spec:
                  attachRequired: false
                  podInfoOnMount: true
                  tokenRequests: [{audience: sts}, {audience: vault}]
                  volumeLifecycleModes: [Persistent, Ephemeral]
                """)).containsExactly("ebs.csi.aws.com", false, true, false, "sts,vault", false, "Persistent,Ephemeral",
                "<unknown>");
        assertThat(row(StoragePrinters.CSI_DRIVER, "metadata: {name: d}").subList(1, 7))
                .containsExactly(true, false, false, "<unset>", false, "<none>");
        assertThat(row(StoragePrinters.CSI_NODE, "metadata: {name: n}\nspec: {drivers: [{name: a}, {name: b}]}"))
                .containsExactly("n", 2L, "<unknown>");
        assertThat(row(StoragePrinters.CSI_STORAGE_CAPACITY, "metadata: {name: c}\nstorageClassName: fast\ncapacity: 100Gi"))
                .containsExactly("c", "fast", "100Gi");
        assertThat(row(StoragePrinters.VOLUME_ATTACHMENT, """
                metadata: {name: csi-1}
                spec: {attacher: ebs.csi.aws.com, nodeName: node-1, source: {persistentVolumeName: pv-1}}
                status: {attached: true}
                """)).containsExactly("csi-1", "ebs.csi.aws.com", "pv-1", "node-1", true, "<unknown>");
    }
}
