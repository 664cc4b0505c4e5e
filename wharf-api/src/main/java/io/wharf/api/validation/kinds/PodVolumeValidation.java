package io.wharf.api.validation.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import io.wharf.api.quantity.Quantity;
import io.wharf.api.validation.GoQuote;
import io.wharf.api.validation.NameValidation;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Upstream's ValidateVolumes for a pod spec: unique DNS-label names and exactly one source per
 * volume, each source checked as upstream does. Only volumes without problems are returned, so
 * that mounts of a broken volume are reported as not found, as upstream does.
 */
final class PodVolumeValidation {
    private static final List<String> ENV_FIELD_PATHS_VOLUME = List.of("metadata.annotations", "metadata.labels",
            "metadata.name", "metadata.namespace", "metadata.uid");
    private static final String MORE_THAN_ONE = "may not specify more than 1 volume type";

    private PodVolumeValidation() {
    }

    /** The valid volumes by name. {@code podName} is "" for templates (no ephemeral claim names to check). */
    static Map<String, JsonNode> validate(Problems out, List<JsonNode> volumes, FieldPath path, String podName) {
        Set<String> created = new HashSet<>();
        if (!podName.isEmpty()) {
            for (JsonNode v : volumes) {
                if (VolumeSourceValidation.present(v, "ephemeral")) {
                    created.add(podName + "-" + Nodes.text(v, "name"));
                }
            }
        }
        Map<String, JsonNode> valid = new LinkedHashMap<>();
        for (int i = 0; i < volumes.size(); i++) {
            JsonNode vol = volumes.get(i);
            FieldPath idx = path.index(i);
            String name = Nodes.text(vol, "name");
            Problems el = new Problems();
            source(el, vol, idx, name, podName);
            if (name.isEmpty()) {
                el.required(idx.child("name"), "");
            } else {
                FieldChecks.dns1123Label(el, name, idx.child("name"));
            }
            if (valid.containsKey(name)) {
                el.duplicate(idx.child("name"), name);
            }
            if (el.isEmpty()) {
                valid.put(name, vol);
            } else {
                out.addAll(el.list());
            }
            JsonNode pvc = Nodes.get(vol, "persistentVolumeClaim");
            if (pvc != null && created.contains(Nodes.text(pvc, "claimName"))) {
                out.invalid(idx.child("persistentVolumeClaim", "claimName"), Nodes.text(pvc, "claimName"),
                        "must not reference a PVC that gets created for an ephemeral volume");
            }
        }
        return valid;
    }

