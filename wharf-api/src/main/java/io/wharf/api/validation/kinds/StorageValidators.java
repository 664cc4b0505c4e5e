package io.wharf.api.validation.kinds;

/**
 * Registers the validators of the storage.k8s.io/v1 kinds.
 */
final class StorageValidators {
    private static final String GROUP = "storage.k8s.io";
    private static final String VERSION = "v1";

    private StorageValidators() {
    }

    static void register() {
        KindValidators.register(GROUP, VERSION, "StorageClass", new StorageClassValidation());
    }
}
