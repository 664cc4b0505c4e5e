package io.wharf.api.validation.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.validation.FieldProblem;
import java.util.List;
import java.util.Map;

/**
 * scheduling.k8s.io/v1 PriorityClass: names starting with "system-" must be one of the built-in
 * classes exactly, user classes stay at or below one billion, and value and preemption policy
 * never change.
 */
final class PriorityClassValidation implements KindValidator {
    static final String SYSTEM_PREFIX = "system-";
    static final long HIGHEST_USER_DEFINABLE_PRIORITY = 1_000_000_000L;
    static final long SYSTEM_CRITICAL_PRIORITY = 2 * HIGHEST_USER_DEFINABLE_PRIORITY;
    /** The built-in classes and their values; neither is a global default. */
    private static final Map<String, Long> SYSTEM_CLASSES = Map.of(
            "system-node-critical", SYSTEM_CRITICAL_PRIORITY + 1000,
            "system-cluster-critical", SYSTEM_CRITICAL_PRIORITY);
    private static final List<String> PREEMPTION_POLICIES = List.of("PreemptLowerPriority", "Never");

    @Override
    public List<FieldProblem> validate(ObjectNode priorityClass) {
        Problems out = new Problems();
        String name = Nodes.text(priorityClass, "metadata", "name");
        long value = Nodes.longValue(priorityClass, "value");
        if (name.startsWith(SYSTEM_PREFIX)) {
            String error = systemClassError(name, value, Nodes.bool(priorityClass, "globalDefault"));
            if (error != null) {
                out.forbidden(FieldPath.of("metadata", "name"), "priority class names with '" + SYSTEM_PREFIX
                        + "' prefix are reserved for system use only. error: " + error);
            }
        } else if (value > HIGHEST_USER_DEFINABLE_PRIORITY) {
            out.forbidden(FieldPath.of("value"),
                    "maximum allowed value of a user defined priority is " + HIGHEST_USER_DEFINABLE_PRIORITY);
        }
        String policy = Nodes.optionalText(priorityClass, "preemptionPolicy");
        if (policy != null) {
            if (policy.isEmpty()) {
                out.required(FieldPath.of("preemptionPolicy"), "");
            } else if (!PREEMPTION_POLICIES.contains(policy)) {
                out.notSupported(FieldPath.of("preemptionPolicy"), policy, PREEMPTION_POLICIES);
            }
        }
        return out.list();
    }

    /** Upstream checks only immutability on update, not the create rules. */
    @Override
    public List<FieldProblem> validateUpdate(ObjectNode priorityClass, ObjectNode old) {
        Problems out = new Problems();
        if (Nodes.longValue(priorityClass, "value") != Nodes.longValue(old, "value")) {
            out.forbidden(FieldPath.of("value"), "may not be changed in an update.");
        }
        JsonNode policy = priorityClass.path("preemptionPolicy");
        FieldChecks.immutable(out, policy, old.path("preemptionPolicy"), Nodes.isSet(policy) ? policy.asText() : "null", FieldPath.of("preemptionPolicy"));
        return out.list();
    }

    private static String systemClassError(String name, long value, boolean globalDefault) {
        Long expected = SYSTEM_CLASSES.get(name);
        if (expected == null) {
            return name + " is not a known system priority class";
        }
        if (expected != value) {
            return "value of " + name + " PriorityClass must be " + expected;
        }
        if (globalDefault) {
            return "globalDefault of " + name + " PriorityClass must be false";
        }
        return null;
    }
}
