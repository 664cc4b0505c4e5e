package io.wharf.api.validation.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import io.wharf.api.labels.LabelSelector;
import io.wharf.api.validation.FieldProblem;
import io.wharf.api.validation.MetadataValidation;
import io.wharf.api.validation.NameValidation;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Upstream's metav1 LabelSelector checks ({@code ValidateLabelSelector}) and conversion. */
final class SelectorChecks {
    private SelectorChecks() {
    }

    /**
     * The selector's own problems; nothing for an absent selector. {@code allowInvalidValues} is
     * upstream's escape for objects stored before expression values were checked.
     */
    static List<FieldProblem> validate(JsonNode selector, FieldPath path, boolean allowInvalidValues) {
        Problems out = new Problems();
        if (!Nodes.isSet(selector)) {
            return out.list();
        }
        out.addAllAt(path.child("matchLabels"),
                MetadataValidation.validateLabels(Nodes.stringMap(selector, "matchLabels")));
        List<JsonNode> expressions = Nodes.items(selector, "matchExpressions");
        for (int i = 0; i < expressions.size(); i++) {
            out.addAll(requirement(expressions.get(i), path.child("matchExpressions").index(i), allowInvalidValues));
        }
        return out.list();
    }

    private static List<FieldProblem> requirement(JsonNode expr, FieldPath path, boolean allowInvalidValues) {
        Problems out = new Problems();
        String operator = Nodes.text(expr, "operator");
        List<String> values = Nodes.strings(expr, "values");
        switch (operator) {
            case "In", "NotIn" -> {
                if (values.isEmpty()) {
                    out.required(path.child("values"), "must be specified when `operator` is 'In' or 'NotIn'");
                }
            }
            case "Exists", "DoesNotExist" -> {
                if (!values.isEmpty()) {
                    out.forbidden(path.child("values"),
                            "may not be specified when `operator` is 'Exists' or 'DoesNotExist'");
                }
            }
            default -> out.invalid(path.child("operator"), operator, "not a valid selector operator");
        }
        out.addAllAt(path.child("key"), MetadataValidation.validateLabelName(Nodes.text(expr, "key")));
        if (!allowInvalidValues) {
            for (int i = 0; i < values.size(); i++) {
                out.invalidEach(path.child("values").index(i), values.get(i),
                        NameValidation.isValidLabelValue(values.get(i)));
            }
        }
        return out.list();
    }

    /** Upstream's {@code LabelSelectorAsSelector}: empty when the selector does not convert. */
    static Optional<LabelSelector> convert(JsonNode selector) {
        try {
            return Optional.of(LabelSelector.fromJson(selector));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Upstream's {@code LabelSelectorHasInvalidLabelValue}, which relaxes updates of old objects. */
    static boolean hasInvalidLabelValue(JsonNode selector) {
        for (JsonNode expr : Nodes.items(selector, "matchExpressions")) {
            for (String value : Nodes.strings(expr, "values")) {
                if (!NameValidation.isValidLabelValue(value).isEmpty()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A given selector with neither matchLabels nor matchExpressions. */
    static boolean hasNoRequirements(JsonNode selector) {
        Map<String, String> labels = Nodes.stringMap(selector, "matchLabels");
        return (labels == null || labels.isEmpty()) && Nodes.items(selector, "matchExpressions").isEmpty();
    }
}
