package io.wharf.api.validation.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.validation.FieldProblem;
import java.util.List;

/** apps/v1 ControllerRevision: data is required and, once stored, immutable; revision is non-negative. */
final class ControllerRevisionValidation implements KindValidator {
    private static final FieldPath DATA = FieldPath.of("data");

    @Override
    public List<FieldProblem> validate(ObjectNode object) {
        Problems out = new Problems();
        if (!Nodes.isSet(object.path("data"))) {
            out.required(DATA, "data is mandatory");
        }
        FieldChecks.nonNegative(out, Nodes.longValue(object, "revision"), FieldPath.of("revision"));
        return out.list();
    }

    @Override
    public List<FieldProblem> validateUpdate(ObjectNode object, ObjectNode old) {
        Problems out = new Problems();
        out.addAll(validate(object));
        JsonNode data = object.path("data");
        // Upstream prints the decoded object; its JSON is the closest stable rendering.
        FieldChecks.immutable(out, data, old.path("data"), Nodes.isSet(data) ? GoValues.text(data.toString()) : "null", DATA);
        return out.list();
    }
}
