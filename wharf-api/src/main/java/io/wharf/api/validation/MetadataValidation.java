package io.wharf.api.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Upstream's checks of {@code metadata.labels} and {@code metadata.annotations}. Upstream reports
 * these problems at the map itself, not at the offending key, so every returned problem has the
 * empty path: the caller prefixes "metadata.labels" (or the selector's field) and gets exactly
 * upstream's {@code metadata.labels: Invalid value: "bad key": ...}. Keys are visited in sorted
 * order so the messages are deterministic (upstream iterates a Go map).
 */
public final class MetadataValidation {
    /** The most bytes all annotation keys and values of one object may add up to. */
    public static final int TOTAL_ANNOTATION_SIZE_LIMIT_BYTES = 256 * 1024;

    private MetadataValidation() {
    }

    public static List<FieldProblem> validateLabels(Map<String, String> labels) {
        List<FieldProblem> problems = new ArrayList<>();
        if (labels == null) {
            return problems;
        }
        for (Map.Entry<String, String> e : new TreeMap<>(labels).entrySet()) {
            problems.addAll(validateLabelName(e.getKey()));
            String value = Objects.requireNonNullElse(e.getValue(), "");
            for (String msg : NameValidation.isValidLabelValue(value)) {
                problems.add(FieldProblem.invalid("", value, msg));
            }
        }
        return problems;
    }

    /** A label key on its own, as selectors' {@code key} fields are checked. */
    public static List<FieldProblem> validateLabelName(String key) {
        List<FieldProblem> problems = new ArrayList<>();
        for (String msg : NameValidation.isQualifiedName(key)) {
            problems.add(FieldProblem.invalid("", key, msg));
        }
        return problems;
    }

    public static List<FieldProblem> validateAnnotations(Map<String, String> annotations) {
        List<FieldProblem> problems = new ArrayList<>();
        if (annotations == null) {
            return problems;
        }
        long totalBytes = 0;
        for (Map.Entry<String, String> e : new TreeMap<>(annotations).entrySet()) {
            String key = e.getKey();
            // Annotation keys follow the qualified-name rule except that case does not matter.
            for (String msg : NameValidation.isQualifiedName(key.toLowerCase(Locale.ROOT))) {
                problems.add(FieldProblem.invalid("", key, msg));
            }
            totalBytes += NameValidation.byteLength(key)
                    + NameValidation.byteLength(Objects.requireNonNullElse(e.getValue(), ""));
        }
        if (totalBytes > TOTAL_ANNOTATION_SIZE_LIMIT_BYTES) {
            problems.add(FieldProblem.tooLong("", TOTAL_ANNOTATION_SIZE_LIMIT_BYTES));
        }
        return problems;
    }
}
