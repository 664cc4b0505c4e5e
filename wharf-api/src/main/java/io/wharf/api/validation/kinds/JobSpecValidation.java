package io.wharf.api.validation.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import io.wharf.api.validation.FieldProblem;
import java.util.List;

/**
 * Upstream's {@code validateJobSpec}: the rules of a Job's spec that also apply to a CronJob's
 * job template (counts, completion mode, failure and success policies, the pod template and its
 * restart policy). Selector rules differ between the two and live with each kind.
 */
final class JobSpecValidation {
    static final int MAX_PARALLELISM_FOR_INDEXED = 100_000;
    static final int MAX_FAILED_INDEXES = 100_000;
    static final int COMPLETIONS_SOFT_LIMIT = 100_000;
    static final int PARALLELISM_LIMIT_FOR_HIGH_COMPLETIONS = 10_000;
    static final int MAX_FAILED_INDEXES_FOR_HIGH_COMPLETIONS = 10_000;
    static final int MAX_MANAGED_BY_LENGTH = 63;

    private JobSpecValidation() {
    }

    static boolean isIndexed(JsonNode spec) {
        return "Indexed".equals(Nodes.optionalText(spec, "completionMode"));
    }

    static List<FieldProblem> validate(JsonNode spec, FieldPath path) {
        Problems out = new Problems();
        for (String field : List.of("parallelism", "completions", "activeDeadlineSeconds", "backoffLimit",
                "ttlSecondsAfterFinished", "backoffLimitPerIndex")) {
            FieldChecks.nonNegative(out, spec.path(field), path.child(field));
        }
        Long parallelism = Nodes.optionalLong(spec, "parallelism");
        Long completions = Nodes.optionalLong(spec, "completions");
        Long backoffLimitPerIndex = Nodes.optionalLong(spec, "backoffLimitPerIndex");
        Long maxFailedIndexes = Nodes.optionalLong(spec, "maxFailedIndexes");
        if (maxFailedIndexes != null) {
            FieldChecks.nonNegative(out, maxFailedIndexes, path.child("maxFailedIndexes"));
            if (backoffLimitPerIndex == null) {
                out.required(path.child("backoffLimitPerIndex"), "when maxFailedIndexes is specified");
            }
        }
        String managedBy = Nodes.optionalText(spec, "managedBy");
        if (managedBy != null) {
            FieldChecks.domainPrefixedPath(out, managedBy, path.child("managedBy"));
            if (managedBy.length() > MAX_MANAGED_BY_LENGTH) {
                out.tooLong(path.child("managedBy"), MAX_MANAGED_BY_LENGTH);
            }
        }
        String completionMode = Nodes.optionalText(spec, "completionMode");
        if (completionMode != null) {
            if (!completionMode.equals("NonIndexed") && !completionMode.equals("Indexed")) {
                out.notSupported(path.child("completionMode"), completionMode, List.of("NonIndexed", "Indexed"));
            }
            if (completionMode.equals("Indexed")) {
                indexedLimits(out, path, parallelism, completions, backoffLimitPerIndex, maxFailedIndexes);
            }
        }
        if (completionMode == null || completionMode.equals("NonIndexed")) {
            if (backoffLimitPerIndex != null) {
                out.invalid(path.child("backoffLimitPerIndex"), backoffLimitPerIndex, "requires indexed completion mode");
            }
            if (maxFailedIndexes != null) {
                out.invalid(path.child("maxFailedIndexes"), maxFailedIndexes, "requires indexed completion mode");
            }
        }
        JsonNode failurePolicy = spec.path("podFailurePolicy");
        if (Nodes.isSet(failurePolicy)) {
            out.addAll(PodFailurePolicyValidation.validate(spec, path.child("podFailurePolicy")));
        }
        JsonNode successPolicy = spec.path("successPolicy");
        if (Nodes.isSet(successPolicy)) {
            if (!isIndexed(spec)) {
                out.invalid(path.child("successPolicy"), GoValues.text("batch.SuccessPolicy" + successPolicy),
                        "requires indexed completion mode");
            } else {
                out.addAll(SuccessPolicyValidation.validate(successPolicy, completions == null ? 0 : completions,
                        path.child("successPolicy")));
            }
        }
        podReplacementPolicy(out, spec, path.child("podReplacementPolicy"));
        JsonNode template = spec.path("template");
        FieldPath templatePath = path.child("template");
        WorkloadTemplates.podTemplate(out, template, templatePath);
        restartPolicy(out, Nodes.text(template, "spec", "restartPolicy"), Nodes.isSet(failurePolicy),
                templatePath.child("spec", "restartPolicy"));
        return out.list();
    }

