package io.wharf.apiserver.crd;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.schema.Definition;
import io.wharf.api.validation.FieldProblem;
import java.util.List;

/**
 * What one version's structural schema does to the objects of that version: defaults, pruning of
 * fields it does not declare, and validation.
 */
interface CustomResourceSchema {
    /** Fills the schema's defaults into the object. */
    void applyDefaults(ObjectNode obj);

    /** Drops fields the schema does not know; answers their paths (for strict field validation). */
    List<String> prune(ObjectNode obj);

    List<FieldProblem> validate(ObjectNode obj);

    List<FieldProblem> validateUpdate(ObjectNode obj, ObjectNode old);

    /** The schema as a definition, for field ownership (managedFields) of server-side apply. */
    Definition fieldDefinition();

    /** Problems of a write through the status subresource, where only {@code status} is checked. */
    List<FieldProblem> validateStatusUpdate(ObjectNode obj, ObjectNode old);
}
