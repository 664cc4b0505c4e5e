package io.wharf.api.validation.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.validation.NameValidation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Upstream's ValidatePodUpdate rules for a pod's spec: only container images, a shorter active
 * deadline, added tolerations, removed scheduling gates (and, while gated, added node selectors
 * and node affinity requirements) may change. Anything else is refused with upstream's message,
 * without the Go struct diff upstream appends to it.
 */
final class PodUpdateValidation {
    static final String UPDATABLE_FIELDS = "pod updates may not change fields other than "
            + "`spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,"
            + "`spec.tolerations` (only additions to existing tolerations),"
            + "`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)";

    private PodUpdateValidation() {
    }

    static void validate(Problems out, JsonNode spec, JsonNode oldSpec) {
        FieldPath specPath = FieldPath.of("spec");
        for (String list : List.of("containers", "initContainers")) {
            if (!containerImages(out, Nodes.items(spec, list), Nodes.items(oldSpec, list), specPath.child(list))) {
                return;
            }
        }
        Long deadline = Nodes.optionalLong(spec, "activeDeadlineSeconds");
        Long oldDeadline = Nodes.optionalLong(oldSpec, "activeDeadlineSeconds");
        FieldPath deadlinePath = specPath.child("activeDeadlineSeconds");
        if (deadline != null) {
            if (deadline < 0 || deadline > Integer.MAX_VALUE) {
                out.invalid(deadlinePath, deadline, NameValidation.inclusiveRangeError(0, Integer.MAX_VALUE));
                return;
            }
            if (oldDeadline != null && oldDeadline < deadline) {
                out.invalid(deadlinePath, deadline, "must be less than or equal to previous value");
                return;
            }
        } else if (oldDeadline != null) {
            out.invalid(deadlinePath, null, "must not update from a positive integer to nil value");
        }
        onlyAddedTolerations(out, Nodes.items(spec, "tolerations"), Nodes.items(oldSpec, "tolerations"),
                specPath.child("tolerations"));
        onlyDeletedSchedulingGates(out, Nodes.items(spec, "schedulingGates"), Nodes.items(oldSpec, "schedulingGates"),
                specPath.child("schedulingGates"));
        if (Semantic.equal(spec, oldSpec)) {
            return;
        }
        ObjectNode munged = spec.deepCopy();
        keepOldImages(munged, oldSpec, "containers");
        keepOldImages(munged, oldSpec, "initContainers");
        copyField(munged, oldSpec, "activeDeadlineSeconds");
        copyField(munged, oldSpec, "schedulingGates");
        copyField(munged, oldSpec, "tolerations");
        Long oldGrace = Nodes.optionalLong(oldSpec, "terminationGracePeriodSeconds");
        Long grace = Nodes.optionalLong(munged, "terminationGracePeriodSeconds");
        if (oldGrace != null && oldGrace < 0 && grace != null && grace == 1) {
            copyField(munged, oldSpec, "terminationGracePeriodSeconds");
        }
        if (!Nodes.items(oldSpec, "schedulingGates").isEmpty()) {
            gatedPodMutations(out, munged, oldSpec, specPath);
        }
        if (!Semantic.equal(munged, oldSpec)) {
            out.forbidden(specPath, UPDATABLE_FIELDS);
        }
    }

    /** The same number of containers, each with an image; false stops further update checks. */
    private static boolean containerImages(Problems out, List<JsonNode> now, List<JsonNode> before, FieldPath path) {
        if (now.size() != before.size()) {
            out.forbidden(path, "pod updates may not add or remove containers");
            return false;
        }
        for (int i = 0; i < now.size(); i++) {
            String image = Nodes.text(now.get(i), "image");
            if (image.isEmpty()) {
                out.required(path.index(i).child("image"), "");
            }
            if (!image.strip().equals(image)) {
                out.invalid(path.index(i).child("image"), image, "must not have leading or trailing whitespace");
            }
        }
        return true;
    }

    /** Every old toleration must still be there (its tolerationSeconds may change). */
    private static void onlyAddedTolerations(Problems out, List<JsonNode> now, List<JsonNode> before, FieldPath path) {
        for (JsonNode old : before) {
            boolean found = false;
            for (JsonNode t : now) {
                if (sameToleration(old, t)) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                out.forbidden(path, "existing toleration can not be modified except its tolerationSeconds");
                return;
            }
        }
        PodSchedulingValidation.tolerations(out, now, path);
    }

    private static boolean sameToleration(JsonNode a, JsonNode b) {
        for (String f : List.of("key", "operator", "value", "effect")) {
            if (!Nodes.text(a, f).equals(Nodes.text(b, f))) {
                return false;
            }
        }
        return true;
    }

    private static void onlyDeletedSchedulingGates(Problems out, List<JsonNode> now, List<JsonNode> before, FieldPath path) {
        if (now.isEmpty()) {
            return;
        }
        Set<String> old = new HashSet<>();
        for (JsonNode g : before) {
            old.add(Nodes.text(g, "name"));
        }
        // Upstream keys new gates by name (the last index wins); they are reported in index order here.
        Map<String, Integer> added = new TreeMap<>();
        for (int i = 0; i < now.size(); i++) {
            String name = Nodes.text(now.get(i), "name");
            if (!old.contains(name)) {
                added.put(name, i);
            }
        }
        added.entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(e -> out.forbidden(
                path.index(e.getValue()).child("name"), "only deletion is allowed, but found new scheduling gate '" + e.getKey() + "'"));
    }

