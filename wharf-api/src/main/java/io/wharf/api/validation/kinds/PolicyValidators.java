package io.wharf.api.validation.kinds;

/**
 * Registers the validators of the policy/v1 kinds.
 */
final class PolicyValidators {
    private static final String GROUP = "policy";
    private static final String VERSION = "v1";

    private PolicyValidators() {
    }

    static void register() {
        KindValidators.register(GROUP, VERSION, "PodDisruptionBudget", new PodDisruptionBudgetValidation());
    }
}
