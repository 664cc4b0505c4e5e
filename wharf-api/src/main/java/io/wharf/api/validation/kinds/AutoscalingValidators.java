package io.wharf.api.validation.kinds;

/**
 * Registers the validators of the autoscaling/v2, the storage version of both served versions kinds.
 */
final class AutoscalingValidators {
    private static final String GROUP = "autoscaling";
    private static final String VERSION = "v2";

    private AutoscalingValidators() {
    }

    static void register() {
        KindValidators.register(GROUP, VERSION, "HorizontalPodAutoscaler", new HorizontalPodAutoscalerValidation());
    }
}
