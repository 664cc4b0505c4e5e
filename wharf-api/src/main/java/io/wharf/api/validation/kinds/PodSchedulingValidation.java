package io.wharf.api.validation.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import io.wharf.api.validation.NameValidation;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Upstream's checks of where a pod may run: node and pod (anti-)affinity, node selector terms
 * (also used by persistent volumes), tolerations, taints (used by nodes) and topology spread
 * constraints.
 */
final class PodSchedulingValidation {
    private static final List<String> TAINT_EFFECTS = List.of("NoSchedule", "PreferNoSchedule", "NoExecute");
    private static final List<String> UNSATISFIABLE_ACTIONS = List.of("DoNotSchedule", "ScheduleAnyway");
    private static final List<String> INCLUSION_POLICIES = List.of("Honor", "Ignore");

    private PodSchedulingValidation() {
    }

    static void affinity(Problems out, JsonNode affinity, FieldPath path) {
        if (affinity == null) {
            return;
        }
        JsonNode node = Nodes.get(affinity, "nodeAffinity");
        if (node != null) {
            FieldPath np = path.child("nodeAffinity");
            JsonNode required = Nodes.get(node, "requiredDuringSchedulingIgnoredDuringExecution");
            if (required != null) {
                nodeSelector(out, required, false, np.child("requiredDuringSchedulingIgnoredDuringExecution"));
            }
            List<JsonNode> preferred = Nodes.items(node, "preferredDuringSchedulingIgnoredDuringExecution");
            FieldPath pp = np.child("preferredDuringSchedulingIgnoredDuringExecution");
            for (int i = 0; i < preferred.size(); i++) {
                weight(out, preferred.get(i), pp.index(i));
                nodeSelectorTerm(out, Nodes.get(preferred.get(i), "preference"), true, pp.index(i).child("preference"));
            }
        }
        for (String kind : List.of("podAffinity", "podAntiAffinity")) {
            JsonNode pod = Nodes.get(affinity, kind);
            if (pod == null) {
                continue;
            }
            FieldPath kp = path.child(kind);
            List<JsonNode> required = Nodes.items(pod, "requiredDuringSchedulingIgnoredDuringExecution");
            for (int i = 0; i < required.size(); i++) {
                podAffinityTerm(out, required.get(i), kp.child("requiredDuringSchedulingIgnoredDuringExecution").index(i));
            }
            List<JsonNode> weighted = Nodes.items(pod, "preferredDuringSchedulingIgnoredDuringExecution");
            for (int i = 0; i < weighted.size(); i++) {
                FieldPath wp = kp.child("preferredDuringSchedulingIgnoredDuringExecution").index(i);
                weight(out, weighted.get(i), wp);
                podAffinityTerm(out, Nodes.get(weighted.get(i), "podAffinityTerm"), wp.child("podAffinityTerm"));
            }
        }
    }

    private static void weight(Problems out, JsonNode term, FieldPath path) {
        long weight = Nodes.longValue(term, "weight");
        if (weight <= 0 || weight > 100) {
            out.invalid(path.child("weight"), weight, "must be in the range 1-100");
        }
    }

    private static void podAffinityTerm(Problems out, JsonNode term, FieldPath path) {
        JsonNode selector = Nodes.get(term, "labelSelector");
        out.addAll(SelectorChecks.validate(selector, path.child("labelSelector"), false));
        out.addAll(SelectorChecks.validate(Nodes.get(term, "namespaceSelector"), path.child("namespaceSelector"), false));
        for (String ns : Nodes.strings(term, "namespaces")) {
            out.invalidEach(path.child("namespace"), ns, NameValidation.isDNS1123Label(ns));
        }
        matchAndMismatchLabelKeys(out, term, selector, path);
        String topologyKey = Nodes.text(term, "topologyKey");
        if (topologyKey.isEmpty()) {
            out.required(path.child("topologyKey"), "can not be empty");
        }
        FieldChecks.labelName(out, topologyKey, path.child("topologyKey"));
    }

