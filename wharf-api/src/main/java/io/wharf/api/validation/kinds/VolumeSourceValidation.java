package io.wharf.api.validation.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import io.wharf.api.validation.NameValidation;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The checks of each volume source that pods and persistent volumes share (with the persistent
 * volume variants where upstream has one): mostly required fields, plus the formats upstream
 * checks for iSCSI names, Azure disks, Quobyte registries and CSI driver names.
 */
final class VolumeSourceValidation {
    private static final String PARTITION_ERROR = NameValidation.inclusiveRangeError(1, 255);
    private static final Pattern IQN = Pattern.compile("iqn\\.\\d{4}-\\d{2}\\.([\\p{Alnum}\\-.]+)(:[^,;*&$|\\s]+)$");
    private static final Pattern EUI = Pattern.compile("^eui.\\p{Alnum}{16}$");
    private static final Pattern NAA = Pattern.compile("^naa.\\p{Alnum}{32}$");
    private static final String QUOBYTE_REGISTRY = "must be a host:port pair or multiple pairs separated by commas";
    private static final List<String> HOST_PATH_TYPES = List.of("", "BlockDevice", "CharDevice", "Directory",
            "DirectoryOrCreate", "File", "FileOrCreate", "Socket");

    private VolumeSourceValidation() {
    }

    static void required(Problems out, JsonNode src, String field, FieldPath path) {
        if (Nodes.text(src, field).isEmpty()) {
            out.required(path.child(field), "");
        }
    }

    static void hostPath(Problems out, JsonNode src, FieldPath path) {
        String p = Nodes.text(src, "path");
        if (p.isEmpty()) {
            out.required(path.child("path"), "");
            return;
        }
        VolumePaths.noBacksteps(out, p, path.child("path"));
        if (Nodes.has(src, "type") && !HOST_PATH_TYPES.contains(Nodes.text(src, "type"))) {
            out.notSupported(path.child("type"), Nodes.text(src, "type"), HOST_PATH_TYPES);
        }
    }

    /** GCE persistent disks and AWS EBS volumes: an id and a partition that fits a byte. */
    static void disk(Problems out, JsonNode src, String idField, FieldPath path) {
        required(out, src, idField, path);
        long partition = Nodes.longValue(src, "partition");
        if (partition < 0 || partition > 255) {
            out.invalid(path.child("partition"), partition, PARTITION_ERROR);
        }
    }

    static void nfs(Problems out, JsonNode src, FieldPath path) {
        required(out, src, "server", path);
        String p = Nodes.text(src, "path");
        if (p.isEmpty()) {
            out.required(path.child("path"), "");
        }
        if (!p.startsWith("/")) {
            out.invalid(path.child("path"), p, "must be an absolute path");
        }
    }

    /** iSCSI for pods (persistentVolume false) and persistent volumes, whose messages differ slightly. */
    static void iscsi(Problems out, JsonNode src, FieldPath path, boolean persistentVolume, String pvName) {
        String portal = Nodes.text(src, "targetPortal");
        if (portal.isEmpty()) {
            out.required(path.child("targetPortal"), "");
        }
        if (persistentVolume && Nodes.has(src, "initiatorName") && (pvName + ":" + portal).length() > 64) {
            out.invalid(path.child("targetportal"), portal, "Total length of <volume name>:<iscsi.targetPortal> "
                    + "must be under 64 characters if iscsi.initiatorName is specified.");
        }
        String iqn = Nodes.text(src, "iqn");
        if (iqn.isEmpty()) {
            out.required(path.child("iqn"), "");
        } else if (!iqn.startsWith("iqn") && !iqn.startsWith("eui") && !iqn.startsWith("naa")) {
            out.invalid(path.child("iqn"), iqn, persistentVolume ? "must be valid format"
                    : "must be valid format starting with iqn, eui, or naa");
        } else if (!wellFormedIqn(iqn)) {
            out.invalid(path.child("iqn"), iqn, "must be valid format");
        }
        long lun = Nodes.longValue(src, "lun");
        if (lun < 0 || lun > 255) {
            out.invalid(path.child("lun"), lun, NameValidation.inclusiveRangeError(0, 255));
        }
        if ((Nodes.bool(src, "chapAuthDiscovery") || Nodes.bool(src, "chapAuthSession"))
                && !Nodes.has(src, "secretRef")) {
            out.required(path.child("secretRef"), "");
        }
        if (persistentVolume && Nodes.has(src, "secretRef") && Nodes.text(src.get("secretRef"), "name").isEmpty()) {
            out.required(path.child("secretRef", "name"), "");
        }
        if (Nodes.has(src, "initiatorName")) {
            String initiator = Nodes.text(src, "initiatorName");
            if (!initiator.startsWith("iqn") && !initiator.startsWith("eui") && !initiator.startsWith("naa")) {
                out.invalid(path.child("initiatorname"), initiator, persistentVolume ? "must be valid format"
                        : "must be valid format starting with iqn, eui, or naa");
            }
            if (!wellFormedIqn(initiator)) {
                out.invalid(path.child("initiatorname"), initiator, "must be valid format");
            }
        }
    }

