package io.wharf.api.validation.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.quantity.Quantity;
import io.wharf.api.validation.FieldProblem;
import java.util.List;
import java.util.Map;

/**
 * PersistentVolumeClaims (upstream's ValidatePersistentVolumeClaim and its update and status
 * update rules). After creation the spec may not change except: the volume name once, the storage
 * class once when it was only given by the beta annotation or not at all, and the requested
 * storage of a bound claim (which may shrink, RecoverVolumeExpansionFailure being on in v1.32,
 * but not to or below the capacity the claim has). The spec diff upstream appends to its
 * immutability message comes from go-cmp, whose output is deliberately unstable; it is left out.
 */
final class PersistentVolumeClaimValidation implements KindValidator {
    static final String STORAGE_CLASS_ANNOTATION = "volume.beta.kubernetes.io/storage-class";
    static final String SPEC_IMMUTABLE =
            "spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims";

    @Override
    public List<FieldProblem> validate(ObjectNode claim) {
        Problems out = new Problems();
        PersistentVolumeClaimSpecValidation.spec(out, Nodes.get(claim, "spec"), FieldPath.of("spec"));
        return out.list();
    }

    @Override
    public List<FieldProblem> validateUpdate(ObjectNode claim, ObjectNode old) {
        Problems out = new Problems();
        JsonNode spec = Nodes.get(claim, "spec");
        JsonNode oldSpec = Nodes.get(old, "spec");
        PersistentVolumeClaimSpecValidation.spec(out, spec, FieldPath.of("spec"));
        immutableSpec(out, claim, old);
        Quantity newSize = storage(spec);
        if (newSize.compareTo(storage(oldSpec)) < 0) {
            Quantity capacity = quantity(Nodes.at(old, "status", "capacity", "storage"));
            if (newSize.compareTo(capacity) <= 0) {
                out.forbidden(FieldPath.of("spec", "resources", "requests", "storage"), "field can not be less than status.capacity");
            }
        }
        JsonNode mode = Nodes.get(spec, "volumeMode");
        FieldChecks.immutable(out, mode, Nodes.get(oldSpec, "volumeMode"), mode == null ? null : mode.asText(),
                FieldPath.of("volumeMode"));
        if (!Semantic.equal(Nodes.get(spec, "volumeAttributesClassName"), Nodes.get(oldSpec, "volumeAttributesClassName"))) {
            // VolumeAttributesClass is a beta feature, off by default in v1.32.
            out.forbidden(FieldPath.of("spec", "volumeAttributesClassName"),
                    "update is forbidden when the VolumeAttributesClass feature gate is disabled");
        }
        return out.list();
    }

    @Override
    public List<FieldProblem> validateStatusUpdate(ObjectNode claim, ObjectNode old) {
        Problems out = new Problems();
        status(out, claim);
        return out.list();
    }

    /** Everything but the parts an update may change must be as before. */
    private static void immutableSpec(Problems out, ObjectNode claim, ObjectNode old) {
        ObjectNode spec = Nodes.isSet(claim.path("spec")) && claim.path("spec").isObject()
                ? ((ObjectNode) claim.path("spec")).deepCopy() : new ObjectNode(null);
        ObjectNode oldSpec = Nodes.isSet(old.path("spec")) && old.path("spec").isObject()
                ? ((ObjectNode) old.path("spec")).deepCopy() : new ObjectNode(null);
        if (Nodes.text(oldSpec, "volumeName").isEmpty()) {
            copy(oldSpec, spec, "volumeName");
        }
        Map<String, String> annotations = Nodes.sortedMap(claim, "metadata", "annotations");
        Map<String, String> oldAnnotations = Nodes.sortedMap(old, "metadata", "annotations");
        String className = Nodes.optionalText(spec, "storageClassName");
        String oldClassName = Nodes.optionalText(oldSpec, "storageClassName");
        String oldClassAnnotation = oldAnnotations.get(STORAGE_CLASS_ANNOTATION);
        String classAnnotation = annotations.get(STORAGE_CLASS_ANNOTATION);
        boolean fromAnnotation = oldClassAnnotation != null && oldClassName == null && oldClassAnnotation.equals(className)
                && (classAnnotation == null || classAnnotation.equals(oldClassAnnotation));
        if (fromAnnotation) {
            spec.remove("storageClassName");
        } else {
            String now = classAnnotation == null ? "" : classAnnotation;
            String was = oldClassAnnotation == null ? "" : oldClassAnnotation;
            if (!now.equals(was)) {
                // upstream names the annotation as a child, not a key, of metadata.annotations
                out.invalid(FieldPath.of("metadata", "annotations", STORAGE_CLASS_ANNOTATION), now, FieldChecks.IMMUTABLE);
            }
            boolean fromNil = className != null && oldClassName == null
                    && (oldClassAnnotation == null || className.equals(oldClassAnnotation));
            if (fromNil) {
                copy(oldSpec, spec, "storageClassName");
            }
        }
        if (Nodes.text(claim, "status", "phase").equals("Bound") && Nodes.isSet(Nodes.at(spec, "resources", "requests"))) {
            ObjectNode requests = (ObjectNode) spec.path("resources").path("requests");
            JsonNode oldStorage = Nodes.at(oldSpec, "resources", "requests", "storage");
            if (Nodes.isSet(oldStorage)) {
                requests.set("storage", oldStorage.deepCopy());
            } else {
                requests.remove("storage");
            }
        }
        copy(oldSpec, spec, "volumeAttributesClassName");
        if (!Semantic.equal(spec, oldSpec)) {
            out.forbidden(FieldPath.of("spec"), SPEC_IMMUTABLE);
        }
    }

    /** Sets {@code to}'s field to {@code from}'s (or removes it when {@code from} has none). */
    private static void copy(ObjectNode from, ObjectNode to, String field) {
        JsonNode value = from.get(field);
        if (Nodes.isSet(value)) {
            to.set(field, value.deepCopy());
        } else {
            to.remove(field);
        }
    }

    /** Upstream's ValidatePersistentVolumeClaimStatusUpdate, less the metadata rules. */
    private static void status(Problems out, ObjectNode claim) {
        if (Nodes.items(claim, "spec", "accessModes").isEmpty()) {
            out.required(FieldPath.of("Spec", "accessModes"), "");
        }
        FieldPath capacityPath = FieldPath.of("status", "capacity");
        for (Map.Entry<String, JsonNode> e : Nodes.entries(claim, "status", "capacity").entrySet()) {
            Quantity q = ComputeResources.quantity(e.getValue());
            if (q != null && q.signum() < 0) {
                out.invalid(capacityPath.key(e.getKey()), q.value(), "must be a valid resource quantity");
            }
        }
    }

    private static Quantity storage(JsonNode spec) {
        return quantity(Nodes.at(spec, "resources", "requests", "storage"));
    }

    /** A quantity, zero when absent or unreadable (Go's zero Quantity). */
    private static Quantity quantity(JsonNode value) {
        Quantity q = ComputeResources.quantity(value);
        return q == null ? Quantity.parse("0") : q;
    }
}
