package io.wharf.api.crd;

import com.fasterxml.jackson.databind.JsonNode;
import io.wharf.api.validation.FieldProblem;
import io.wharf.api.validation.NameValidation;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks the objects a custom resource embeds ({@code x-kubernetes-embedded-resource}): each
 * needs an apiVersion and a kind that could name a type, and metadata that decodes and validates
 * as ObjectMeta. The resource's own root metadata is the server's business and is not looked at.
 */
final class EmbeddedResourceValidation {
    private EmbeddedResourceValidation() {
    }

    static List<FieldProblem> validate(String path, JsonNode value, StructuralSchema s) {
        List<FieldProblem> out = new ArrayList<>();
        walk(path, value, s, out);
        return out;
    }

    private static void walk(String path, JsonNode x, StructuralSchema s, List<FieldProblem> out) {
        if (s == null || x == null) {
            return;
        }
        if (x.isObject()) {
            if (s.embeddedResource) {
                embedded(path, x, out);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = x.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                StructuralSchema property = s.property(e.getKey());
                if (property != null) {
                    walk(Paths.child(path, e.getKey()), e.getValue(), property, out);
                } else if (s.additionalProperties != null) {
                    walk(Paths.key(path, e.getKey()), e.getValue(), s.additionalPropertiesSchema(), out);
                }
            }
        } else if (x.isArray()) {
            for (int i = 0; i < x.size(); i++) {
                walk(Paths.index(path, i), x.get(i), s.items, out);
            }
        }
    }

    private static void embedded(String path, JsonNode x, List<FieldProblem> out) {
        if (!x.has("apiVersion")) {
            out.add(FieldProblem.required(Paths.child(path, "apiVersion"), "must not be empty"));
        }
        if (!x.has("kind")) {
            out.add(FieldProblem.required(Paths.child(path, "kind"), "must not be empty"));
        }
        JsonNode apiVersion = x.get("apiVersion");
        if (apiVersion != null) {
            String at = Paths.child(path, "apiVersion");
            if (!apiVersion.isTextual()) {
                out.add(FieldProblem.invalid(at, GoFormat.badValue(apiVersion), "must be a string"));
            } else if (apiVersion.textValue().isEmpty()) {
                out.add(FieldProblem.invalid(at, "", "must not be empty"));
            } else if (apiVersion.textValue().chars().filter(c -> c == '/').count() > 1) {
                out.add(FieldProblem.invalid(at, apiVersion.textValue(),
                        "unexpected GroupVersion string: " + apiVersion.textValue()));
            }
        }
        JsonNode kind = x.get("kind");
        if (kind != null) {
            String at = Paths.child(path, "kind");
            if (!kind.isTextual()) {
                out.add(FieldProblem.invalid(at, GoFormat.badValue(kind), "must be a string"));
            } else if (kind.textValue().isEmpty()) {
                out.add(FieldProblem.invalid(at, "", "must not be empty"));
            } else {
                List<String> errs = NameValidation.isDNS1035Label(kind.textValue().toLowerCase(Locale.ROOT));
                if (!errs.isEmpty()) {
                    out.add(FieldProblem.invalid(at, kind.textValue(),
                            "may have mixed case, but should otherwise match: " + String.join(",", errs)));
                }
            }
        }
        JsonNode metadata = x.get("metadata");
        if (metadata != null) {
            String at = Paths.child(path, "metadata");
            String decodeError = EmbeddedObjectMeta.decodeError(metadata);
            if (decodeError != null) {
                out.add(FieldProblem.invalid(at, GoFormat.badValue(metadata), decodeError));
            } else if (metadata.isObject()) {
                out.addAll(EmbeddedObjectMeta.validate(metadata, at));
            }
        }
    }
}