    /** Names that claim an iqn/eui/naa form must have it; other names pass here. */
    private static boolean wellFormedIqn(String name) {
        if (name.startsWith("iqn")) {
            return IQN.matcher(name).find();
        }
        if (name.startsWith("eui")) {
            return EUI.matcher(name).find();
        }
        if (name.startsWith("naa")) {
            return NAA.matcher(name).find();
        }
        return true;
    }

    static void glusterfs(Problems out, JsonNode src, FieldPath path, boolean persistentVolume) {
        required(out, src, "endpoints", path);
        required(out, src, "path", path);
        if (persistentVolume && Nodes.has(src, "endpointsNamespace")) {
            String ns = Nodes.text(src, "endpointsNamespace");
            if (ns.isEmpty()) {
                out.invalid(path.child("endpointsNamespace"), ns, "if the endpointnamespace is set, it must be a valid namespace name");
            } else {
                out.invalidEach(path.child("endpointsNamespace"), ns, NameValidation.isDNS1123Label(ns));
            }
        }
    }

    static void flocker(Problems out, JsonNode src, FieldPath path) {
        String name = Nodes.text(src, "datasetName");
        String uuid = Nodes.text(src, "datasetUUID");
        if (name.isEmpty() && uuid.isEmpty()) {
            out.required(path, "one of datasetName and datasetUUID is required");
        }
        if (!name.isEmpty() && !uuid.isEmpty()) {
            out.invalid(path, "resource", "datasetName and datasetUUID can not be specified simultaneously");
        }
        if (name.contains("/")) {
            out.invalid(path.child("datasetName"), name, "must not contain '/'");
        }
    }

    static void rbd(Problems out, JsonNode src, FieldPath path) {
        if (Nodes.items(src, "monitors").isEmpty()) {
            out.required(path.child("monitors"), "");
        }
        required(out, src, "image", path);
    }

    static void cinder(Problems out, JsonNode src, FieldPath path, boolean persistentVolume) {
        required(out, src, "volumeID", path);
        JsonNode ref = Nodes.get(src, "secretRef");
        if (ref != null) {
            if (Nodes.text(ref, "name").isEmpty()) {
                out.required(path.child("secretRef", "name"), "");
            }
            if (persistentVolume && Nodes.text(ref, "namespace").isEmpty()) {
                out.required(path.child("secretRef", "namespace"), "");
            }
        }
    }

    static void cephfs(Problems out, JsonNode src, FieldPath path) {
        if (Nodes.items(src, "monitors").isEmpty()) {
            out.required(path.child("monitors"), "");
        }
    }