    private static void matchAndMismatchLabelKeys(Problems out, JsonNode term, JsonNode selector, FieldPath path) {
        List<String> match = Nodes.strings(term, "matchLabelKeys");
        List<String> mismatch = Nodes.strings(term, "mismatchLabelKeys");
        labelKeys(out, match, selector, path.child("matchLabelKeys"));
        labelKeys(out, mismatch, selector, path.child("mismatchLabelKeys"));
        if (selector != null) {
            Map<String, Integer> matchIndex = new HashMap<>();
            for (int i = 0; i < match.size(); i++) {
                matchIndex.put(match.get(i), i);
            }
            Set<String> selectorKeys = new HashSet<>(Nodes.sortedMap(selector, "matchLabels").keySet());
            for (JsonNode e : Nodes.items(selector, "matchExpressions")) {
                String key = Nodes.text(e, "key");
                if (matchIndex.containsKey(key) && selectorKeys.contains(key)) {
                    out.invalid(path.index(matchIndex.get(key)), key, "exists in both matchLabelKeys and labelSelector");
                }
                selectorKeys.add(key);
            }
        }
        Set<String> mismatchSet = new HashSet<>(mismatch);
        for (int i = 0; i < match.size(); i++) {
            if (mismatchSet.contains(match.get(i))) {
                out.invalid(path.child("matchLabelKeys").index(i), match.get(i), "exists in both matchLabelKeys and mismatchLabelKeys");
            }
        }
    }

    private static void labelKeys(Problems out, List<String> keys, JsonNode selector, FieldPath path) {
        if (keys.isEmpty()) {
            return;
        }
        if (selector == null) {
            out.forbidden(path, "must not be specified when labelSelector is not set");
            return;
        }
        for (int i = 0; i < keys.size(); i++) {
            FieldChecks.labelName(out, keys.get(i), path.index(i));
        }
    }

    /** Upstream's ValidateNodeSelector: at least one term, each term's requirements valid. */
    static void nodeSelector(Problems out, JsonNode selector, boolean allowInvalidValues, FieldPath path) {
        List<JsonNode> terms = Nodes.items(selector, "nodeSelectorTerms");
        FieldPath tp = path.child("nodeSelectorTerms");
        if (terms.isEmpty()) {
            out.required(tp, "must have at least one node selector term");
            return;
        }
        for (int i = 0; i < terms.size(); i++) {
            nodeSelectorTerm(out, terms.get(i), allowInvalidValues, tp.index(i));
        }
    }

    private static void nodeSelectorTerm(Problems out, JsonNode term, boolean allowInvalidValues, FieldPath path) {
        List<JsonNode> expressions = Nodes.items(term, "matchExpressions");
        for (int j = 0; j < expressions.size(); j++) {
            nodeSelectorRequirement(out, expressions.get(j), allowInvalidValues, path.child("matchExpressions").index(j));
        }
        List<JsonNode> fields = Nodes.items(term, "matchFields");
        for (int j = 0; j < fields.size(); j++) {
            nodeFieldSelectorRequirement(out, fields.get(j), path.child("matchFields").index(j));
        }
    }

