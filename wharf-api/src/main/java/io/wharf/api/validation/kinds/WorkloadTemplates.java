package io.wharf.api.validation.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import io.wharf.api.labels.LabelSelector;
import java.util.List;
import java.util.Map;

/** The pod template rules shared by the apps and batch controllers. */
final class WorkloadTemplates {
    static final String SELECTOR_MISMATCH = "`selector` does not match template `labels`";

    private WorkloadTemplates() {
    }

    /** The template's labels (a nil map when it has none). */
    static Map<String, String> labels(JsonNode template) {
        return Nodes.stringMap(template, "metadata", "labels");
    }

    /** The selector must select the pods the template makes; reported at the template's labels. */
    static void selectorMatches(Problems out, LabelSelector selector, JsonNode template, FieldPath templatePath) {
        if (!selector.matches(labels(template))) {
            out.invalid(templatePath.child("metadata", "labels"), GoValues.stringMap(labels(template)),
                    SELECTOR_MISMATCH);
        }
    }

    /** Upstream's ValidatePodTemplateSpec with the core PodSpec rules, at {@code templatePath}. */
    static void podTemplate(Problems out, JsonNode template, FieldPath templatePath) {
        PodTemplateSpecValidation.validate(out, template, templatePath);
    }

    /**
     * Long-running controllers restart their pods forever and never time them out: restartPolicy
     * must be Always and activeDeadlineSeconds unset.
     */
    static void alwaysRunning(Problems out, JsonNode template, FieldPath templatePath, String kind) {
        String restartPolicy = Nodes.text(template, "spec", "restartPolicy");
        if (!restartPolicy.equals("Always")) {
            out.notSupported(templatePath.child("spec", "restartPolicy"), restartPolicy, List.of("Always"));
        }
        if (Nodes.isSet(Nodes.at(template, "spec", "activeDeadlineSeconds"))) {
            out.forbidden(templatePath.child("spec", "activeDeadlineSeconds"),
                    "activeDeadlineSeconds in " + kind + " is not Supported");
        }
    }

    /**
     * A required, strictly checked selector that must have requirements, as Deployments and
     * ReplicaSets (and StatefulSets) have; {@code emptyMessage} is the kind's wording.
     */
    static void requiredSelector(Problems out, JsonNode selector, FieldPath path, String emptyMessage) {
        if (!Nodes.isSet(selector)) {
            out.required(path, "");
            return;
        }
        out.addAll(SelectorChecks.validate(selector, path, false));
        if (SelectorChecks.hasNoRequirements(selector)) {
            out.invalid(path, GoValues.labelSelector(selector), emptyMessage);
        }
    }
}
