package io.wharf.api.validation.kinds;

/**
 * Registers the validators of the rbac.authorization.k8s.io/v1 kinds.
 */
final class RbacValidators {
    private static final String GROUP = "rbac.authorization.k8s.io";
    private static final String VERSION = "v1";

    private RbacValidators() {
    }

    static void register() {
        KindValidators.register(GROUP, VERSION, "Role", RoleValidation.role());
        KindValidators.register(GROUP, VERSION, "ClusterRole", RoleValidation.clusterRole());
        KindValidators.register(GROUP, VERSION, "RoleBinding", RoleBindingValidation.roleBinding());
        KindValidators.register(GROUP, VERSION, "ClusterRoleBinding", RoleBindingValidation.clusterRoleBinding());
    }
}
