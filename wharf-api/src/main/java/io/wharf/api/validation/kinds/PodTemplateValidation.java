package io.wharf.api.validation.kinds;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.validation.FieldProblem;
import java.util.List;

/** PodTemplates: their template, as any workload template (creates and updates alike). */
final class PodTemplateValidation implements KindValidator {
    @Override
    public List<FieldProblem> validate(ObjectNode podTemplate) {
        Problems out = new Problems();
        PodTemplateSpecValidation.validate(out, Nodes.get(podTemplate, "template"), FieldPath.of("template"));
        return out.list();
    }
}
