package io.wharf.api.validation.kinds;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.validation.FieldProblem;
import java.util.List;

/**
 * Upstream's validation of one built-in kind's content (everything but ObjectMeta, which the server
 * checks for every kind): required fields, formats, enum values, ranges, cross-field rules, and on
 * update the immutability rules. Objects arrive defaulted, in the storage version.
 */
public interface KindValidator {
    /** Problems of a new object; empty when valid. Paths are full ({@code spec.containers[0].name}). */
    List<FieldProblem> validate(ObjectNode object);

    /** Problems of an update, including what may not change; by default the object's own problems. */
    default List<FieldProblem> validateUpdate(ObjectNode object, ObjectNode old) {
        return validate(object);
    }

    /**
     * Problems of a write through the {@code status} subresource (which leaves the spec as it was);
     * by default those of any update.
     */
    default List<FieldProblem> validateStatusUpdate(ObjectNode object, ObjectNode old) {
        return validateUpdate(object, old);
    }
}
