package io.wharf.api.validation.kinds;

/**
 * Registers the validators of the scheduling.k8s.io/v1 kinds.
 */
final class SchedulingValidators {
    private static final String GROUP = "scheduling.k8s.io";
    private static final String VERSION = "v1";

    private SchedulingValidators() {
    }

    static void register() {
        KindValidators.register(GROUP, VERSION, "PriorityClass", new PriorityClassValidation());
    }
}
