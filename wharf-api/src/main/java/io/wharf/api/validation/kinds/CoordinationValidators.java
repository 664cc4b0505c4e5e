package io.wharf.api.validation.kinds;

/**
 * Registers the validators of the coordination.k8s.io/v1 kinds.
 */
final class CoordinationValidators {
    private static final String GROUP = "coordination.k8s.io";
    private static final String VERSION = "v1";

    private CoordinationValidators() {
    }

    static void register() {
        KindValidators.register(GROUP, VERSION, "Lease", new LeaseValidation());
    }
}
