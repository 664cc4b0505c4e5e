package io.wharf.apiserver.table;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Volumes and storage configuration: core PV/PVC and the storage.k8s.io kinds. */
final class StoragePrinters {
    /** Legacy annotation that still wins over spec.storageClassName. */
    private static final String BETA_STORAGE_CLASS = "volume.beta.kubernetes.io/storage-class";
    private static final String DEFAULT_CLASS = "storageclass.kubernetes.io/is-default-class";
    private static final String BETA_DEFAULT_CLASS = "storageclass.beta.kubernetes.io/is-default-class";

    private StoragePrinters() {
    }

    static final RowPrinter PERSISTENT_VOLUME = SimpleRowPrinter.of((o, now) -> {
        JsonNode spec = Fields.at(o, "spec");
        String claim = "";
        if (Fields.has(spec, "claimRef")) {
            claim = Fields.str(spec, "claimRef", "namespace") + "/" + Fields.str(spec, "claimRef", "name");
        }
        String storageClass = Fields.hasAnnotation(o, BETA_STORAGE_CLASS)
                ? Fields.annotation(o, BETA_STORAGE_CLASS)
                : Fields.str(spec, "storageClassName");
        return List.of(
                Fields.name(o),
                Cells.quantity(spec, "capacity", "storage"),
                accessModes(Fields.list(spec, "accessModes")),
                Fields.str(spec, "persistentVolumeReclaimPolicy"),
                Fields.deleting(o) ? "Terminating" : Fields.str(o, "status", "phase"),
                claim,
                storageClass,
                orUnset(spec, "volumeAttributesClassName"),
                Fields.str(o, "status", "reason"),
                Cells.age(o, now),
                orUnset(spec, "volumeMode"));
    },
            Columns.name(),
            Columns.string("Capacity", "Storage size of the volume."),
            Columns.string("Access Modes", "Ways the volume can be mounted (RWO, ROX, RWX, RWOP)."),
            Columns.string("Reclaim Policy", "What happens to the volume once its claim is released."),
            Columns.string("Status", "Binding phase of the volume."),
            Columns.string("Claim", "Namespace and name of the bound claim."),
            Columns.string("StorageClass", "Storage class of the volume."),
            Columns.string("VolumeAttributesClass", "Volume attributes class of the volume."),
            Columns.string("Reason", "Why the volume is in its phase, if given."),
            Columns.age(),
            Columns.wide("VolumeMode", "Filesystem or Block."));

    static final RowPrinter PERSISTENT_VOLUME_CLAIM = SimpleRowPrinter.of((o, now) -> {
        JsonNode spec = Fields.at(o, "spec");
        String volume = Fields.str(spec, "volumeName");
        String capacity = "";
        String modes = "";
        // capacity and modes only mean something once the claim is bound to a volume
        if (!volume.isEmpty()) {
            modes = accessModes(Fields.list(o, "status", "accessModes"));
            capacity = Cells.quantity(o, "status", "capacity", "storage");
        }
        String storageClass = Fields.hasAnnotation(o, BETA_STORAGE_CLASS)
                ? Fields.annotation(o, BETA_STORAGE_CLASS)
                : Fields.str(spec, "storageClassName");
        return List.of(
                Fields.name(o),
                Fields.deleting(o) ? "Terminating" : Fields.str(o, "status", "phase"),
                volume,
                capacity,
                modes,
                storageClass,
                orUnset(spec, "volumeAttributesClassName"),
                Cells.age(o, now),
                orUnset(spec, "volumeMode"));
    },
            Columns.name(),
            Columns.string("Status", "Binding phase of the claim."),
            Columns.string("Volume", "Name of the bound volume."),
            Columns.string("Capacity", "Storage size of the bound volume."),
            Columns.string("Access Modes", "Ways the bound volume can be mounted."),
            Columns.string("StorageClass", "Storage class requested by the claim."),
            Columns.string("VolumeAttributesClass", "Volume attributes class requested by the claim."),
            Columns.age(),
            Columns.wide("VolumeMode", "Filesystem or Block."));

