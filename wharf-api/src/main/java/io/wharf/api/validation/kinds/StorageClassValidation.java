package io.wharf.api.validation.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.validation.FieldProblem;
import io.wharf.api.validation.MetadataValidation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * storage.k8s.io/v1 StorageClass: a qualified provisioner name, bounded parameters, known
 * reclaim policy and binding mode, valid allowed topologies; once created, provisioner,
 * parameters, reclaim policy and binding mode are fixed.
 */
final class StorageClassValidation implements KindValidator {
    static final int MAX_PARAMETERS = 512;
    static final int MAX_PARAMETERS_SIZE = 256 * 1024;
    private static final List<String> RECLAIM_POLICIES = List.of("Delete", "Retain");
    private static final List<String> BINDING_MODES = List.of("Immediate", "WaitForFirstConsumer");

    @Override
    public List<FieldProblem> validate(ObjectNode storageClass) {
        Problems out = new Problems();
        String provisioner = Nodes.text(storageClass, "provisioner");
        if (provisioner.isEmpty()) {
            out.required(FieldPath.of("provisioner"), "");
        } else {
            // Provisioner names are compared case-insensitively, so only the lowercase form is checked.
            FieldChecks.qualifiedName(out, provisioner.toLowerCase(Locale.ROOT), FieldPath.of("provisioner"));
        }
        parameters(out, Nodes.stringMap(storageClass, "parameters"));
        String reclaimPolicy = Nodes.text(storageClass, "reclaimPolicy");
        if (!reclaimPolicy.isEmpty() && !RECLAIM_POLICIES.contains(reclaimPolicy)) {
            out.notSupported(FieldPath.of("reclaimPolicy"), reclaimPolicy, RECLAIM_POLICIES);
        }
        String mode = Nodes.optionalText(storageClass, "volumeBindingMode");
        if (mode == null) {
            out.required(FieldPath.of("volumeBindingMode"), "");
        } else if (!BINDING_MODES.contains(mode)) {
            out.notSupported(FieldPath.of("volumeBindingMode"), mode, BINDING_MODES);
        }
        allowedTopologies(out, Nodes.items(storageClass, "allowedTopologies"), FieldPath.of("allowedTopologies"));
        return out.list();
    }

    @Override
    public List<FieldProblem> validateUpdate(ObjectNode storageClass, ObjectNode old) {
        Problems out = new Problems();
        out.addAll(validate(storageClass));
        // Upstream compares parameters with reflect.DeepEqual: an empty map differs from none.
        if (!Objects.equals(Nodes.stringMap(storageClass, "parameters"), Nodes.stringMap(old, "parameters"))) {
            out.forbidden(FieldPath.of("parameters"), "updates to parameters are forbidden.");
        }
        if (!Nodes.text(storageClass, "provisioner").equals(Nodes.text(old, "provisioner"))) {
            out.forbidden(FieldPath.of("provisioner"), "updates to provisioner are forbidden.");
        }
        if (!Nodes.text(storageClass, "reclaimPolicy").equals(Nodes.text(old, "reclaimPolicy"))) {
            out.forbidden(FieldPath.of("reclaimPolicy"), "updates to reclaimPolicy are forbidden.");
        }
        JsonNode mode = storageClass.path("volumeBindingMode");
        FieldChecks.immutable(out, mode, old.path("volumeBindingMode"), Nodes.isSet(mode) ? mode.asText() : "null", FieldPath.of("volumeBindingMode"));
        return out.list();
    }

    private static void parameters(Problems out, Map<String, String> parameters) {
        if (parameters == null) {
            return;
        }
        FieldPath path = FieldPath.of("parameters");
        if (parameters.size() > MAX_PARAMETERS) {
            out.tooLong(path, MAX_PARAMETERS);
            return;
        }
        long size = 0;
        for (Map.Entry<String, String> e : parameters.entrySet()) {
            if (e.getKey().isEmpty()) {
                out.invalid(path, "", "field can not be empty.");
            }
            size += e.getKey().getBytes(StandardCharsets.UTF_8).length + e.getValue().getBytes(StandardCharsets.UTF_8).length;
        }
        if (size > MAX_PARAMETERS_SIZE) {
            out.tooLong(path, MAX_PARAMETERS_SIZE);
        }
    }

    /** Upstream's {@code ValidateTopologySelectorTerm} per term, plus its duplicate-term rule. */
    private static void allowedTopologies(Problems out, List<JsonNode> terms, FieldPath path) {
        List<Map<String, Set<String>>> seen = new ArrayList<>();
        for (int i = 0; i < terms.size(); i++) {
            FieldPath termPath = path.index(i);
            Map<String, Set<String>> expressions = new HashMap<>();
            List<JsonNode> requirements = Nodes.items(terms.get(i), "matchLabelExpressions");
            for (int j = 0; j < requirements.size(); j++) {
                FieldPath at = termPath.child("matchLabelExpressions").index(j);
                String key = Nodes.text(requirements.get(j), "key");
                List<String> values = Nodes.strings(requirements.get(j), "values");
                if (values.isEmpty()) {
                    out.required(at.child("values"), "");
                }
                Set<String> valueSet = new HashSet<>();
                for (int k = 0; k < values.size(); k++) {
                    if (!valueSet.add(values.get(k))) {
                        out.duplicate(at.child("values").index(k), values.get(k));
                    }
                }
                out.addAllAt(at.child("key"), MetadataValidation.validateLabelName(key));
                if (expressions.containsKey(key)) {
                    out.duplicate(at.child("key"), key);
                }
                expressions.put(key, valueSet);
            }
            // Upstream compares against a list pre-filled with empty entries, so a term without
            // expressions always counts as a duplicate.
            if (expressions.isEmpty() || seen.contains(expressions)) {
                out.duplicate(termPath.child("matchLabelExpressions"), "");
            }
            seen.add(expressions);
        }
    }
}