    /** Exactly one source, in upstream's order (which decides the source blamed for being extra). */
    private static void source(Problems out, JsonNode vol, FieldPath path, String volName, String podName) {
        Sources s = new Sources(out, vol, path);
        if (s.take("emptyDir", "emptyDir")) {
            Quantity limit = ComputeResources.quantity(Nodes.get(vol.get("emptyDir"), "sizeLimit"));
            if (limit != null && limit.signum() < 0) {
                out.forbidden(path.child("emptyDir", "sizeLimit"), "SizeLimit field must be a valid resource quantity");
            }
        }
        if (s.take("hostPath", "hostPath")) {
            VolumeSourceValidation.hostPath(out, vol.get("hostPath"), path.child("hostPath"));
        }
        if (s.take("gitRepo", "gitRepo")) {
            JsonNode git = vol.get("gitRepo");
            VolumeSourceValidation.required(out, git, "repository", path.child("gitRepo"));
            VolumePaths.localDescending(out, Nodes.text(git, "directory"), path.child("gitRepo", "directory"));
        }
        if (s.take("gcePersistentDisk", "gcePersistentDisk")) {
            VolumeSourceValidation.disk(out, vol.get("gcePersistentDisk"), "pdName", path.child("persistentDisk"));
        }
        if (s.take("awsElasticBlockStore", "awsElasticBlockStore")) {
            VolumeSourceValidation.disk(out, vol.get("awsElasticBlockStore"), "volumeID", path.child("awsElasticBlockStore"));
        }
        if (s.take("secret", "secret")) {
            JsonNode secret = vol.get("secret");
            VolumeSourceValidation.required(out, secret, "secretName", path.child("secret"));
            keyedItems(out, secret, path.child("secret"));
        }
        if (s.take("nfs", "nfs")) {
            VolumeSourceValidation.nfs(out, vol.get("nfs"), path.child("nfs"));
        }
        if (VolumeSourceValidation.present(vol, "iscsi")) {
            if (s.take("iscsi", "iscsi")) {
                VolumeSourceValidation.iscsi(out, vol.get("iscsi"), path.child("iscsi"), false, "");
            }
            if (Nodes.has(vol.get("iscsi"), "initiatorName")
                    && (volName + ":" + Nodes.text(vol.get("iscsi"), "targetPortal")).length() > 64) {
                out.invalid(path.child("name"), volName, "Total length of <volume name>:<iscsi.targetPortal> "
                        + "must be under 64 characters if iscsi.initiatorName is specified.");
            }
        }
        if (s.take("glusterfs", "glusterfs")) {
            VolumeSourceValidation.glusterfs(out, vol.get("glusterfs"), path.child("glusterfs"), false);
        }
        if (s.take("flocker", "flocker")) {
            VolumeSourceValidation.flocker(out, vol.get("flocker"), path.child("flocker"));
        }
        if (s.take("persistentVolumeClaim", "persistentVolumeClaim")) {
            VolumeSourceValidation.required(out, vol.get("persistentVolumeClaim"), "claimName", path.child("persistentVolumeClaim"));
        }
        if (s.take("rbd", "rbd")) {
            VolumeSourceValidation.rbd(out, vol.get("rbd"), path.child("rbd"));
        }
        if (s.take("cinder", "cinder")) {
            VolumeSourceValidation.cinder(out, vol.get("cinder"), path.child("cinder"), false);
        }
        if (s.take("cephfs", "cephFS")) {
            VolumeSourceValidation.cephfs(out, vol.get("cephfs"), path.child("cephfs"));
        }
        if (s.take("quobyte", "quobyte")) {
            VolumeSourceValidation.quobyte(out, vol.get("quobyte"), path.child("quobyte"));
        }
        if (s.take("downwardAPI", "downwarAPI")) {
            downwardApi(out, vol.get("downwardAPI"), path.child("downwardAPI"));
        }
        if (s.take("fc", "fc")) {
            VolumeSourceValidation.fc(out, vol.get("fc"), path.child("fc"));
        }
        if (s.take("flexVolume", "flexVolume")) {
            VolumeSourceValidation.flex(out, vol.get("flexVolume"), path.child("flexVolume"));
        }
        if (s.take("configMap", "configMap")) {
            JsonNode cm = vol.get("configMap");
            VolumeSourceValidation.required(out, cm, "name", path.child("configMap"));
            keyedItems(out, cm, path.child("configMap"));
        }
        if (s.take("azureFile", "azureFile")) {
            VolumeSourceValidation.azureFile(out, vol.get("azureFile"), path.child("azureFile"), false);
        }
        if (s.take("vsphereVolume", "vsphereVolume")) {
            VolumeSourceValidation.required(out, vol.get("vsphereVolume"), "volumePath", path.child("vsphereVolume"));
        }
        if (s.take("photonPersistentDisk", "photonPersistentDisk")) {
            VolumeSourceValidation.required(out, vol.get("photonPersistentDisk"), "pdID", path.child("photonPersistentDisk"));
        }
        if (s.take("portworxVolume", "portworxVolume")) {
            VolumeSourceValidation.required(out, vol.get("portworxVolume"), "volumeID", path.child("portworxVolume"));
        }
        if (s.take("azureDisk", "azureDisk")) {
            VolumeSourceValidation.azureDisk(out, vol.get("azureDisk"), path.child("azureDisk"));
        }
        if (s.take("storageos", "storageos")) {
            VolumeSourceValidation.storageos(out, vol.get("storageos"), path.child("storageos"), false);
        }
        if (s.take("projected", "projected")) {
            projected(out, vol.get("projected"), path.child("projected"));
        }
        if (s.take("scaleIO", "scaleIO")) {
            VolumeSourceValidation.scaleIO(out, vol.get("scaleIO"), path.child("scaleIO"));
        }
        if (s.take("csi", "csi")) {
            VolumeSourceValidation.csiVolume(out, vol.get("csi"), path.child("csi"));
        }
        if (s.take("ephemeral", "ephemeral")) {
            ephemeral(out, vol.get("ephemeral"), path, volName, podName);
        }
        if (s.count == 0) {
            out.required(path, "must specify a volume type");
        }
    }

    /** Counts sources; a second one is reported instead of being validated. */
    private static final class Sources {
        private final Problems out;
        private final JsonNode vol;
        private final FieldPath path;
        private int count;

        Sources(Problems out, JsonNode vol, FieldPath path) {
            this.out = out;
            this.vol = vol;
            this.path = path;
        }

        boolean take(String key, String reportedName) {
            if (!VolumeSourceValidation.present(vol, key)) {
                return false;
            }
            if (count > 0) {
                out.forbidden(path.child(reportedName), MORE_THAN_ONE);
                return false;
            }
            count++;
            return true;
        }
    }

    /** Secret and config map volumes: a default mode and items mapping keys to relative paths. */
    private static void keyedItems(Problems out, JsonNode src, FieldPath path) {
        VolumePaths.fileMode(out, Nodes.optionalLong(src, "defaultMode"), path.child("defaultMode"));
        List<JsonNode> items = Nodes.items(src, "items");
        for (int i = 0; i < items.size(); i++) {
            keyToPath(out, items.get(i), path.child("items").index(i));
        }
    }

    static void keyToPath(Problems out, JsonNode item, FieldPath path) {
        if (Nodes.text(item, "key").isEmpty()) {
            out.required(path.child("key"), "");
        }
        String p = Nodes.text(item, "path");
        if (p.isEmpty()) {
            out.required(path.child("path"), "");
        }
        VolumePaths.localNonReserved(out, p, path.child("path"));
        VolumePaths.fileMode(out, Nodes.optionalLong(item, "mode"), path.child("mode"));
    }

