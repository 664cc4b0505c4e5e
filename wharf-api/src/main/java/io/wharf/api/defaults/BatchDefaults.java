package io.wharf.api.defaults;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Defaults of the batch/v1 kinds Job and CronJob. */
final class BatchDefaults {
    static final int BACKOFF_LIMIT = 6;

    private BatchDefaults() {
    }

    static void apply(String kind, ObjectNode o) {
        switch (kind) {
            case "Job" -> job(o);
            case "CronJob" -> cronJob(o);
            default -> {
                // No other batch kinds.
            }
        }
    }

    private static void job(ObjectNode job) {
        ObjectNode spec = Tree.ensureObject(job, "spec");
        if (spec == null) {
            return;
        }
        // A non-parallel job may leave out both; when only completions is set, it stays alone.
        if (Tree.isUnset(spec.get("completions")) && Tree.isUnset(spec.get("parallelism"))) {
            spec.put("completions", 1);
        }
        Tree.defaultPointerInt(spec, "parallelism", 1);
        // With a per-index limit, the job-wide limit is effectively disabled.
        Tree.defaultPointerInt(spec, "backoffLimit",
                Tree.isUnset(spec.get("backoffLimitPerIndex")) ? BACKOFF_LIMIT : Integer.MAX_VALUE);
        ObjectNode templateLabels = Tree.object(Tree.object(Tree.object(spec, "template"), "metadata"), "labels");
        if (templateLabels != null && !templateLabels.isEmpty()) {
            ObjectNode metadata = Tree.ensureObject(job, "metadata");
            if (metadata != null && Tree.isEmpty(metadata.get("labels"))) {
                metadata.set("labels", templateLabels.deepCopy());
            }
        }
        Tree.defaultPointerText(spec, "completionMode", "NonIndexed");
        Tree.defaultPointerBoolean(spec, "suspend", false);
        ObjectNode failurePolicy = Tree.object(spec, "podFailurePolicy");
        // JobPodReplacementPolicy is beta and on in 1.32.
        Tree.defaultPointerText(spec, "podReplacementPolicy", failurePolicy != null ? "Failed" : "TerminatingOrFailed");
        Tree.defaultPointerBoolean(spec, "manualSelector", false);
        for (ObjectNode rule : Tree.objects(failurePolicy, "rules")) {
            for (ObjectNode pattern : Tree.objects(rule, "onPodConditions")) {
                Tree.defaultText(pattern, "status", "True");
            }
        }
        PodSpecDefaults.template(spec, "template");
    }

    /** The job template gets pod template defaults only, none of a Job's own. */
    private static void cronJob(ObjectNode cronJob) {
        ObjectNode spec = Tree.ensureObject(cronJob, "spec");
        if (spec == null) {
            return;
        }
        Tree.defaultText(spec, "concurrencyPolicy", "Allow");
        Tree.defaultPointerBoolean(spec, "suspend", false);
        Tree.defaultPointerInt(spec, "successfulJobsHistoryLimit", 3);
        Tree.defaultPointerInt(spec, "failedJobsHistoryLimit", 1);
        ObjectNode jobSpec = Tree.ensureObject(Tree.ensureObject(spec, "jobTemplate"), "spec");
        PodSpecDefaults.template(jobSpec, "template");
    }
}
