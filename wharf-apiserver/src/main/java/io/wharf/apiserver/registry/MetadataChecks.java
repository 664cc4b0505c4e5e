package io.wharf.apiserver.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import io.wharf.api.validation.FieldProblem;
import io.wharf.api.validation.MetadataValidation;
import io.wharf.api.validation.NameValidation;
import io.wharf.api.validation.FieldProblem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Upstream's ObjectMeta validation, shared by every kind, on create and on update. */
final class MetadataChecks {
    private MetadataChecks() {
    }

    static List<FieldProblem> validate(ObjectNode obj, boolean namespaced, ResourceStrategy strategy) {
        List<FieldProblem> errors = new ArrayList<>();
        JsonNode meta = obj.path("metadata");
        String name = Json.text(obj, "metadata", "name");
        String generateName = Json.text(obj, "metadata", "generateName");
        if (name == null || name.isEmpty()) {
            errors.add(FieldProblem.required("metadata.name", "name or generateName is required"));
        } else {
            for (String msg : strategy.validateName(name)) {
                errors.add(FieldProblem.invalid("metadata.name", name, msg));
            }
        }
        if (generateName != null && !generateName.isEmpty()) {
            // a prefix may end in '-' or '.', which a full name may not: check it with a filler appended
            for (String msg : strategy.validateName(generateName + "x")) {
                errors.add(FieldProblem.invalid("metadata.generateName", generateName, msg));
            }
        }
        String ns = Json.text(obj, "metadata", "namespace");
        if (namespaced) {
            if (ns == null || ns.isEmpty()) {
                errors.add(FieldProblem.required("metadata.namespace", ""));
            } else {
                for (String msg : NameValidation.isDNS1123Label(ns)) {
                    errors.add(FieldProblem.invalid("metadata.namespace", ns, msg));
                }
            }
        } else if (ns != null && !ns.isEmpty()) {
            errors.add(FieldProblem.forbidden("metadata.namespace", "not allowed on this type"));
        }
        errors.addAll(problems("metadata.labels", MetadataValidation.validateLabels(Meta.stringMap(meta.get("labels")))));
        errors.addAll(problems("metadata.annotations", MetadataValidation.validateAnnotations(Meta.stringMap(meta.get("annotations")))));
        errors.addAll(finalizers(meta.get("finalizers")));
        errors.addAll(ownerReferences(meta.get("ownerReferences")));
        return errors;
    }

    static List<FieldProblem> validateUpdate(ObjectNode obj, ObjectNode old, boolean namespaced, ResourceStrategy strategy) {
        List<FieldProblem> errors = new ArrayList<>(validate(obj, namespaced, strategy));
        immutable(errors, obj, old, "name");
        immutable(errors, obj, old, "namespace");
        immutable(errors, obj, old, "uid");
        immutable(errors, obj, old, "creationTimestamp");
        // only a delete starts a deletion or sets its grace period
        immutable(errors, obj, old, "deletionTimestamp");
        immutable(errors, obj, old, "deletionGracePeriodSeconds");
        if (Meta.isDeleting(old)) {
            Set<String> before = new HashSet<>();
            old.path("metadata").path("finalizers").forEach(f -> before.add(f.asText()));
            for (JsonNode f : obj.path("metadata").path("finalizers")) {
                if (!before.contains(f.asText())) {
                    errors.add(FieldProblem.forbidden("metadata.finalizers", "no new finalizers can be added if the object is being deleted, found new finalizers [\""
                            + f.asText() + "\"]"));
                    break;
                }
            }
        }
        return errors;
    }

    private static void immutable(List<FieldProblem> errors, ObjectNode obj, ObjectNode old, String field) {
        JsonNode now = obj.path("metadata").get(field);
        JsonNode was = old.path("metadata").get(field);
        String a = now == null || now.isNull() ? "" : now.asText();
        String b = was == null || was.isNull() ? "" : was.asText();
        if (!Objects.equals(a, b)) {
            errors.add(FieldProblem.invalid("metadata." + field, now == null || now.isNull() ? a : now, "field is immutable"));
        }
    }

    private static List<FieldProblem> problems(String base, List<FieldProblem> ps) {
        List<FieldProblem> out = new ArrayList<>();
        for (FieldProblem p : ps) {
            out.add(p.withPathPrefix(base));
        }
        return out;
    }

    private static List<FieldProblem> finalizers(JsonNode finalizers) {
        List<FieldProblem> out = new ArrayList<>();
        if (finalizers == null || !finalizers.isArray()) {
            return out;
        }
        boolean orphan = false;
        boolean foreground = false;
        for (JsonNode f : finalizers) {
            String v = f.asText();
            for (String msg : NameValidation.isQualifiedName(v)) {
                out.add(FieldProblem.invalid("metadata.finalizers", v, msg));
            }
            orphan |= v.equals("orphan");
            foreground |= v.equals("foregroundDeletion");
        }
        if (orphan && foreground) {
            out.add(FieldProblem.invalid("metadata.finalizers", finalizers.toString(),
                    "finalizer orphan and foregroundDeletion cannot be both set"));
        }
        return out;
    }

    private static List<FieldProblem> ownerReferences(JsonNode refs) {
        List<FieldProblem> out = new ArrayList<>();
        if (refs == null || !refs.isArray()) {
            return out;
        }
        int controllers = 0;
        for (int i = 0; i < refs.size(); i++) {
            JsonNode r = refs.get(i);
            String p = "metadata.ownerReferences[" + i + "]";
            for (String f : List.of("apiVersion", "kind", "name", "uid")) {
                if (r.path(f).asText("").isEmpty()) {
                    out.add(FieldProblem.invalid(p + "." + f, "", "must not be empty"));
                }
            }
            if (r.path("controller").asBoolean(false)) {
                controllers++;
            }
        }
        if (controllers > 1) {
            out.add(FieldProblem.invalid("metadata.ownerReferences", refs.toString(), "Only one reference can have Controller set to true"));
        }
        return out;
    }
}
