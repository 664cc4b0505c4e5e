package io.wharf.controllers.volume;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;

/**
 * The storage protection finalizers (which the StorageObjectInUseProtection admission plugin puts
 * on new claims and volumes) and when a protection controller acts on one.
 */
final class ProtectionFinalizers {
    static final String PVC = "kubernetes.io/pvc-protection";
    static final String PV = "kubernetes.io/pv-protection";

    private ProtectionFinalizers() {
    }

    /** Being deleted and still held by the finalizer: remove it once nothing uses the object. */
    static boolean isDeletionCandidate(HasMetadata obj, String finalizer) {
        return obj.getMetadata().getDeletionTimestamp() != null && has(obj, finalizer);
    }

    /** Not being deleted and without the finalizer (created before the admission plugin ran): add it. */
    static boolean needsFinalizer(HasMetadata obj, String finalizer) {
        return obj.getMetadata().getDeletionTimestamp() == null && !has(obj, finalizer);
    }

    static boolean has(HasMetadata obj, String finalizer) {
        List<String> f = obj.getMetadata().getFinalizers();
        return f != null && f.contains(finalizer);
    }

    static List<String> without(List<String> finalizers, String finalizer) {
        List<String> out = new ArrayList<>(finalizers == null ? List.of() : finalizers);
        out.removeIf(finalizer::equals);
        return out;
    }

    static List<String> with(List<String> finalizers, String finalizer) {
        List<String> out = new ArrayList<>(finalizers == null ? List.of() : finalizers);
        out.add(finalizer);
        return out;
    }
}
