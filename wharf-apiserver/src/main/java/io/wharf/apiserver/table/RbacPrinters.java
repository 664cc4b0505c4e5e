package io.wharf.apiserver.table;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * rbac.authorization.k8s.io bindings. Roles and ClusterRoles have no printer upstream and use
 * the default table (see {@link DefaultPrinter}).
 */
final class RbacPrinters {
    private RbacPrinters() {
    }

    /** RoleBinding and ClusterRoleBinding share their layout. */
    static final RowPrinter BINDING = SimpleRowPrinter.of((o, now) -> {
        List<String> users = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        List<String> serviceAccounts = new ArrayList<>();
        for (JsonNode s : Fields.list(o, "subjects")) {
            switch (Fields.str(s, "kind")) {
                case "ServiceAccount" -> serviceAccounts.add(Fields.str(s, "namespace") + "/" + Fields.str(s, "name"));
                case "User" -> users.add(Fields.str(s, "name"));
                case "Group" -> groups.add(Fields.str(s, "name"));
                default -> {
                    // other subject kinds are not shown
                }
            }
        }
        return List.of(
                Fields.name(o),
                Fields.str(o, "roleRef", "kind") + "/" + Fields.str(o, "roleRef", "name"),
                Cells.age(o, now),
                String.join(", ", users),
                String.join(", ", groups),
                String.join(", ", serviceAccounts));
    },
            Columns.name(),
            Columns.string("Role", "Kind and name of the bound role."),
            Columns.age(),
            Columns.wide("Users", "Users granted the role."),
            Columns.wide("Groups", "Groups granted the role."),
            Columns.wide("ServiceAccounts", "Service accounts (namespace/name) granted the role."));
}