    static final RowPrinter STORAGE_CLASS = SimpleRowPrinter.of((o, now) -> {
        boolean isDefault = "true".equals(Fields.annotation(o, DEFAULT_CLASS))
                || "true".equals(Fields.annotation(o, BETA_DEFAULT_CLASS));
        return List.of(
                isDefault ? Fields.name(o) + " (default)" : Fields.name(o),
                Fields.str(o, "provisioner"),
                Fields.has(o, "reclaimPolicy") ? Fields.str(o, "reclaimPolicy") : "Delete",
                Fields.has(o, "volumeBindingMode") ? Fields.str(o, "volumeBindingMode") : "Immediate",
                Fields.bool(o, "allowVolumeExpansion"),
                Cells.age(o, now));
    },
            Columns.name(),
            Columns.string("Provisioner", "Driver that provisions volumes of this class."),
            Columns.string("ReclaimPolicy", "Reclaim policy given to provisioned volumes."),
            Columns.string("VolumeBindingMode", "When volumes are bound and provisioned."),
            Columns.string("AllowVolumeExpansion", "Whether claims of this class may grow."),
            Columns.age());

    static final RowPrinter CSI_DRIVER = SimpleRowPrinter.of((o, now) -> {
        JsonNode spec = Fields.at(o, "spec");
        String tokenRequests = Cells.UNSET;
        if (Fields.has(spec, "tokenRequests")) {
            List<String> audiences = new ArrayList<>();
            Fields.list(spec, "tokenRequests").forEach(t -> audiences.add(Fields.str(t, "audience")));
            tokenRequests = String.join(",", audiences);
        }
        List<String> modes = new ArrayList<>();
        Fields.list(spec, "volumeLifecycleModes").forEach(m -> modes.add(m.asText()));
        return List.of(
                Fields.name(o),
                Fields.has(spec, "attachRequired") ? Fields.bool(spec, "attachRequired") : true,
                Fields.bool(spec, "podInfoOnMount"),
                Fields.bool(spec, "storageCapacity"),
                tokenRequests,
                Fields.bool(spec, "requiresRepublish"),
                Cells.orNone(String.join(",", modes)),
                Cells.age(o, now));
    },
            Columns.name(),
            Columns.bool("AttachRequired", "Whether volumes need an attach step."),
            Columns.bool("PodInfoOnMount", "Whether pod details are passed on mount."),
            Columns.bool("StorageCapacity", "Whether the driver reports storage capacity."),
            Columns.string("TokenRequests", "Audiences of service account tokens given to the driver."),
            Columns.bool("RequiresRepublish", "Whether volumes are re-published periodically."),
            Columns.string("Modes", "Volume lifecycle modes the driver supports."),
            Columns.age());

    static final RowPrinter CSI_NODE = SimpleRowPrinter.of(
            (o, now) -> List.of(Fields.name(o), (long) Fields.size(o, "spec", "drivers"), Cells.age(o, now)),
            Columns.name(),
            Columns.integer("Drivers", "Number of CSI drivers registered on the node."),
            Columns.age());

    static final RowPrinter CSI_STORAGE_CAPACITY = SimpleRowPrinter.of(
            (o, now) -> List.of(
                    Fields.name(o),
                    Fields.str(o, "storageClassName"),
                    Fields.has(o, "capacity") ? Cells.quantity(o, "capacity") : Cells.UNSET),
            Columns.name(),
            Columns.string("StorageClassName", "Storage class the capacity applies to."),
            Columns.string("Capacity", "Reported available capacity."));

    static final RowPrinter VOLUME_ATTACHMENT = SimpleRowPrinter.of(
            (o, now) -> List.of(
                    Fields.name(o),
                    Fields.str(o, "spec", "attacher"),
                    Fields.str(o, "spec", "source", "persistentVolumeName"),
                    Fields.str(o, "spec", "nodeName"),
                    Fields.bool(o, "status", "attached"),
                    Cells.age(o, now)),
            Columns.name(),
            new Column("Attacher", "string", "name", "Driver that attaches the volume.", 0),
            Columns.string("PV", "Persistent volume being attached."),
            Columns.string("Node", "Node the volume is attached to."),
            Columns.bool("Attached", "Whether the attach operation succeeded."),
            Columns.age());

    /** Access modes as abbreviations, always in the order RWO, ROX, RWX, RWOP. */
    static String accessModes(List<JsonNode> modes) {
        Set<String> present = new LinkedHashSet<>();
        modes.forEach(m -> present.add(m.asText()));
        List<String> out = new ArrayList<>();
        if (present.contains("ReadWriteOnce")) {
            out.add("RWO");
        }
        if (present.contains("ReadOnlyMany")) {
            out.add("ROX");
        }
        if (present.contains("ReadWriteMany")) {
            out.add("RWX");
        }
        if (present.contains("ReadWriteOncePod")) {
            out.add("RWOP");
        }
        return String.join(",", out);
    }

    private static String orUnset(JsonNode node, String field) {
        return Fields.has(node, field) ? Fields.str(node, field) : Cells.UNSET;
    }
}
