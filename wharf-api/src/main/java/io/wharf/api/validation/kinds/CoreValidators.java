package io.wharf.api.validation.kinds;

/**
 * Registers the validators of the core/v1 kinds.
 * ServiceAccounts have no rules beyond their metadata.
 */
final class CoreValidators {
    private static final String GROUP = "";
    private static final String VERSION = "v1";

    private CoreValidators() {
    }

    static void register() {
        KindValidators.register(GROUP, VERSION, "Pod", new PodValidation());
        KindValidators.register(GROUP, VERSION, "PodTemplate", new PodTemplateValidation());
        KindValidators.register(GROUP, VERSION, "ReplicationController", new ReplicationControllerValidation());
        KindValidators.register(GROUP, VERSION, "Service", new ServiceValidation());
        KindValidators.register(GROUP, VERSION, "Endpoints", new EndpointsValidation());
        KindValidators.register(GROUP, VERSION, "Node", new NodeValidation());
        KindValidators.register(GROUP, VERSION, "Namespace", new NamespaceValidation());
        KindValidators.register(GROUP, VERSION, "ConfigMap", new ConfigMapValidation());
        KindValidators.register(GROUP, VERSION, "Secret", new SecretValidation());
        KindValidators.register(GROUP, VERSION, "PersistentVolume", new PersistentVolumeValidation());
        KindValidators.register(GROUP, VERSION, "PersistentVolumeClaim", new PersistentVolumeClaimValidation());
        KindValidators.register(GROUP, VERSION, "LimitRange", new LimitRangeValidation());
        KindValidators.register(GROUP, VERSION, "ResourceQuota", new ResourceQuotaValidation());
        KindValidators.register(GROUP, VERSION, "Event", EventValidation.legacy());
        KindValidators.register(GROUP, VERSION, "Binding", new BindingValidation());
    }
}
