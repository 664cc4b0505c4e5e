package io.wharf.api.validation.kinds;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.validation.FieldProblem;
import java.util.List;
import java.util.Set;

/**
 * Namespaces: spec finalizers are qualified names, or one of the standard short ones. Upstream
 * reports them at {@code spec.finalizers} on create and at their index when the finalize
 * subresource changes them; a status write's phase must agree with the deletion timestamp.
 */
final class NamespaceValidation implements KindValidator {
    private static final Set<String> STANDARD_FINALIZERS = Set.of("kubernetes", "orphan", "foregroundDeletion");

    @Override
    public List<FieldProblem> validate(ObjectNode namespace) {
        Problems out = new Problems();
        for (String finalizer : Nodes.strings(Nodes.get(namespace, "spec"), "finalizers")) {
            finalizer(out, finalizer, FieldPath.of("spec", "finalizers"));
        }
        return out.list();
    }

    /**
     * Updates keep the stored finalizers except through the finalize subresource, whose new list
     * upstream checks entry by entry.
     */
    @Override
    public List<FieldProblem> validateUpdate(ObjectNode namespace, ObjectNode old) {
        Problems out = new Problems();
        List<String> finalizers = Nodes.strings(Nodes.get(namespace, "spec"), "finalizers");
        if (!finalizers.equals(Nodes.strings(Nodes.get(old, "spec"), "finalizers"))) {
            for (int i = 0; i < finalizers.size(); i++) {
                finalizer(out, finalizers.get(i), FieldPath.of("spec", "finalizers").index(i));
            }
        }
        return out.list();
    }

    /** The phase agrees with the deletion timestamp (upstream names the field "Phase"). */
    @Override
    public List<FieldProblem> validateStatusUpdate(ObjectNode namespace, ObjectNode old) {
        Problems out = new Problems();
        String phase = Nodes.text(namespace, "status", "phase");
        FieldPath phasePath = FieldPath.of("status", "Phase");
        if (!Nodes.has(Nodes.get(namespace, "metadata"), "deletionTimestamp")) {
            if (!phase.equals("Active")) {
                out.invalid(phasePath, phase, "may only be 'Active' if `deletionTimestamp` is empty");
            }
        } else if (!phase.equals("Terminating")) {
            out.invalid(phasePath, phase, "may only be 'Terminating' if `deletionTimestamp` is not empty");
        }
        return out.list();
    }

    private static void finalizer(Problems out, String name, FieldPath path) {
        FieldChecks.qualifiedName(out, name, path);
        if (!name.contains("/") && !STANDARD_FINALIZERS.contains(name)) {
            out.invalid(path, name, "name is neither a standard finalizer name nor is it fully qualified");
        }
    }
}
