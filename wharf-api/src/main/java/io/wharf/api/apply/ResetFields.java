package io.wharf.api.apply;

import io.wharf.api.schema.Definition;
import java.util.List;
import java.util.Map;

/**
 * The fields a registry strategy resets on a write, upstream's {@code GetResetFields}: writes
 * through the main resource of a kind with a status subresource never own {@code status}, and
 * writes through {@code /status} never own {@code spec} (plus, for a few kinds, some metadata).
 * Field management ignores these fields entirely: nobody owns them and they never conflict.
 * Other subresources (scale, ephemeralcontainers, ...) reset nothing here.
 */
public final class ResetFields {
    private static final String STATUS = "status";
    private static final FieldSet STATUS_ONLY = FieldSet.of(FieldPath.of(STATUS));
    private static final FieldSet SPEC_ONLY = FieldSet.of(FieldPath.of("spec"));

    /** Status-subresource resets that differ from "spec". */
    private static final Map<String, FieldSet> STATUS_RESETS = Map.of(
            "io.k8s.api.core.v1.Pod", FieldSet.of(List.of(FieldPath.of("spec"),
                    FieldPath.of("metadata", "deletionTimestamp"), FieldPath.of("metadata", "ownerReferences"))),
            "io.k8s.api.apps.v1.Deployment", FieldSet.of(List.of(FieldPath.of("spec"), FieldPath.of("metadata", "labels"))),
            "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinition",
            FieldSet.of(List.of(FieldPath.of("metadata"), FieldPath.of("spec"))));

    private ResetFields() {
    }

    /**
     * For a kind (by its schema definition, null when it has none) with a status subresource or
     * not; {@code subresource} is "" (or null) for the main resource. Custom resources get the
     * generic answer: status on the main resource, spec on {@code /status}.
     */
    public static FieldSet of(Definition type, boolean statusSubresource, String subresource) {
        if (!statusSubresource) {
            return FieldSet.empty();
        }
        if (subresource == null || subresource.isEmpty()) {
            return STATUS_ONLY;
        }
        if (subresource.equals(STATUS)) {
            return type == null ? SPEC_ONLY : STATUS_RESETS.getOrDefault(type.name(), SPEC_ONLY);
        }
        return FieldSet.empty();
    }
}