    static void quobyte(Problems out, JsonNode src, FieldPath path) {
        String registry = Nodes.text(src, "registry");
        if (registry.isEmpty()) {
            out.required(path.child("registry"), QUOBYTE_REGISTRY);
        } else if (Nodes.text(src, "tenant").length() >= 65) {
            out.required(path.child("tenant"), "must be a UUID and may not exceed a length of 64 characters");
        } else {
            for (String pair : registry.split(",", -1)) {
                if (!isHostPort(pair)) {
                    out.invalid(path.child("registry"), registry, QUOBYTE_REGISTRY);
                }
            }
        }
        required(out, src, "volume", path);
    }

    /** Go's net.SplitHostPort succeeds: "host:port" or "[v6]:port" with exactly one separating colon. */
    private static boolean isHostPort(String s) {
        if (s.startsWith("[")) {
            int end = s.indexOf(']');
            return end > 0 && end + 1 < s.length() && s.charAt(end + 1) == ':'
                    && s.indexOf(':', end + 2) < 0 && s.indexOf('[', 1) < 0 && s.indexOf(']', end + 1) < 0;
        }
        int colon = s.lastIndexOf(':');
        if (colon < 0) {
            return false;
        }
        String host = s.substring(0, colon);
        return !host.contains(":") && !host.contains("[") && !host.contains("]") && !s.substring(colon + 1).contains("]");
    }

    static void fc(Problems out, JsonNode src, FieldPath path) {
        List<String> wwns = Nodes.strings(src, "targetWWNs");
        List<String> wwids = Nodes.strings(src, "wwids");
        if (wwns.isEmpty() && wwids.isEmpty()) {
            out.required(path.child("targetWWNs"), "must specify either targetWWNs or wwids, but not both");
        }
        if (!wwns.isEmpty() && !wwids.isEmpty()) {
            out.invalid(path.child("targetWWNs"), wwns, "targetWWNs and wwids can not be specified simultaneously");
        }
        if (!wwns.isEmpty()) {
            Long lun = Nodes.optionalLong(src, "lun");
            if (lun == null) {
                out.required(path.child("lun"), "lun is required if targetWWNs is specified");
            } else if (lun < 0 || lun > 255) {
                out.invalid(path.child("lun"), lun, NameValidation.inclusiveRangeError(0, 255));
            }
        }
    }

    static void flex(Problems out, JsonNode src, FieldPath path) {
        required(out, src, "driver", path);
        for (String key : Nodes.entries(src, "options").keySet()) {
            String namespace = key.contains("/") ? key.substring(0, key.indexOf('/')) : key;
            String normalized = "." + namespace.toLowerCase(Locale.ROOT);
            if (normalized.endsWith(".kubernetes.io") || normalized.endsWith(".k8s.io")) {
                out.invalid(path.child("options").key(key), key, "kubernetes.io and k8s.io namespaces are reserved");
            }
        }
    }

    static void azureFile(Problems out, JsonNode src, FieldPath path, boolean persistentVolume) {
        required(out, src, "secretName", path);
        required(out, src, "shareName", path);
        if (persistentVolume && Nodes.has(src, "secretNamespace") && Nodes.text(src, "secretNamespace").isEmpty()) {
            out.required(path.child("secretNamespace"), "");
        }
    }

    static void azureDisk(Problems out, JsonNode src, FieldPath path) {
        required(out, src, "diskName", path);
        String uri = Nodes.text(src, "diskURI");
        if (uri.isEmpty()) {
            out.required(path.child("diskURI"), "");
        }
        if (Nodes.has(src, "cachingMode") && !List.of("None", "ReadOnly", "ReadWrite").contains(Nodes.text(src, "cachingMode"))) {
            out.notSupported(path.child("cachingMode"), Nodes.text(src, "cachingMode"), List.of("None", "ReadOnly", "ReadWrite"));
        }
        String kind = Nodes.text(src, "kind");
        boolean hasKind = Nodes.has(src, "kind");
        if (hasKind && !List.of("Dedicated", "Managed", "Shared").contains(kind)) {
            out.notSupported(path.child("kind"), kind, List.of("Dedicated", "Managed", "Shared"));
        }
        if (hasKind && kind.equals("Managed") && !uri.startsWith("/subscriptions/")) {
            out.notSupported(path.child("diskURI"), uri,
                    List.of("/subscriptions/{sub-id}/resourcegroups/{group-name}/providers/microsoft.compute/disks/{disk-id}"));
        }
        if (hasKind && !kind.equals("Managed") && !uri.startsWith("https://")) {
            out.notSupported(path.child("diskURI"), uri,
                    List.of("https://{account-name}.blob.core.windows.net/{container-name}/{disk-name}.vhd"));
        }
    }

