package io.wharf.api.validation.kinds;

/**
 * Registers the validators of the networking.k8s.io/v1 kinds.
 */
final class NetworkingValidators {
    private static final String GROUP = "networking.k8s.io";
    private static final String VERSION = "v1";

    private NetworkingValidators() {
    }

    static void register() {
        KindValidators.register(GROUP, VERSION, "Ingress", new IngressValidation());
        KindValidators.register(GROUP, VERSION, "IngressClass", new IngressClassValidation());
        KindValidators.register(GROUP, VERSION, "NetworkPolicy", new NetworkPolicyValidation());
    }
}
