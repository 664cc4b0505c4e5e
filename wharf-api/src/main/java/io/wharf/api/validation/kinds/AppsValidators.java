package io.wharf.api.validation.kinds;

/**
 * Registers the validators of the apps/v1 kinds.
 */
final class AppsValidators {
    private static final String GROUP = "apps";
    private static final String VERSION = "v1";

    private AppsValidators() {
    }

    static void register() {
        KindValidators.register(GROUP, VERSION, "Deployment", new DeploymentValidation());
        KindValidators.register(GROUP, VERSION, "ReplicaSet", new ReplicaSetValidation());
        KindValidators.register(GROUP, VERSION, "StatefulSet", new StatefulSetValidation());
        KindValidators.register(GROUP, VERSION, "DaemonSet", new DaemonSetValidation());
        KindValidators.register(GROUP, VERSION, "ControllerRevision", new ControllerRevisionValidation());
    }
}