    static void storageos(Problems out, JsonNode src, FieldPath path, boolean persistentVolume) {
        String name = Nodes.text(src, "volumeName");
        if (name.isEmpty()) {
            out.required(path.child("volumeName"), "");
        } else {
            FieldChecks.dns1123Label(out, name, path.child("volumeName"));
        }
        String ns = Nodes.text(src, "volumeNamespace");
        if (!ns.isEmpty()) {
            FieldChecks.dns1123Label(out, ns, path.child("volumeNamespace"));
        }
        JsonNode ref = Nodes.get(src, "secretRef");
        if (ref != null) {
            if (Nodes.text(ref, "name").isEmpty()) {
                out.required(path.child("secretRef", "name"), "");
            }
            if (persistentVolume && Nodes.text(ref, "namespace").isEmpty()) {
                out.required(path.child("secretRef", "namespace"), "");
            }
        }
    }

    static void scaleIO(Problems out, JsonNode src, FieldPath path) {
        required(out, src, "gateway", path);
        required(out, src, "system", path);
        required(out, src, "volumeName", path);
    }

    static void csiDriverName(Problems out, String driver, FieldPath path) {
        if (driver.isEmpty()) {
            out.required(path, "");
        }
        if (driver.length() > 63) {
            out.tooLong(path, 63);
        }
        out.invalidEach(path, driver, NameValidation.isDNS1123Subdomain(driver.toLowerCase(Locale.ROOT)));
    }

    static void csiVolume(Problems out, JsonNode src, FieldPath path) {
        csiDriverName(out, Nodes.text(src, "driver"), path.child("driver"));
        JsonNode ref = Nodes.get(src, "nodePublishSecretRef");
        if (ref != null) {
            String name = Nodes.text(ref, "name");
            if (name.isEmpty()) {
                out.required(path.child("nodePublishSecretRef", "name"), "");
            } else {
                out.invalidEach(path.child("name"), name, NameValidation.isDNS1123Subdomain(name));
            }
        }
    }

    static void csiPersistentVolume(Problems out, JsonNode src, FieldPath path) {
        csiDriverName(out, Nodes.text(src, "driver"), path.child("driver"));
        required(out, src, "volumeHandle", path);
        for (String ref : List.of("controllerPublishSecretRef", "controllerExpandSecretRef", "nodePublishSecretRef",
                "nodeExpandSecretRef")) {
            JsonNode r = Nodes.get(src, ref);
            if (r != null) {
                secretReference(out, r, path.child(ref));
            }
        }
    }

    /** A secret reference of a persistent volume: a namespace and a name, both required. */
    private static void secretReference(Problems out, JsonNode ref, FieldPath path) {
        String name = Nodes.text(ref, "name");
        if (name.isEmpty()) {
            out.required(path.child("name"), "");
        } else {
            FieldChecks.dns1123Subdomain(out, name, path.child("name"));
        }
        String ns = Nodes.text(ref, "namespace");
        if (ns.isEmpty()) {
            out.required(path.child("namespace"), "");
        } else {
            FieldChecks.dns1123Label(out, ns, path.child("namespace"));
        }
    }

    static void local(Problems out, JsonNode src, FieldPath path) {
        String p = Nodes.text(src, "path");
        if (p.isEmpty()) {
            out.required(path.child("path"), "");
            return;
        }
        VolumePaths.noBacksteps(out, p, path.child("path"));
    }

    /** Whether a JSON object field holds a source at all (a non-nil pointer). */
    static boolean present(JsonNode spec, String key) {
        JsonNode n = Nodes.get(spec, key);
        return n != null && n.isObject();
    }
}
