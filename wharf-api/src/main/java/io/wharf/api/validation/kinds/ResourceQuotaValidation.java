package io.wharf.api.validation.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.quantity.Quantity;
import io.wharf.api.validation.FieldProblem;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * ResourceQuotas (upstream's ValidateResourceQuota and ValidateResourceQuotaUpdate): quota
 * resource names with non-negative (and, for counts, whole) hard limits, scopes and scope
 * selectors that are known, fit the limited resources and do not conflict; scopes are fixed
 * after creation. Status hard and used values are checked too.
 */
final class ResourceQuotaValidation implements KindValidator {
    private static final Set<String> SCOPES = Set.of("Terminating", "NotTerminating", "BestEffort", "NotBestEffort",
            "PriorityClass", "CrossNamespacePodAffinity");
    private static final Set<String> POD_COUNT = Set.of("pods");
    private static final Set<String> POD_COMPUTE = Set.of("cpu", "memory", "limits.cpu", "limits.memory", "requests.cpu",
            "requests.memory");
    private static final Set<String> EXISTS_ONLY_SCOPES = Set.of("BestEffort", "NotBestEffort", "Terminating",
            "NotTerminating", "CrossNamespacePodAffinity");
    private static final List<List<String>> CONFLICTING = List.of(List.of("BestEffort", "NotBestEffort"),
            List.of("Terminating", "NotTerminating"));
    private static final String SCOPE_TYPE = "core.ResourceQuotaScope";

    @Override
    public List<FieldProblem> validate(ObjectNode quota) {
        Problems out = new Problems();
        spec(out, Nodes.get(quota, "spec"));
        status(out, Nodes.get(quota, "status"));
        return out.list();
    }

    @Override
    public List<FieldProblem> validateUpdate(ObjectNode quota, ObjectNode old) {
        Problems out = new Problems();
        JsonNode spec = Nodes.get(quota, "spec");
        spec(out, spec);
        List<String> scopes = Nodes.strings(spec, "scopes");
        if (!new HashSet<>(scopes).equals(new HashSet<>(Nodes.strings(Nodes.get(old, "spec"), "scopes")))) {
            out.invalid(FieldPath.of("spec", "scopes"), GoValues.namedStringSlice(SCOPE_TYPE, scopes, scopes.isEmpty()), FieldChecks.IMMUTABLE);
        }
        status(out, Nodes.get(quota, "status"));
        return out.list();
    }

    private static void spec(Problems out, JsonNode spec) {
        FieldPath path = FieldPath.of("spec");
        Map<String, JsonNode> hard = Nodes.entries(spec, "hard");
        resourceList(out, hard, path.child("hard"));
        Set<String> limited = new TreeSet<>(hard.keySet());
        scopes(out, Nodes.strings(spec, "scopes"), limited, path.child("scopes"));
        JsonNode selector = Nodes.get(spec, "scopeSelector");
        if (selector != null) {
            scopeSelector(out, selector, Nodes.strings(spec, "scopes"), limited, path.child("scopeSelector"));
        }
    }

    private static void status(Problems out, JsonNode status) {
        resourceList(out, Nodes.entries(status, "hard"), FieldPath.of("status", "hard"));
        resourceList(out, Nodes.entries(status, "used"), FieldPath.of("status", "used"));
    }

    private static void resourceList(Problems out, Map<String, JsonNode> list, FieldPath path) {
        for (Map.Entry<String, JsonNode> e : list.entrySet()) {
            FieldPath p = path.key(e.getKey());
            ComputeResources.quotaResourceName(out, e.getKey(), p);
            Quantity q = ComputeResources.quantity(e.getValue());
            if (q != null) {
                ComputeResources.quantityValue(out, e.getKey(), e.getValue(), q, p);
            }
        }
    }

    private static boolean validForResource(String scope, String resource) {
        return switch (scope) {
            case "Terminating", "NotTerminating", "NotBestEffort", "PriorityClass", "CrossNamespacePodAffinity" ->
                    POD_COUNT.contains(resource) || POD_COMPUTE.contains(resource);
            case "BestEffort" -> POD_COUNT.contains(resource);
            default -> true;
        };
    }

    private static void scopes(Problems out, List<String> scopes, Set<String> limited, FieldPath path) {
        if (scopes.isEmpty()) {
            return;
        }
        Object value = GoValues.namedStringSlice(SCOPE_TYPE, scopes, scopes.isEmpty());
        for (String scope : scopes) {
            if (!SCOPES.contains(scope)) {
                out.invalid(path, value, "unsupported scope");
            }
            for (String resource : limited) {
                if (ComputeResources.isStandardQuota(resource) && !validForResource(scope, resource)) {
                    out.invalid(path, value, "unsupported scope applied to resource");
                }
            }
        }
        conflicts(out, new HashSet<>(scopes), value, path);
    }

    private static void conflicts(Problems out, Set<String> scopes, Object value, FieldPath path) {
        for (List<String> pair : CONFLICTING) {
            if (scopes.containsAll(pair)) {
                out.invalid(path, value, "conflicting scopes");
            }
        }
    }

    private static void scopeSelector(Problems out, JsonNode selector, List<String> specScopes, Set<String> limited,
                                      FieldPath path) {
        FieldPath exprPath = path.child("matchExpressions");
        Set<String> scopes = new HashSet<>();
        for (JsonNode req : Nodes.items(selector, "matchExpressions")) {
            String scope = Nodes.text(req, "scopeName");
            String operator = Nodes.text(req, "operator");
            List<String> values = Nodes.strings(req, "values");
            if (!SCOPES.contains(scope)) {
                out.invalid(exprPath.child("scopeName"), scope, "unsupported scope");
            }
            for (String resource : limited) {
                if (ComputeResources.isStandardQuota(resource) && !validForResource(scope, resource)) {
                    out.invalid(exprPath, selector, "unsupported scope applied to resource");
                }
            }
            if (EXISTS_ONLY_SCOPES.contains(scope) && !operator.equals("Exists")) {
                out.invalid(exprPath.child("operator"), operator, "must be 'Exists' when scope is any of "
                        + "ResourceQuotaScopeTerminating, ResourceQuotaScopeNotTerminating, ResourceQuotaScopeBestEffort, "
                        + "ResourceQuotaScopeNotBestEffort or ResourceQuotaScopeCrossNamespacePodAffinity");
            }
            switch (operator) {
                case "In", "NotIn" -> {
                    if (values.isEmpty()) {
                        out.required(exprPath.child("values"),
                                "must be at least one value when `operator` is 'In' or 'NotIn' for scope selector");
                    }
                }
                case "Exists", "DoesNotExist" -> {
                    if (!values.isEmpty()) {
                        out.invalid(exprPath.child("values"), values,
                                "must be no value when `operator` is 'Exist' or 'DoesNotExist' for scope selector");
                    }
                }
                default -> out.invalid(exprPath.child("operator"), operator, "not a valid selector operator");
            }
            scopes.add(scope);
        }
        conflicts(out, scopes, GoValues.namedStringSlice(SCOPE_TYPE, specScopes, specScopes.isEmpty()), exprPath);
    }
}
