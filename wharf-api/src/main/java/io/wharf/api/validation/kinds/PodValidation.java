package io.wharf.api.validation.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.validation.FieldProblem;
import java.util.List;
import java.util.Map;

/**
 * Pods: upstream's ValidatePodCreate, ValidatePodUpdate and ValidatePodStatusUpdate. The
 * ephemeralcontainers subresource has rules of its own ({@link PodEphemeralContainersValidation}).
 */
final class PodValidation implements KindValidator {
    @Override
    public List<FieldProblem> validate(ObjectNode pod) {
        Problems out = new Problems();
        metadataAndSpec(out, pod, false);
        JsonNode spec = Nodes.get(pod, "spec");
        FieldPath specPath = FieldPath.of("spec");
        if (!Nodes.items(spec, "ephemeralContainers").isEmpty()) {
            out.forbidden(specPath.child("ephemeralContainers"), "cannot be set on create");
        }
        if (!Nodes.text(spec, "nodeName").isEmpty() && !Nodes.items(spec, "schedulingGates").isEmpty()) {
            out.forbidden(specPath.child("nodeName"), "cannot be set until all schedulingGates have been cleared");
        }
        PodAnnotationValidation.matchFields(out, annotations(pod), spec, specPath);
        return out.list();
    }

    @Override
    public List<FieldProblem> validateUpdate(ObjectNode pod, ObjectNode old) {
        Problems out = new Problems();
        metadataSpecAndAnnotationUpdates(out, pod, old);
        PodUpdateValidation.validate(out, Nodes.get(pod, "spec"), Nodes.get(old, "spec"));
        return out.list();
    }

    /** Upstream's ValidatePodStatusUpdate: annotation changes and the status; the spec is the old one. */
    @Override
    public List<FieldProblem> validateStatusUpdate(ObjectNode pod, ObjectNode old) {
        Problems out = new Problems();
        annotationUpdates(out, pod, old, allowsInvalidDeletionCost(old));
        PodStatusValidation.validateUpdate(out, pod, old);
        return out.list();
    }

    /**
     * The first part of upstream's ValidatePodEphemeralContainersUpdate, shared with ordinary
     * updates: the pod's metadata and spec, and its annotation changes.
     */
    static void metadataSpecAndAnnotationUpdates(Problems out, ObjectNode pod, ObjectNode old) {
        boolean allowInvalidCost = allowsInvalidDeletionCost(old);
        metadataAndSpec(out, pod, allowInvalidCost);
        annotationUpdates(out, pod, old, allowInvalidCost);
    }

    /** A bad deletion cost already stored may stay, so the pod remains updatable. */
    private static boolean allowsInvalidDeletionCost(ObjectNode old) {
        Map<String, String> oldAnnotations = annotations(old);
        return oldAnnotations.containsKey(PodAnnotationValidation.DELETION_COST)
                && !PodAnnotationValidation.isDeletionCost(oldAnnotations.get(PodAnnotationValidation.DELETION_COST));
    }

    /** Upstream's ValidatePodSpecificAnnotationUpdates, which ends by checking the new annotations again. */
    private static void annotationUpdates(Problems out, ObjectNode pod, ObjectNode old, boolean allowInvalidCost) {
        FieldPath annotationsPath = FieldPath.of("metadata", "annotations");
        PodAnnotationValidation.updates(out, annotations(pod), annotations(old), annotationsPath);
        PodAnnotationValidation.validate(out, annotations(pod), Nodes.get(pod, "spec"), annotationsPath, allowInvalidCost);
    }

    static Map<String, String> annotations(JsonNode object) {
        return Nodes.sortedMap(Nodes.get(object, "metadata"), "annotations");
    }

    /** Upstream's validatePodMetadataAndSpec, less the ObjectMeta checks the server makes for every kind. */
    private static void metadataAndSpec(Problems out, ObjectNode pod, boolean allowInvalidCost) {
        JsonNode spec = Nodes.get(pod, "spec");
        FieldPath specPath = FieldPath.of("spec");
        PodAnnotationValidation.validate(out, annotations(pod), spec, FieldPath.of("metadata", "annotations"), allowInvalidCost);
        String name = Nodes.text(Nodes.get(pod, "metadata"), "name");
        PodSpecValidation.validate(out, spec, specPath, name, true);
        if (Nodes.text(spec, "serviceAccountName").isEmpty()) {
            List<JsonNode> volumes = Nodes.items(spec, "volumes");
            for (int v = 0; v < volumes.size(); v++) {
                List<JsonNode> sources = Nodes.items(Nodes.get(volumes.get(v), "projected"), "sources");
                for (int s = 0; s < sources.size(); s++) {
                    if (Nodes.has(sources.get(s), "serviceAccountToken")) {
                        out.forbidden(specPath.child("volumes").index(v).child("projected", "sources").index(s)
                                .child("serviceAccountToken"), "must not be specified when serviceAccountName is not set");
                    }
                }
            }
        }
        for (String list : List.of("containers", "initContainers")) {
            List<JsonNode> containers = Nodes.items(spec, list);
            for (int i = 0; i < containers.size(); i++) {
                PodContainerValidation.imageWhitespace(out, containers.get(i), specPath.child(list).index(i));
            }
        }
    }
}
