package io.wharf.api.validation.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.quantity.Quantity;
import io.wharf.api.validation.FieldProblem;
import io.wharf.api.validation.GoQuote;
import io.wharf.api.validation.NameValidation;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * PersistentVolumes (upstream's ValidatePersistentVolume and ValidatePersistentVolumeUpdate):
 * access modes, a positive storage capacity and nothing else, a known reclaim policy and volume
 * mode, node affinity, exactly one volume source; on update the source, the volume mode and a set
 * node affinity are fixed. Upstream's message for a changed source ends with a Go struct diff,
 * which is left out here.
 */
final class PersistentVolumeValidation implements KindValidator {
    /** The fields of PersistentVolumeSource, in upstream's validation order. */
    static final List<String> SOURCES = List.of("hostPath", "gcePersistentDisk", "awsElasticBlockStore", "glusterfs",
            "flocker", "nfs", "rbd", "quobyte", "cephfs", "iscsi", "cinder", "fc", "flexVolume", "azureFile",
            "vsphereVolume", "photonPersistentDisk", "portworxVolume", "azureDisk", "scaleIO", "local", "storageos", "csi");
    private static final List<String> RECLAIM_POLICIES = List.of("Delete", "Recycle", "Retain");
    private static final String MORE_THAN_ONE = "may not specify more than 1 volume type";

    @Override
    public List<FieldProblem> validate(ObjectNode pv) {
        Problems out = new Problems();
        spec(out, Nodes.get(pv, "spec"), Nodes.text(Nodes.get(pv, "metadata"), "name"), FieldPath.of("spec"));
        return out.list();
    }

    @Override
    public List<FieldProblem> validateUpdate(ObjectNode pv, ObjectNode old) {
        Problems out = new Problems();
        out.addAll(validate(pv));
        JsonNode spec = Nodes.get(pv, "spec");
        JsonNode oldSpec = Nodes.get(old, "spec");
        if (!sameSource(spec, oldSpec)) {
            out.forbidden(FieldPath.of("spec", "persistentvolumesource"), "spec.persistentvolumesource is immutable after creation");
        }
        String mode = Nodes.text(spec, "volumeMode");
        if (!mode.equals(Nodes.text(oldSpec, "volumeMode"))) {
            out.invalid(FieldPath.of("volumeMode"), Nodes.has(spec, "volumeMode") ? mode : null, FieldChecks.IMMUTABLE);
        }
        JsonNode oldAffinity = Nodes.get(oldSpec, "nodeAffinity");
        JsonNode affinity = Nodes.get(spec, "nodeAffinity");
        if (oldAffinity != null && !sameAffinityAllowingGaLabels(affinity, oldAffinity)) {
            out.invalid(FieldPath.of("nodeAffinity"), affinity, FieldChecks.IMMUTABLE + ", except for updating from beta label to GA");
        }
        return out.list();
    }

    private static void spec(Problems out, JsonNode spec, String pvName, FieldPath path) {
        List<String> modes = Nodes.strings(spec, "accessModes");
        if (modes.isEmpty()) {
            out.required(path.child("accessModes"), "");
        }
        PersistentVolumeClaimSpecValidation.accessModes(out, modes, path.child("accessModes"));
        capacity(out, Nodes.entries(spec, "capacity"), Nodes.has(spec, "capacity"), path.child("capacity"));
        String reclaim = Nodes.text(spec, "persistentVolumeReclaimPolicy");
        if (!reclaim.isEmpty() && !RECLAIM_POLICIES.contains(reclaim)) {
            out.notSupported(path.child("persistentVolumeReclaimPolicy"), reclaim, RECLAIM_POLICIES);
        }
        boolean nodeAffinity = false;
        JsonNode affinity = Nodes.get(spec, "nodeAffinity");
        if (affinity != null) {
            nodeAffinity = true;
            JsonNode required = Nodes.get(affinity, "required");
            if (required != null) {
                PodSchedulingValidation.nodeSelector(out, required, false, path.child("nodeAffinity", "required"));
            } else {
                out.required(path.child("nodeAffinity", "required"), "must specify required node constraints");
            }
        }
        int count = 0;
        for (String source : SOURCES) {
            if (!VolumeSourceValidation.present(spec, source)) {
                continue;
            }
            // Upstream never counts flex volumes as a second source.
            if (count > 0 && !source.equals("flexVolume")) {
                out.forbidden(path.child(source.equals("cephfs") ? "cephFS" : source), MORE_THAN_ONE);
                continue;
            }
            count++;
            source(out, source, spec.get(source), pvName, path);
            if (source.equals("local") && !nodeAffinity) {
                out.required(path.child("nodeAffinity"), "Local volume requires node affinity");
            }
        }
        if (count == 0) {
            out.required(path, "must specify a volume type");
        }
        if (VolumeSourceValidation.present(spec, "hostPath") && isRoot(Nodes.text(spec.get("hostPath"), "path"))
                && reclaim.equals("Recycle")) {
            out.forbidden(path.child("persistentVolumeReclaimPolicy"), "may not be 'recycle' for a hostPath mount of '/'");
        }
        String storageClass = Nodes.text(spec, "storageClassName");
        if (!storageClass.isEmpty()) {
            out.invalidEach(path.child("storageClassName"), storageClass, NameValidation.isDNS1123Subdomain(storageClass));
        }
        if (Nodes.has(spec, "volumeMode") && !PersistentVolumeClaimSpecValidation.VOLUME_MODES.contains(Nodes.text(spec, "volumeMode"))) {
            out.notSupported(path.child("volumeMode"), Nodes.text(spec, "volumeMode"), PersistentVolumeClaimSpecValidation.VOLUME_MODES);
        }
    }

    /** Storage, and nothing but storage, each value a positive quantity. */
    private static void capacity(Problems out, Map<String, JsonNode> capacity, boolean present, FieldPath path) {
        if (capacity.isEmpty()) {
            out.required(path, "");
        }
        if (!capacity.containsKey("storage") || capacity.size() > 1) {
            out.notSupported(path, resourceList(capacity, present), List.of("storage"));
        }
        for (Map.Entry<String, JsonNode> e : capacity.entrySet()) {
            Quantity q = ComputeResources.quantity(e.getValue());
            if (q == null) {
                continue;
            }
            FieldPath p = path.key(e.getKey());
            if (q.value() < 0) {
                out.invalid(p, q.value(), "must be a valid resource quantity");
            }
            if (q.signum() <= 0) {
                out.invalid(p, q.canonical(), FieldChecks.NOT_POSITIVE);
            }
        }
    }

    /** A core.ResourceList as Go prints it. */
    private static GoValues.Text resourceList(Map<String, JsonNode> list, boolean present) {
        if (list.isEmpty()) {
            return GoValues.text(present ? "core.ResourceList{}" : "core.ResourceList(nil)");
        }
        StringJoiner j = new StringJoiner(", ", "core.ResourceList{", "}");
        list.forEach((k, v) -> j.add(GoQuote.quote(k) + ":" + GoQuantity.render(v.asText())));
        return GoValues.text(j.toString());
    }

    private static void source(Problems out, String source, JsonNode src, String pvName, FieldPath specPath) {
        FieldPath p = specPath.child(source);
        switch (source) {
            case "hostPath" -> VolumeSourceValidation.hostPath(out, src, p);
            case "gcePersistentDisk" -> VolumeSourceValidation.disk(out, src, "pdName", specPath.child("persistentDisk"));
            case "awsElasticBlockStore" -> VolumeSourceValidation.disk(out, src, "volumeID", p);
            case "glusterfs" -> VolumeSourceValidation.glusterfs(out, src, p, true);
            case "flocker" -> VolumeSourceValidation.flocker(out, src, p);
            case "nfs" -> VolumeSourceValidation.nfs(out, src, p);
            case "rbd" -> VolumeSourceValidation.rbd(out, src, p);
            case "quobyte" -> VolumeSourceValidation.quobyte(out, src, p);
            case "cephfs" -> VolumeSourceValidation.cephfs(out, src, p);
            case "iscsi" -> VolumeSourceValidation.iscsi(out, src, p, true, pvName);
            case "cinder" -> VolumeSourceValidation.cinder(out, src, p, true);
            case "fc" -> VolumeSourceValidation.fc(out, src, p);
            case "flexVolume" -> VolumeSourceValidation.flex(out, src, p);
            case "azureFile" -> VolumeSourceValidation.azureFile(out, src, p, true);
            case "vsphereVolume" -> VolumeSourceValidation.required(out, src, "volumePath", p);
            case "photonPersistentDisk" -> VolumeSourceValidation.required(out, src, "pdID", p);
            case "portworxVolume" -> VolumeSourceValidation.required(out, src, "volumeID", p);
            case "azureDisk" -> VolumeSourceValidation.azureDisk(out, src, p);
            case "scaleIO" -> VolumeSourceValidation.scaleIO(out, src, p);
            case "local" -> VolumeSourceValidation.local(out, src, p);
            case "storageos" -> VolumeSourceValidation.storageos(out, src, p, true);
            default -> VolumeSourceValidation.csiPersistentVolume(out, src, p);
        }
    }

    /** Go's path.Clean(p) == "/". */
    private static boolean isRoot(String p) {
        return !p.isEmpty() && p.chars().allMatch(c -> c == '/' || c == '.') && p.startsWith("/")
                && java.nio.file.Paths.get(p).normalize().toString().equals("/");
    }

    /** The source may not change, except that a CSI source may gain a controller expand secret. */
    private static boolean sameSource(JsonNode spec, JsonNode oldSpec) {
        for (String source : SOURCES) {
            JsonNode now = Nodes.get(spec, source);
            JsonNode before = Nodes.get(oldSpec, source);
            if (source.equals("csi") && now != null && before != null && !Nodes.has(before, "controllerExpandSecretRef")
                    && Nodes.has(now, "controllerExpandSecretRef")) {
                now = now.deepCopy();
                ((ObjectNode) now).remove("controllerExpandSecretRef");
            }
            if (!Semantic.equal(now, before)) {
                return false;
            }
        }
        return true;
    }

    /** Node affinity unchanged, where requirement keys may move from beta labels to their GA names. */
    private static boolean sameAffinityAllowingGaLabels(JsonNode now, JsonNode before) {
        if (now == null || before == null) {
            return Semantic.equal(now, before);
        }
        JsonNode normalized = before.deepCopy();
        upgradeKeys(normalized, now);
        return Semantic.equal(now, normalized);
    }

    private static final Map<String, String> BETA_TO_GA = Map.of(
            "failure-domain.beta.kubernetes.io/zone", "topology.kubernetes.io/zone",
            "failure-domain.beta.kubernetes.io/region", "topology.kubernetes.io/region",
            "beta.kubernetes.io/os", "kubernetes.io/os",
            "beta.kubernetes.io/arch", "kubernetes.io/arch",
            "beta.kubernetes.io/instance-type", "node.kubernetes.io/instance-type");

    /** Rewrites old requirement keys to the GA label where the new affinity uses it at the same place. */
    private static void upgradeKeys(JsonNode before, JsonNode now) {
        List<JsonNode> oldTerms = Nodes.items(Nodes.get(before, "required"), "nodeSelectorTerms");
        List<JsonNode> newTerms = Nodes.items(Nodes.get(now, "required"), "nodeSelectorTerms");
        for (int t = 0; t < oldTerms.size() && t < newTerms.size(); t++) {
            List<JsonNode> oldExpr = Nodes.items(oldTerms.get(t), "matchExpressions");
            List<JsonNode> newExpr = Nodes.items(newTerms.get(t), "matchExpressions");
            for (int e = 0; e < oldExpr.size() && e < newExpr.size(); e++) {
                String oldKey = Nodes.text(oldExpr.get(e), "key");
                String newKey = Nodes.text(newExpr.get(e), "key");
                if (!oldKey.equals(newKey) && newKey.equals(BETA_TO_GA.get(oldKey)) && oldExpr.get(e) instanceof ObjectNode o) {
                    o.put("key", newKey);
                }
            }
        }
    }
}
