package io.wharf.api.defaults;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Defaults of rbac.authorization.k8s.io/v1 bindings: the role reference and user or group
 * subjects belong to the RBAC API group unless told otherwise. Roles have no defaults.
 */
final class RbacDefaults {
    static final String GROUP = "rbac.authorization.k8s.io";

    private RbacDefaults() {
    }

    static void apply(String kind, ObjectNode o) {
        if (!"RoleBinding".equals(kind) && !"ClusterRoleBinding".equals(kind)) {
            return;
        }
        ObjectNode roleRef = Tree.ensureObject(o, "roleRef");
        if (roleRef != null) {
            Tree.defaultText(roleRef, "apiGroup", GROUP);
        }
        for (ObjectNode subject : Tree.objects(o, "subjects")) {
            String kindOfSubject = Tree.text(subject, "kind");
            // A ServiceAccount subject's group is the core group, "", which is never written out.
            if ("User".equals(kindOfSubject) || "Group".equals(kindOfSubject)) {
                Tree.defaultText(subject, "apiGroup", GROUP);
            }
        }
    }
}
