package io.wharf.apiserver.admission.quota;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One scope a ResourceQuota is restricted to: an entry of spec.scopes (operator Exists) or of
 * spec.scopeSelector.matchExpressions. A quota applies to an object only in all of its scopes.
 *
 * @param scopeName e.g. Terminating, BestEffort, PriorityClass
 * @param operator  In, NotIn, Exists or DoesNotExist
 * @param values    for In and NotIn
 */
public record ScopeSelector(String scopeName, String operator, List<String> values) {

    /** The scopes of a quota, spec.scopes first. */
    public static List<ScopeSelector> of(ObjectNode quota) {
        List<ScopeSelector> out = new ArrayList<>();
        JsonNode spec = quota.path("spec");
        for (JsonNode s : spec.path("scopes")) {
            out.add(new ScopeSelector(s.asText(), "Exists", List.of()));
        }
        for (JsonNode e : spec.path("scopeSelector").path("matchExpressions")) {
            List<String> values = new ArrayList<>();
            e.path("values").forEach(v -> values.add(v.asText()));
            out.add(new ScopeSelector(e.path("scopeName").asText(), e.path("operator").asText(), List.copyOf(values)));
        }
        return out;
    }

    /**
     * Whether a value (the pod's priority class name, "" when none) satisfies the selector the way
     * a label selector on a single label does: an empty value is an absent label.
     */
    public boolean matchesValue(String value) {
        boolean present = value != null && !value.isEmpty();
        return switch (operator) {
            case "Exists" -> present;
            case "DoesNotExist" -> !present;
            case "In" -> present && values.contains(value);
            case "NotIn" -> !present || !values.contains(value);
            default -> false;
        };
    }
}