    /**
     * While scheduling gates remain, node selectors and required node affinity terms may gain
     * entries (never lose or change them); such additions are then taken as unchanged.
     */
    private static void gatedPodMutations(Problems out, ObjectNode munged, JsonNode oldSpec, FieldPath specPath) {
        Map<String, String> selector = Nodes.sortedMap(munged, "nodeSelector");
        Map<String, String> oldSelector = Nodes.sortedMap(oldSpec, "nodeSelector");
        if (!selector.equals(oldSelector)) {
            for (Map.Entry<String, String> e : oldSelector.entrySet()) {
                if (!e.getValue().equals(selector.get(e.getKey()))) {
                    out.invalid(specPath.child("nodeSelector"), GoValues.stringMap(Nodes.has(munged, "nodeSelector") ? selector : null),
                            "only additions to spec.nodeSelector are allowed (no mutations or deletions)");
                    break;
                }
            }
            copyField(munged, oldSpec, "nodeSelector");
        }
        JsonNode oldAffinity = Nodes.get(oldSpec, "affinity");
        JsonNode oldNodeAffinity = Nodes.get(oldAffinity, "nodeAffinity");
        JsonNode affinity = Nodes.get(munged, "affinity");
        JsonNode nodeAffinity = Nodes.get(affinity, "nodeAffinity");
        if (Semantic.equal(oldNodeAffinity, nodeAffinity)) {
            return;
        }
        nodeAffinityMutation(out, nodeAffinity, oldNodeAffinity, specPath.child("affinity", "nodeAffinity"));
        if (affinity == null) {
            if (oldNodeAffinity != null) {
                munged.putObject("affinity").set("nodeAffinity", oldNodeAffinity.deepCopy());
            }
        } else if (oldAffinity == null && !Nodes.has(affinity, "podAffinity") && !Nodes.has(affinity, "podAntiAffinity")) {
            munged.remove("affinity");
        } else if (oldNodeAffinity == null) {
            ((ObjectNode) affinity).remove("nodeAffinity");
        } else {
            ((ObjectNode) affinity).set("nodeAffinity", oldNodeAffinity.deepCopy());
        }
    }

    private static void nodeAffinityMutation(Problems out, JsonNode now, JsonNode before, FieldPath path) {
        JsonNode oldRequired = Nodes.get(before, "requiredDuringSchedulingIgnoredDuringExecution");
        if (oldRequired == null) {
            return;
        }
        List<JsonNode> oldTerms = Nodes.items(oldRequired, "nodeSelectorTerms");
        List<JsonNode> terms = Nodes.items(Nodes.get(now, "requiredDuringSchedulingIgnoredDuringExecution"), "nodeSelectorTerms");
        FieldPath termsPath = path.child("requiredDuringSchedulingIgnoredDuringExecution", "nodeSelectorTerms");
        if (!oldTerms.isEmpty() && oldTerms.size() != terms.size()) {
            out.invalid(termsPath, terms, "no additions/deletions to non-empty NodeSelectorTerms list are allowed");
            return;
        }
        for (int i = 0; i < oldTerms.size(); i++) {
            if (!onlyAdditions(terms.get(i), oldTerms.get(i))) {
                out.invalid(termsPath.index(i), terms.get(i), "only additions are allowed (no mutations or deletions)");
            }
        }
    }

    private static boolean onlyAdditions(JsonNode term, JsonNode oldTerm) {
        List<JsonNode> oldExpr = Nodes.items(oldTerm, "matchExpressions");
        List<JsonNode> oldFields = Nodes.items(oldTerm, "matchFields");
        List<JsonNode> expr = Nodes.items(term, "matchExpressions");
        List<JsonNode> fields = Nodes.items(term, "matchFields");
        if (oldExpr.isEmpty() && oldFields.isEmpty() && (!expr.isEmpty() || !fields.isEmpty())) {
            return false;
        }
        return isPrefix(oldExpr, expr) && isPrefix(oldFields, fields);
    }

    private static boolean isPrefix(List<JsonNode> prefix, List<JsonNode> list) {
        if (list.size() < prefix.size()) {
            return false;
        }
        for (int i = 0; i < prefix.size(); i++) {
            if (!Semantic.equal(prefix.get(i), list.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static void keepOldImages(ObjectNode spec, JsonNode oldSpec, String list) {
        List<JsonNode> now = new ArrayList<>();
        spec.path(list).forEach(now::add);
        List<JsonNode> before = Nodes.items(oldSpec, list);
        for (int i = 0; i < now.size() && i < before.size(); i++) {
            if (now.get(i) instanceof ObjectNode c) {
                JsonNode image = Nodes.get(before.get(i), "image");
                if (image == null) {
                    c.remove("image");
                } else {
                    c.set("image", image.deepCopy());
                }
            }
        }
    }

    private static void copyField(ObjectNode target, JsonNode source, String field) {
        JsonNode v = source == null ? null : source.get(field);
        if (v == null) {
            target.remove(field);
        } else {
            target.set(field, v.deepCopy());
        }
    }
}
