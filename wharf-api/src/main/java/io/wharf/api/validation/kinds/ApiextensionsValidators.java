package io.wharf.api.validation.kinds;

/**
 * Registers the validators of the apiextensions.k8s.io/v1 kinds.
 * The schemas of a definition are checked by the server's CRD strategy (io.wharf.api.crd.CrdSchemaValidation).
 */
final class ApiextensionsValidators {
    private static final String GROUP = "apiextensions.k8s.io";
    private static final String VERSION = "v1";

    private ApiextensionsValidators() {
    }

    static void register() {
        KindValidators.register(GROUP, VERSION, "CustomResourceDefinition", new CustomResourceDefinitionValidation());
    }
}
