package io.wharf.api.validation.kinds;

/**
 * Registers the validators of the discovery.k8s.io/v1 kinds.
 */
final class DiscoveryValidators {
    private static final String GROUP = "discovery.k8s.io";
    private static final String VERSION = "v1";

    private DiscoveryValidators() {
    }

    static void register() {
        KindValidators.register(GROUP, VERSION, "EndpointSlice", new EndpointSliceValidation());
    }
}
