package io.wharf.api.validation.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import io.wharf.api.validation.FieldProblem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

/** A Job's podFailurePolicy: its rules' actions, exit-code requirements and pod-condition patterns. */
final class PodFailurePolicyValidation {
    static final int MAX_RULES = 20;
    static final int MAX_EXIT_CODE_VALUES = 255;
    static final int MAX_CONDITION_PATTERNS = 20;
    /** Upstream lists these sorted, quoted with %q, in "valid values" messages. */
    private static final List<String> ACTIONS = List.of("Count", "FailIndex", "FailJob", "Ignore");
    private static final List<String> OPERATORS = List.of("In", "NotIn");
    private static final List<String> STATUSES = List.of("False", "True", "Unknown");

    private PodFailurePolicyValidation() {
    }

    static List<FieldProblem> validate(JsonNode jobSpec, FieldPath path) {
        Problems out = new Problems();
        FieldPath rulesPath = path.child("rules");
        List<JsonNode> rules = Nodes.items(jobSpec, "podFailurePolicy", "rules");
        if (rules.size() > MAX_RULES) {
            out.tooMany(rulesPath, rules.size(), MAX_RULES);
        }
        Set<String> containerNames = new HashSet<>();
        for (JsonNode c : Nodes.items(jobSpec, "template", "spec", "containers")) {
            containerNames.add(Nodes.text(c, "name"));
        }
        for (JsonNode c : Nodes.items(jobSpec, "template", "spec", "initContainers")) {
            containerNames.add(Nodes.text(c, "name"));
        }
        boolean hasBackoffLimitPerIndex = Nodes.isSet(jobSpec.path("backoffLimitPerIndex"));
        for (int i = 0; i < rules.size(); i++) {
            rule(out, rules.get(i), rulesPath.index(i), containerNames, hasBackoffLimitPerIndex);
        }
        return out.list();
    }

    private static void rule(Problems out, JsonNode rule, FieldPath path, Set<String> containerNames,
                             boolean hasBackoffLimitPerIndex) {
        String action = Nodes.text(rule, "action");
        FieldPath actionPath = path.child("action");
        if (action.isEmpty()) {
            out.required(actionPath, "valid values: " + goQuotedList(ACTIONS));
        } else if (action.equals("FailIndex")) {
            if (!hasBackoffLimitPerIndex) {
                out.invalid(actionPath, action, "requires the backoffLimitPerIndex to be set");
            }
        } else if (!ACTIONS.contains(action)) {
            out.notSupported(actionPath, action, ACTIONS);
        }
        JsonNode onExitCodes = rule.path("onExitCodes");
        List<JsonNode> onPodConditions = Nodes.items(rule, "onPodConditions");
        if (Nodes.isSet(onExitCodes)) {
            onExitCodes(out, onExitCodes, path.child("onExitCodes"), containerNames);
        }
        if (!onPodConditions.isEmpty()) {
            onPodConditions(out, onPodConditions, path.child("onPodConditions"));
        }
        if (Nodes.isSet(onExitCodes) && !onPodConditions.isEmpty()) {
            out.invalidOmittingValue(path, "specifying both OnExitCodes and OnPodConditions is not supported");
        }
        if (!Nodes.isSet(onExitCodes) && onPodConditions.isEmpty()) {
            out.invalidOmittingValue(path, "specifying one of OnExitCodes and OnPodConditions is required");
        }
    }

    private static void onExitCodes(Problems out, JsonNode requirement, FieldPath path, Set<String> containerNames) {
        String operator = Nodes.text(requirement, "operator");
        if (operator.isEmpty()) {
            out.required(path.child("operator"), "valid values: " + goQuotedList(OPERATORS));
        } else if (!OPERATORS.contains(operator)) {
            out.notSupported(path.child("operator"), operator, OPERATORS);
        }
        String containerName = Nodes.optionalText(requirement, "containerName");
        if (containerName != null && !containerNames.contains(containerName)) {
            out.invalid(path.child("containerName"), containerName,
                    "must be one of the container or initContainer names in the pod template");
        }
        FieldPath valuesPath = path.child("values");
        List<Long> values = new ArrayList<>();
        Nodes.items(requirement, "values").forEach(v -> values.add(v.asLong()));
        if (values.isEmpty()) {
            out.invalid(valuesPath, int32Slice(values), "at least one value is required");
        } else if (values.size() > MAX_EXIT_CODE_VALUES) {
            out.tooMany(valuesPath, values.size(), MAX_EXIT_CODE_VALUES);
        }
        boolean ordered = true;
        Set<Long> seen = new HashSet<>();
        for (int j = 0; j < values.size(); j++) {
            long value = values.get(j);
            if (operator.equals("In") && value == 0) {
                out.invalid(valuesPath.index(j), value, "must not be 0 for the In operator");
            }
            if (!seen.add(value)) {
                out.duplicate(valuesPath.index(j), value);
            }
            if (j > 0 && values.get(j - 1) > value) {
                ordered = false;
            }
        }
        if (!ordered) {
            out.invalid(valuesPath, int32Slice(values), "must be ordered");
        }
    }

    private static void onPodConditions(Problems out, List<JsonNode> patterns, FieldPath path) {
        if (patterns.size() > MAX_CONDITION_PATTERNS) {
            out.tooMany(path, patterns.size(), MAX_CONDITION_PATTERNS);
        }
        for (int j = 0; j < patterns.size(); j++) {
            FieldPath at = path.index(j);
            FieldChecks.qualifiedName(out, Nodes.text(patterns.get(j), "type"), at.child("type"));
            String status = Nodes.text(patterns.get(j), "status");
            if (status.isEmpty()) {
                out.required(at.child("status"), "valid values: " + goQuotedList(STATUSES));
            } else if (!STATUSES.contains(status)) {
                out.notSupported(at.child("status"), status, STATUSES);
            }
        }
    }

    /** Go's {@code %q} of a {@code []string}: {@code ["a" "b"]}. */
    private static String goQuotedList(List<String> values) {
        StringJoiner out = new StringJoiner(" ", "[", "]");
        values.forEach(v -> out.add("\"" + v + "\""));
        return out.toString();
    }

    /** Go's {@code %#v} of a {@code []int32}. */
    private static GoValues.Text int32Slice(List<Long> values) {
        if (values.isEmpty()) {
            return GoValues.text("[]int32(nil)");
        }
        StringJoiner out = new StringJoiner(", ", "[]int32{", "}");
        values.forEach(v -> out.add(String.valueOf(v)));
        return GoValues.text(out.toString());
    }
}
