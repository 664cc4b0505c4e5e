package io.wharf.api.validation.kinds;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;

/**
 * Upstream's Job selector generation, which its strategy runs on create before validation: unless
 * {@code spec.manualSelector} is true, the template gets the job-name and controller-uid labels
 * (legacy and prefixed) and the selector matches the prefixed controller-uid. {@link JobValidation}
 * expects objects prepared this way; the Job strategy calls {@link #generate} after the server has
 * set {@code metadata.uid} and {@code metadata.name}.
 */
public final class JobSelectors {
    public static final String CONTROLLER_UID = "batch.kubernetes.io/controller-uid";
    public static final String JOB_NAME = "batch.kubernetes.io/job-name";
    public static final String LEGACY_CONTROLLER_UID = "controller-uid";
    public static final String LEGACY_JOB_NAME = "job-name";

    private JobSelectors() {
    }

    /** Adds the generated labels and selector; labels the user already set are left for validation to judge. */
    public static void generate(ObjectNode job) {
        ObjectNode spec = Json.with(job, "spec");
        if (spec.path("manualSelector").asBoolean(false)) {
            return;
        }
        String name = Nodes.text(job, "metadata", "name");
        String uid = Nodes.text(job, "metadata", "uid");
        ObjectNode labels = Json.with(Json.with(Json.with(spec, "template"), "metadata"), "labels");
        for (String key : new String[] {LEGACY_JOB_NAME, JOB_NAME}) {
            if (!labels.has(key)) {
                labels.put(key, name);
            }
        }
        for (String key : new String[] {LEGACY_CONTROLLER_UID, CONTROLLER_UID}) {
            if (!labels.has(key)) {
                labels.put(key, uid);
            }
        }
        ObjectNode matchLabels = Json.with(Json.with(spec, "selector"), "matchLabels");
        if (!matchLabels.has(CONTROLLER_UID)) {
            matchLabels.put(CONTROLLER_UID, uid);
        }
    }
}
