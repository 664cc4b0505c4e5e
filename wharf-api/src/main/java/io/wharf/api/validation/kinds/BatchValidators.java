package io.wharf.api.validation.kinds;

/**
 * Registers the validators of the batch/v1 kinds.
 */
final class BatchValidators {
    private static final String GROUP = "batch";
    private static final String VERSION = "v1";

    private BatchValidators() {
    }

    static void register() {
        KindValidators.register(GROUP, VERSION, "Job", new JobValidation());
        KindValidators.register(GROUP, VERSION, "CronJob", new CronJobValidation());
    }
}
