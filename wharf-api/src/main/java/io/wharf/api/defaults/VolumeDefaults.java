package io.wharf.api.defaults;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Defaults of pod volumes and of the volume sources a PersistentVolume shares with them
 * (hostPath, rbd, iscsi, azureDisk, scaleIO).
 */
final class VolumeDefaults {
    /** 0644, the file mode of projected secret, config map, downward API and projected files. */
    static final int DEFAULT_MODE = 420;
    static final int TOKEN_EXPIRATION_SECONDS = 3600;

    /** Every source field of a v1.32 VolumeSource: a volume naming none of them becomes an emptyDir. */
    private static final List<String> SOURCES = List.of("hostPath", "emptyDir", "gcePersistentDisk",
            "awsElasticBlockStore", "gitRepo", "secret", "nfs", "iscsi", "glusterfs", "persistentVolumeClaim", "rbd",
            "flexVolume", "cinder", "cephfs", "flocker", "downwardAPI", "fc", "azureFile", "configMap",
            "vsphereVolume", "quobyte", "azureDisk", "photonPersistentDisk", "projected", "portworxVolume", "scaleIO",
            "storageos", "csi", "ephemeral", "image");

    private VolumeDefaults() {
    }

    static void podVolume(ObjectNode volume) {
        if (SOURCES.stream().allMatch(s -> Tree.isUnset(volume.get(s)))) {
            volume.set("emptyDir", volume.objectNode());
        }
        sharedSources(volume);
        defaultMode(Tree.object(volume, "secret"));
        defaultMode(Tree.object(volume, "configMap"));
        ObjectNode downwardApi = Tree.object(volume, "downwardAPI");
        defaultMode(downwardApi);
        downwardApiItems(downwardApi);
        ObjectNode projected = Tree.object(volume, "projected");
        defaultMode(projected);
        for (ObjectNode source : Tree.objects(projected, "sources")) {
            downwardApiItems(Tree.object(source, "downwardAPI"));
            ObjectNode token = Tree.object(source, "serviceAccountToken");
            if (token != null) {
                Tree.defaultPointerInt(token, "expirationSeconds", TOKEN_EXPIRATION_SECONDS);
            }
        }
        ObjectNode claimTemplate = Tree.object(Tree.object(volume, "ephemeral"), "volumeClaimTemplate");
        if (claimTemplate != null) {
            ClaimDefaults.spec(Tree.ensureObject(claimTemplate, "spec"));
        }
    }

    /** Defaults of the sources a PersistentVolume spec can hold as well as a pod volume. */
    static void sharedSources(ObjectNode holder) {
        ObjectNode hostPath = Tree.object(holder, "hostPath");
        if (hostPath != null) {
            // The unset type is the empty string, written out explicitly.
            Tree.defaultPointerText(hostPath, "type", "");
        }
        ObjectNode rbd = Tree.object(holder, "rbd");
        if (rbd != null) {
            Tree.defaultText(rbd, "pool", "rbd");
            Tree.defaultText(rbd, "user", "admin");
            Tree.defaultText(rbd, "keyring", "/etc/ceph/keyring");
        }
        ObjectNode iscsi = Tree.object(holder, "iscsi");
        if (iscsi != null) {
            Tree.defaultText(iscsi, "iscsiInterface", "default");
        }
        ObjectNode azureDisk = Tree.object(holder, "azureDisk");
        if (azureDisk != null) {
            Tree.defaultPointerText(azureDisk, "cachingMode", "ReadWrite");
            Tree.defaultPointerText(azureDisk, "kind", "Shared");
            Tree.defaultPointerText(azureDisk, "fsType", "ext4");
            Tree.defaultPointerBoolean(azureDisk, "readOnly", false);
        }
        ObjectNode scaleIo = Tree.object(holder, "scaleIO");
        if (scaleIo != null) {
            Tree.defaultText(scaleIo, "storageMode", "ThinProvisioned");
            Tree.defaultText(scaleIo, "fsType", "xfs");
        }
    }

    private static void defaultMode(ObjectNode source) {
        if (source != null) {
            Tree.defaultPointerInt(source, "defaultMode", DEFAULT_MODE);
        }
    }

    private static void downwardApiItems(ObjectNode downwardApi) {
        for (ObjectNode item : Tree.objects(downwardApi, "items")) {
            ContainerDefaults.fieldRef(Tree.object(item, "fieldRef"));
        }
    }
}
