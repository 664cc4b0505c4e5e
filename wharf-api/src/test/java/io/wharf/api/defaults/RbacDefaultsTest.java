package io.wharf.api.defaults;

import static io.wharf.api.defaults.DefaultsTestSupport.assertDefaults;
import static io.wharf.api.defaults.DefaultsTestSupport.assertUnchanged;

import org.junit.jupiter.api.Test;

/** rbac.authorization.k8s.io/v1 roles and bindings. */
class RbacDefaultsTest {
    @Test
    void bindingsDefaultRoleRefAndSubjectGroups() {
        for (String kind : new String[] {"RoleBinding", "ClusterRoleBinding"}) {
            assertDefaults("rbac.authorization.k8s.io", "v1", kind, """
                    metadata: {name: b}
                    roleRef: {kind: ClusterRole, name: view}
                    subjects:
                    - {kind: User, name: alice}
                    - {kind: Group, name: devs}
                    - {kind: ServiceAccount, name: default, namespace: ns}
                    - {kind: User, name: bob, apiGroup: example.com}
                    """, """
                    metadata: {name: b}
                    roleRef: {kind: ClusterRole, name: view, apiGroup: rbac.authorization.k8s.io}
                    subjects:
                    - {kind: User, name: alice, apiGroup: rbac.authorization.k8s.io}
                    - {kind: Group, name: devs, apiGroup: rbac.authorization.k8s.io}
                    - {kind: ServiceAccount, name: default, namespace: ns}
                    - {kind: User, name: bob, apiGroup: example.com}
                    """);
        }
    }

    @Test
    void bindingWithoutRoleRefGetsItsGroup() {
        assertDefaults("rbac.authorization.k8s.io", "v1", "RoleBinding", "metadata: {name: b}",
                "metadata: {name: b}\nroleRef: {apiGroup: rbac.authorization.k8s.io}");
    }

    @Test
    void rolesHaveNoDefaults() {
        String rules = "rules: [{apiGroups: [\"\"], resources: [pods], verbs: [get]}]";
        assertUnchanged("rbac.authorization.k8s.io", "v1", "Role", rules);
        assertUnchanged("rbac.authorization.k8s.io", "v1", "ClusterRole", rules);
    }
}
