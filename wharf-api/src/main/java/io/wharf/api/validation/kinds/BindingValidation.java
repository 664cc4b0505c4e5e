package io.wharf.api.validation.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.validation.FieldProblem;
import java.util.List;

/** Bindings (upstream's ValidatePodBinding): the target is a node, named. */
final class BindingValidation implements KindValidator {
    @Override
    public List<FieldProblem> validate(ObjectNode binding) {
        Problems out = new Problems();
        JsonNode target = Nodes.get(binding, "target");
        String kind = Nodes.text(target, "kind");
        if (!kind.isEmpty() && !kind.equals("Node")) {
            out.notSupported(FieldPath.of("target", "kind"), kind, List.of("Node", "<empty>"));
        }
        if (Nodes.text(target, "name").isEmpty()) {
            out.required(FieldPath.of("target", "name"), "");
        }
        return out.list();
    }
}
