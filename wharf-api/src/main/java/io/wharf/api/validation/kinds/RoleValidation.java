package io.wharf.api.validation.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.validation.FieldProblem;
import java.util.List;

/**
 * rbac.authorization.k8s.io/v1 Role and ClusterRole: every rule needs verbs and either resources
 * (with API groups) or, in a ClusterRole only, non-resource URLs; a ClusterRole's aggregation
 * rule needs valid selectors. Paths start at the top level: these kinds have no spec.
 */
final class RoleValidation implements KindValidator {
    private final boolean namespaced;

    private RoleValidation(boolean namespaced) {
        this.namespaced = namespaced;
    }

    static RoleValidation role() {
        return new RoleValidation(true);
    }

    static RoleValidation clusterRole() {
        return new RoleValidation(false);
    }

    @Override
    public List<FieldProblem> validate(ObjectNode role) {
        return role(role, false);
    }

    @Override
    public List<FieldProblem> validateUpdate(ObjectNode role, ObjectNode old) {
        boolean oldInvalid = false;
        for (JsonNode selector : Nodes.items(old, "aggregationRule", "clusterRoleSelectors")) {
            oldInvalid |= SelectorChecks.hasInvalidLabelValue(selector);
        }
        return role(role, oldInvalid);
    }

    private List<FieldProblem> role(ObjectNode role, boolean allowInvalidSelectorValues) {
        Problems out = new Problems();
        List<JsonNode> rules = Nodes.items(role, "rules");
        for (int i = 0; i < rules.size(); i++) {
            rule(out, rules.get(i), FieldPath.of("rules").index(i));
        }
        JsonNode aggregation = role.path("aggregationRule");
        if (!namespaced && Nodes.isSet(aggregation)) {
            FieldPath selectorsPath = FieldPath.of("aggregationRule", "clusterRoleSelectors");
            List<JsonNode> selectors = Nodes.items(aggregation, "clusterRoleSelectors");
            if (selectors.isEmpty()) {
                out.required(selectorsPath,
                        "at least one clusterRoleSelector required if aggregationRule is non-nil");
            }
            for (int i = 0; i < selectors.size(); i++) {
                FieldPath at = selectorsPath.index(i);
                out.addAll(SelectorChecks.validate(selectors.get(i), at, allowInvalidSelectorValues));
                if (SelectorChecks.convert(selectors.get(i)).isEmpty()) {
                    // Upstream reports the failed conversion's nil result, which prints as "null".
                    out.invalid(at, "null", "invalid label selector.");
                }
            }
        }
        return out.list();
    }

    private void rule(Problems out, JsonNode rule, FieldPath path) {
        if (Nodes.items(rule, "verbs").isEmpty()) {
            out.required(path.child("verbs"), "verbs must contain at least one value");
        }
        List<String> urls = Nodes.strings(rule, "nonResourceURLs");
        if (!urls.isEmpty()) {
            if (namespaced) {
                out.invalid(path.child("nonResourceURLs"), urls, "namespaced rules cannot apply to non-resource URLs");
            }
            if (!Nodes.items(rule, "apiGroups").isEmpty() || !Nodes.items(rule, "resources").isEmpty()
                    || !Nodes.items(rule, "resourceNames").isEmpty()) {
                out.invalid(path.child("nonResourceURLs"), urls,
                        "rules cannot apply to both regular resources and non-resource URLs");
            }
            return;
        }
        if (Nodes.items(rule, "apiGroups").isEmpty()) {
            out.required(path.child("apiGroups"), "resource rules must supply at least one api group");
        }
        if (Nodes.items(rule, "resources").isEmpty()) {
            out.required(path.child("resources"), "resource rules must supply at least one resource");
        }
    }
}
