package io.wharf.api.validation.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.validation.FieldProblem;
import io.wharf.api.validation.NameValidation;
import java.util.List;

/**
 * rbac.authorization.k8s.io/v1 RoleBinding and ClusterRoleBinding: a complete roleRef (a
 * ClusterRoleBinding may only reference a ClusterRole) that never changes, and subjects of a
 * known kind with that kind's rules.
 */
final class RoleBindingValidation implements KindValidator {
    static final String RBAC_GROUP = "rbac.authorization.k8s.io";
    private static final FieldPath ROLE_REF = FieldPath.of("roleRef");

    private final boolean namespaced;

    private RoleBindingValidation(boolean namespaced) {
        this.namespaced = namespaced;
    }

    static RoleBindingValidation roleBinding() {
        return new RoleBindingValidation(true);
    }

    static RoleBindingValidation clusterRoleBinding() {
        return new RoleBindingValidation(false);
    }

    @Override
    public List<FieldProblem> validate(ObjectNode binding) {
        Problems out = new Problems();
        JsonNode ref = binding.path("roleRef");
        String apiGroup = Nodes.text(ref, "apiGroup");
        if (!apiGroup.equals(RBAC_GROUP)) {
            out.notSupported(ROLE_REF.child("apiGroup"), apiGroup, List.of(RBAC_GROUP));
        }
        List<String> kinds = namespaced ? List.of("Role", "ClusterRole") : List.of("ClusterRole");
        String kind = Nodes.text(ref, "kind");
        if (!kinds.contains(kind)) {
            out.notSupported(ROLE_REF.child("kind"), kind, kinds);
        }
        String name = Nodes.text(ref, "name");
        if (name.isEmpty()) {
            out.required(ROLE_REF.child("name"), "");
        } else {
            out.invalidEach(ROLE_REF.child("name"), name, NameValidation.isValidPathSegmentName(name));
        }
        List<JsonNode> subjects = Nodes.items(binding, "subjects");
        for (int i = 0; i < subjects.size(); i++) {
            subject(out, subjects.get(i), FieldPath.of("subjects").index(i));
        }
        return out.list();
    }

    @Override
    public List<FieldProblem> validateUpdate(ObjectNode binding, ObjectNode old) {
        Problems out = new Problems();
        out.addAll(validate(binding));
        JsonNode ref = binding.path("roleRef");
        JsonNode oldRef = old.path("roleRef");
        boolean changed = false;
        for (String field : List.of("apiGroup", "kind", "name")) {
            changed |= !Nodes.text(ref, field).equals(Nodes.text(oldRef, field));
        }
        if (changed) {
            out.invalid(ROLE_REF, GoValues.struct("rbac.RoleRef")
                    .string("APIGroup", Nodes.text(ref, "apiGroup"))
                    .string("Kind", Nodes.text(ref, "kind"))
                    .string("Name", Nodes.text(ref, "name"))
                    .build(), "cannot change roleRef");
        }
        return out.list();
    }

    private void subject(Problems out, JsonNode subject, FieldPath path) {
        String name = Nodes.text(subject, "name");
        if (name.isEmpty()) {
            out.required(path.child("name"), "");
        }
        String apiGroup = Nodes.text(subject, "apiGroup");
        String kind = Nodes.text(subject, "kind");
        switch (kind) {
            case "ServiceAccount" -> {
                if (!name.isEmpty()) {
                    out.invalidEach(path.child("name"), name, NameValidation.isDNS1123Subdomain(name));
                }
                if (!apiGroup.isEmpty()) {
                    out.notSupported(path.child("apiGroup"), apiGroup, List.of(""));
                }
                // A ClusterRoleBinding has no namespace to default the service account's from.
                if (!namespaced && Nodes.text(subject, "namespace").isEmpty()) {
                    out.required(path.child("namespace"), "");
                }
            }
            case "User", "Group" -> {
                if (!apiGroup.equals(RBAC_GROUP)) {
                    out.notSupported(path.child("apiGroup"), apiGroup, List.of(RBAC_GROUP));
                }
            }
            default -> out.notSupported(path.child("kind"), kind, List.of("ServiceAccount", "User", "Group"));
        }
    }
}