    private static void nodeSelectorRequirement(Problems out, JsonNode rq, boolean allowInvalidValues, FieldPath path) {
        String operator = Nodes.text(rq, "operator");
        List<String> values = Nodes.strings(rq, "values");
        switch (operator) {
            case "In", "NotIn" -> {
                if (values.isEmpty()) {
                    out.required(path.child("values"), "must be specified when `operator` is 'In' or 'NotIn'");
                }
            }
            case "Exists", "DoesNotExist" -> {
                if (!values.isEmpty()) {
                    out.forbidden(path.child("values"), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'");
                }
            }
            case "Gt", "Lt" -> {
                if (values.size() != 1) {
                    out.required(path.child("values"), "must be specified single value when `operator` is 'Lt' or 'Gt'");
                }
            }
            default -> out.invalid(path.child("operator"), operator, "not a valid selector operator");
        }
        FieldChecks.labelName(out, Nodes.text(rq, "key"), path.child("key"));
        if (!allowInvalidValues) {
            for (int i = 0; i < values.size(); i++) {
                out.invalidEach(path.child("values").index(i), values.get(i), NameValidation.isValidLabelValue(values.get(i)));
            }
        }
    }

    /** Node field selectors only know metadata.name, with exactly one value. */
    private static void nodeFieldSelectorRequirement(Problems out, JsonNode rq, FieldPath path) {
        String operator = Nodes.text(rq, "operator");
        List<String> values = Nodes.strings(rq, "values");
        if (operator.equals("In") || operator.equals("NotIn")) {
            if (values.size() != 1) {
                out.required(path.child("values"), "must be only one value when `operator` is 'In' or 'NotIn' for node field selector");
            }
        } else {
            out.invalid(path.child("operator"), operator, "not a valid selector operator");
        }
        String key = Nodes.text(rq, "key");
        if (!key.equals("metadata.name")) {
            out.invalid(path.child("key"), key, "not a valid field selector key");
        } else {
            for (int i = 0; i < values.size(); i++) {
                out.invalidEach(path.child("values").index(i), values.get(i), NameValidation.isDNS1123Subdomain(values.get(i)));
            }
        }
    }

    static void tolerations(Problems out, List<JsonNode> tolerations, FieldPath path) {
        for (int i = 0; i < tolerations.size(); i++) {
            JsonNode t = tolerations.get(i);
            FieldPath p = path.index(i);
            String key = Nodes.text(t, "key");
            String operator = Nodes.text(t, "operator");
            String effect = Nodes.text(t, "effect");
            String value = Nodes.text(t, "value");
            if (!key.isEmpty()) {
                FieldChecks.labelName(out, key, p.child("key"));
            }
            if (key.isEmpty() && !operator.equals("Exists")) {
                out.invalid(p.child("operator"), operator,
                        "operator must be Exists when `key` is empty, which means \"match all values and all keys\"");
            }
            if (Nodes.has(t, "tolerationSeconds") && !effect.equals("NoExecute")) {
                out.invalid(p.child("effect"), effect, "effect must be 'NoExecute' when `tolerationSeconds` is set");
            }
            switch (operator) {
                case "Equal", "" -> {
                    List<String> errs = NameValidation.isValidLabelValue(value);
                    if (!errs.isEmpty()) {
                        out.invalid(p.child("operator"), value, String.join(";", errs));
                    }
                }
                case "Exists" -> {
                    if (!value.isEmpty()) {
                        out.invalid(p.child("operator"), value, "value must be empty when `operator` is 'Exists'");
                    }
                }
                default -> out.notSupported(p.child("operator"), operator, List.of("Equal", "Exists"));
            }
            if (!effect.isEmpty()) {
                taintEffect(out, effect, true, p.child("effect"));
            }
        }
    }

    static void taintEffect(Problems out, String effect, boolean allowEmpty, FieldPath path) {
        if (!allowEmpty && effect.isEmpty()) {
            out.required(path, "");
            return;
        }
        if (!TAINT_EFFECTS.contains(effect)) {
            out.notSupported(path, effect, TAINT_EFFECTS);
        }
    }

    /** Node taints: valid key, value and effect, unique by key and effect. */
    static void taints(Problems out, List<JsonNode> taints, FieldPath path) {
        Map<String, Set<String>> keysByEffect = new HashMap<>();
        for (int i = 0; i < taints.size(); i++) {
            JsonNode t = taints.get(i);
            FieldPath p = path.index(i);
            String key = Nodes.text(t, "key");
            String value = Nodes.text(t, "value");
            String effect = Nodes.text(t, "effect");
            FieldChecks.labelName(out, key, p.child("key"));
            List<String> errs = NameValidation.isValidLabelValue(value);
            if (!errs.isEmpty()) {
                out.invalid(p.child("value"), value, String.join(";", errs));
            }
            taintEffect(out, effect, false, p.child("effect"));
            Set<String> keys = keysByEffect.computeIfAbsent(effect, e -> new HashSet<>());
            if (!keys.add(key)) {
                out.duplicate(p, GoValues.struct("core.Taint").string("Key", key).string("Value", value).string("Effect", effect)
                        .raw("TimeAdded", "(*v1.Time)(nil)").build(), "taints must be unique by key and effect pair");
            }
        }
    }

    static void topologySpreadConstraints(Problems out, List<JsonNode> constraints, FieldPath path) {
        for (int i = 0; i < constraints.size(); i++) {
            JsonNode c = constraints.get(i);
            FieldPath p = path.index(i);
            long maxSkew = Nodes.longValue(c, "maxSkew");
            if (maxSkew <= 0) {
                out.invalid(p.child("maxSkew"), maxSkew, FieldChecks.NOT_POSITIVE);
            }
            String topologyKey = Nodes.text(c, "topologyKey");
            if (topologyKey.isEmpty()) {
                out.required(p.child("topologyKey"), "can not be empty");
            }
            String action = Nodes.text(c, "whenUnsatisfiable");
            if (!UNSATISFIABLE_ACTIONS.contains(action)) {
                out.notSupported(p.child("whenUnsatisfiable"), action, UNSATISFIABLE_ACTIONS);
            }
            for (int j = i + 1; j < constraints.size(); j++) {
                JsonNode other = constraints.get(j);
                if (topologyKey.equals(Nodes.text(other, "topologyKey"))
                        && action.equals(Nodes.text(other, "whenUnsatisfiable"))) {
                    out.duplicate(p.child("{topologyKey, whenUnsatisfiable}"), "{" + topologyKey + ", " + action + "}");
                    break;
                }
            }
            Long minDomains = Nodes.optionalLong(c, "minDomains");
            if (minDomains != null) {
                if (minDomains <= 0) {
                    out.invalid(p.child("minDomains"), minDomains, FieldChecks.NOT_POSITIVE);
                }
                if (!action.equals("DoNotSchedule")) {
                    out.invalid(p.child("minDomains"), minDomains,
                            "can only use minDomains if whenUnsatisfiable=DoNotSchedule, not " + action);
                }
            }
            for (String policy : List.of("nodeAffinityPolicy", "nodeTaintsPolicy")) {
                if (Nodes.has(c, policy) && !INCLUSION_POLICIES.contains(Nodes.text(c, policy))) {
                    out.notSupported(p.child(policy), Nodes.text(c, policy), INCLUSION_POLICIES);
                }
            }
            JsonNode selector = Nodes.get(c, "labelSelector");
            matchLabelKeysInSpread(out, Nodes.strings(c, "matchLabelKeys"), selector, p.child("matchLabelKeys"));
            out.addAll(SelectorChecks.validate(selector, p.child("labelSelector"), false));
        }
    }

    private static void matchLabelKeysInSpread(Problems out, List<String> keys, JsonNode selector, FieldPath path) {
        if (keys.isEmpty()) {
            return;
        }
        Set<String> selectorKeys = new HashSet<>();
        if (selector != null) {
            selectorKeys.addAll(Nodes.sortedMap(selector, "matchLabels").keySet());
            for (JsonNode e : Nodes.items(selector, "matchExpressions")) {
                selectorKeys.add(Nodes.text(e, "key"));
            }
        } else {
            out.forbidden(path, "must not be specified when labelSelector is not set");
        }
        for (int i = 0; i < keys.size(); i++) {
            FieldChecks.labelName(out, keys.get(i), path.index(i));
            if (selectorKeys.contains(keys.get(i))) {
                out.invalid(path.index(i), keys.get(i), "exists in both matchLabelKeys and labelSelector");
            }
        }
    }
}