    private static void downwardApi(Problems out, JsonNode src, FieldPath path) {
        VolumePaths.fileMode(out, Nodes.optionalLong(src, "defaultMode"), path.child("defaultMode"));
        for (JsonNode file : Nodes.items(src, "items")) {
            downwardApiFile(out, file, path);
        }
    }

    /** One downward API file; upstream reports its problems at the source's path, not the item's. */
    private static void downwardApiFile(Problems out, JsonNode file, FieldPath path) {
        String p = Nodes.text(file, "path");
        if (p.isEmpty()) {
            out.required(path.child("path"), "");
        }
        VolumePaths.localNonReserved(out, p, path.child("path"));
        JsonNode fieldRef = Nodes.get(file, "fieldRef");
        JsonNode resourceRef = Nodes.get(file, "resourceFieldRef");
        if (fieldRef != null) {
            PodEnvValidation.objectFieldSelector(out, fieldRef, ENV_FIELD_PATHS_VOLUME, path.child("fieldRef"));
            if (resourceRef != null) {
                out.invalid(path, "resource", "fieldRef and resourceFieldRef can not be specified simultaneously");
            }
        } else if (resourceRef != null) {
            PodEnvValidation.resourceFieldSelector(out, resourceRef, path.child("resourceFieldRef"), true);
        } else {
            out.required(path, "one of fieldRef and resourceFieldRef is required");
        }
        VolumePaths.fileMode(out, Nodes.optionalLong(file, "mode"), path.child("mode"));
    }

    private static void projected(Problems out, JsonNode src, FieldPath path) {
        VolumePaths.fileMode(out, Nodes.optionalLong(src, "defaultMode"), path.child("defaultMode"));
        Set<String> allPaths = new HashSet<>();
        List<JsonNode> sources = Nodes.items(src, "sources");
        for (int i = 0; i < sources.size(); i++) {
            JsonNode source = sources.get(i);
            FieldPath srcPath = path.child("sources").index(i);
            int count = 0;
            for (String kind : List.of("secret", "configMap")) {
                JsonNode ref = Nodes.get(source, kind);
                if (ref == null) {
                    continue;
                }
                count++;
                FieldPath projPath = srcPath.child(kind);
                String name = Nodes.text(ref, "name");
                if (name.isEmpty()) {
                    out.required(projPath.child("name"), "");
                }
                List<JsonNode> items = Nodes.items(ref, "items");
                for (int j = 0; j < items.size(); j++) {
                    keyToPath(out, items.get(j), projPath.child("items").index(j));
                    String p = Nodes.text(items.get(j), "path");
                    if (!p.isEmpty() && !allPaths.add(p)) {
                        out.invalid(path, name, "conflicting duplicate paths");
                    }
                }
            }
            JsonNode downward = Nodes.get(source, "downwardAPI");
            if (downward != null) {
                count++;
                for (JsonNode file : Nodes.items(downward, "items")) {
                    downwardApiFile(out, file, srcPath.child("downwardAPI"));
                    String p = Nodes.text(file, "path");
                    if (!p.isEmpty() && !allPaths.add(p)) {
                        out.invalid(path, p, "conflicting duplicate paths");
                    }
                }
            }
            JsonNode token = Nodes.get(source, "serviceAccountToken");
            if (token != null) {
                count++;
                long expiration = Nodes.longValue(token, "expirationSeconds");
                FieldPath tokenPath = srcPath.child("serviceAccountToken");
                if (expiration < 10 * 60) {
                    out.invalid(tokenPath.child("expirationSeconds"), expiration, "may not specify a duration less than 10 minutes");
                }
                if (expiration > 1L << 32) {
                    out.invalid(tokenPath.child("expirationSeconds"), expiration, "may not specify a duration larger than 2^32 seconds");
                }
                String p = Nodes.text(token, "path");
                if (p.isEmpty()) {
                    out.required(path.child("path"), "");
                } else {
                    VolumePaths.localNonReserved(out, p, path.child("path"));
                }
            }
            if (count > 1) {
                out.forbidden(srcPath, "may not specify more than 1 volume type per source");
            }
        }
    }

    private static void ephemeral(Problems out, JsonNode src, FieldPath volPath, String volName, String podName) {
        FieldPath path = volPath.child("ephemeral");
        JsonNode template = Nodes.get(src, "volumeClaimTemplate");
        if (template == null) {
            out.required(path.child("volumeClaimTemplate"), "");
        } else {
            PersistentVolumeClaimSpecValidation.template(out, template, path.child("volumeClaimTemplate"));
        }
        if (!podName.isEmpty() && !volName.isEmpty()) {
            String pvcName = podName + "-" + volName;
            for (String msg : NameValidation.isDNS1123Subdomain(pvcName)) {
                out.invalid(volPath.child("name"), volName, "PVC name " + GoQuote.quote(pvcName) + ": " + msg);
            }
        }
    }
}
