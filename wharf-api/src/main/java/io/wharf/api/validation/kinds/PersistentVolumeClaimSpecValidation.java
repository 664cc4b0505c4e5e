package io.wharf.api.validation.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import io.wharf.api.quantity.Quantity;
import io.wharf.api.validation.NameValidation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Upstream's ValidatePersistentVolumeClaimSpec, shared by claims and by the claim templates of
 * generic ephemeral volumes, and the access mode rules persistent volumes use too.
 */
final class PersistentVolumeClaimSpecValidation {
    static final List<String> ACCESS_MODES = List.of("ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod");
    static final List<String> VOLUME_MODES = List.of("Block", "Filesystem");
    /** ObjectMeta fields of an embedded template, by JSON name, with the name upstream's reflection reports. */
    private static final Map<String, String> TEMPLATE_META_FIELDS = new LinkedHashMap<>();

    static {
        for (String f : List.of("name", "generateName", "namespace", "selfLink")) {
            TEMPLATE_META_FIELDS.put(f, f);
        }
        TEMPLATE_META_FIELDS.put("uid", "uID");
        for (String f : List.of("resourceVersion", "generation", "creationTimestamp", "deletionTimestamp",
                "deletionGracePeriodSeconds", "ownerReferences", "finalizers", "managedFields")) {
            TEMPLATE_META_FIELDS.put(f, f);
        }
    }

    private PersistentVolumeClaimSpecValidation() {
    }

    static void spec(Problems out, JsonNode spec, FieldPath path) {
        List<String> modes = Nodes.strings(spec, "accessModes");
        if (modes.isEmpty()) {
            out.required(path.child("accessModes"), "at least 1 access mode is required");
        }
        out.addAll(SelectorChecks.validate(Nodes.get(spec, "selector"), path.child("selector"), false));
        accessModes(out, modes, path.child("accessModes"));
        FieldPath storagePath = path.child("resources").key("storage");
        JsonNode storage = Nodes.get(Nodes.get(spec, "resources"), "requests");
        if (!Nodes.has(storage, "storage")) {
            out.required(storagePath, "");
        } else {
            Quantity q = ComputeResources.quantity(storage.get("storage"));
            if (q != null && q.signum() <= 0) {
                out.invalid(storagePath, q.canonical(), FieldChecks.NOT_POSITIVE);
            }
        }
        String storageClass = Nodes.text(spec, "storageClassName");
        if (!storageClass.isEmpty()) {
            out.invalidEach(path.child("storageClassName"), storageClass, NameValidation.isDNS1123Subdomain(storageClass));
        }
        if (Nodes.has(spec, "volumeMode") && !VOLUME_MODES.contains(Nodes.text(spec, "volumeMode"))) {
            out.notSupported(path.child("volumeMode"), Nodes.text(spec, "volumeMode"), VOLUME_MODES);
        }
        JsonNode dataSource = Nodes.get(spec, "dataSource");
        JsonNode dataSourceRef = Nodes.get(spec, "dataSourceRef");
        if (dataSource != null) {
            dataSource(out, dataSource, path.child("dataSource"));
        }
        if (dataSourceRef != null) {
            dataSource(out, dataSourceRef, path.child("dataSourceRef"));
            String ns = Nodes.text(dataSourceRef, "namespace");
            if (!ns.isEmpty()) {
                out.invalidEach(path.child("dataSourceRef", "namespace"), ns, NameValidation.isDNS1123Label(ns));
            }
        }
        if (dataSourceRef != null && !Nodes.text(dataSourceRef, "namespace").isEmpty()) {
            if (dataSource != null) {
                out.invalid(path, path.child("dataSource").toString(), "may not be specified when dataSourceRef.namespace is specified");
            }
        } else if (dataSource != null && dataSourceRef != null && !sameSource(dataSource, dataSourceRef)) {
            out.invalid(path, path.child("dataSource").toString(), "must match dataSourceRef");
        }
    }

    /** Supported modes, and ReadWriteOncePod alone. */
    static void accessModes(Problems out, List<String> modes, FieldPath path) {
        boolean once = false;
        boolean others = false;
        for (String mode : modes) {
            if (!ACCESS_MODES.contains(mode)) {
                out.notSupported(path, mode, ACCESS_MODES);
            }
            if (mode.equals("ReadWriteOncePod")) {
                once = true;
            } else if (ACCESS_MODES.contains(mode)) {
                others = true;
            }
        }
        if (once && others) {
            out.forbidden(path, "may not use ReadWriteOncePod with other access modes");
        }
    }

    private static void dataSource(Problems out, JsonNode ref, FieldPath path) {
        if (Nodes.text(ref, "name").isEmpty()) {
            out.required(path.child("name"), "");
        }
        String kind = Nodes.text(ref, "kind");
        if (kind.isEmpty()) {
            out.required(path.child("kind"), "");
        }
        String apiGroup = Nodes.text(ref, "apiGroup");
        if (apiGroup.isEmpty() && !kind.equals("PersistentVolumeClaim")) {
            out.invalid(path, kind, "must be 'PersistentVolumeClaim' when referencing the default apiGroup");
        }
        if (!apiGroup.isEmpty()) {
            out.invalidEach(path.child("apiGroup"), apiGroup, NameValidation.isDNS1123Subdomain(apiGroup));
        }
    }

    private static boolean sameSource(JsonNode a, JsonNode b) {
        return Objects.equals(Nodes.get(a, "apiGroup"), Nodes.get(b, "apiGroup"))
                && Nodes.text(a, "kind").equals(Nodes.text(b, "kind"))
                && Nodes.text(a, "name").equals(Nodes.text(b, "name"));
    }

    /** A claim template of an ephemeral volume: its labels and annotations, nothing else of its metadata. */
    static void template(Problems out, JsonNode template, FieldPath path) {
        JsonNode meta = Nodes.get(template, "metadata");
        FieldPath metaPath = path.child("metadata");
        FieldChecks.annotations(out, Nodes.sortedMap(meta, "annotations"), metaPath.child("annotations"));
        FieldChecks.labels(out, Nodes.sortedMap(meta, "labels"), metaPath.child("labels"));
        for (Map.Entry<String, String> f : TEMPLATE_META_FIELDS.entrySet()) {
            if (Nodes.nonZero(meta, f.getKey())) {
                out.forbidden(metaPath.child(f.getValue()), "cannot be set");
            }
        }
        spec(out, Nodes.get(template, "spec"), path.child("spec"));
    }
}