    private static void indexedLimits(Problems out, FieldPath path, Long parallelism, Long completions,
                                      Long backoffLimitPerIndex, Long maxFailedIndexes) {
        if (completions == null) {
            out.required(path.child("completions"), "when completion mode is Indexed");
        }
        if (parallelism != null && parallelism > MAX_PARALLELISM_FOR_INDEXED) {
            out.invalid(path.child("parallelism"), parallelism,
                    "must be less than or equal to " + MAX_PARALLELISM_FOR_INDEXED + " when completion mode is Indexed");
        }
        if (completions != null && maxFailedIndexes != null && maxFailedIndexes > completions) {
            out.invalid(path.child("maxFailedIndexes"), maxFailedIndexes, "must be less than or equal to completions");
        }
        if (maxFailedIndexes != null && maxFailedIndexes > MAX_FAILED_INDEXES) {
            out.invalid(path.child("maxFailedIndexes"), maxFailedIndexes,
                    "must be less than or equal to " + MAX_FAILED_INDEXES);
        }
        if (completions != null && completions > COMPLETIONS_SOFT_LIMIT && backoffLimitPerIndex != null) {
            String suffix = " when completions are above " + COMPLETIONS_SOFT_LIMIT + " and used with backoff limit per index";
            if (maxFailedIndexes == null) {
                out.required(path.child("maxFailedIndexes"),
                        "must be specified when completions is above " + COMPLETIONS_SOFT_LIMIT);
            }
            if (parallelism != null && parallelism > PARALLELISM_LIMIT_FOR_HIGH_COMPLETIONS) {
                out.invalid(path.child("parallelism"), parallelism,
                        "must be less than or equal to " + PARALLELISM_LIMIT_FOR_HIGH_COMPLETIONS + suffix);
            }
            if (maxFailedIndexes != null && maxFailedIndexes > MAX_FAILED_INDEXES_FOR_HIGH_COMPLETIONS) {
                out.invalid(path.child("maxFailedIndexes"), maxFailedIndexes,
                        "must be less than or equal to " + MAX_FAILED_INDEXES_FOR_HIGH_COMPLETIONS + suffix);
            }
        }
    }

    /** With a pod failure policy only Failed is allowed, since terminating pods must be counted first. */
    private static void podReplacementPolicy(Problems out, JsonNode spec, FieldPath path) {
        String policy = Nodes.optionalText(spec, "podReplacementPolicy");
        if (policy == null) {
            return;
        }
        if (Nodes.isSet(spec.path("podFailurePolicy"))) {
            if (!policy.equals("Failed")) {
                out.notSupported(path, policy, List.of("Failed"));
            }
        } else if (!policy.equals("Failed") && !policy.equals("TerminatingOrFailed")) {
            out.notSupported(path, policy, List.of("Failed", "TerminatingOrFailed"));
        }
    }

    /** Job pods must end: Always (also what an unset policy defaults to) is refused. */
    private static void restartPolicy(Problems out, String policy, boolean hasFailurePolicy, FieldPath path) {
        if (policy.equals("Always") || policy.isEmpty()) {
            out.required(path, "valid values: \"OnFailure\", \"Never\"");
        } else if (!policy.equals("OnFailure") && !policy.equals("Never")) {
            out.notSupported(path, policy, List.of("OnFailure", "Never"));
        } else if (hasFailurePolicy && !policy.equals("Never")) {
            out.invalid(path, policy, "only \"Never\" is supported when podFailurePolicy is specified");
        }
    }
}
