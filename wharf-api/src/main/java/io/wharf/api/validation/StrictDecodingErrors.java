package io.wharf.api.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.schema.Definition;
import io.wharf.api.schema.Property;
import io.wharf.api.schema.Schema;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The errors upstream's strict decoding reports for a body decoded into a built-in kind, in its
 * words and order, and how the API server passes them on.
 *
 * <p>For JSON: unknown and duplicate fields in the order the decoder meets them, each once, at
 * most {@value #MAX_FIELD_ERRORS}. A duplicate counts only where the Go decoder checks for one:
 * in a struct or map it decodes, for a key the struct declares; not inside unknown fields or
 * free-form values, which it skips or hands over whole.
 *
 * <p>For YAML: one error listing every repeated key by line, as the strict YAML-to-JSON
 * conversion words it, then the unknown fields of the converted JSON, whose keys Go wrote sorted.
 *
 * <p>Bodies decoded untyped (custom resources, merge and strategic merge patches, JSON patch
 * values) have no unknown fields of their own, and every repeated key counts. A patched object's
 * unknown fields are found once the patch is applied, in the order the patch machinery meets them.
 */
public final class StrictDecodingErrors {
    static final int MAX_FIELD_ERRORS = 100;
    private static final String YAML_ERRORS = "yaml: unmarshal errors:\n";
    private static final String CONVERTING_YAML = "error converting YAML to JSON: ";
    private static final String JSON_PATCH = "json patch ";
    /** The fields of one JSON patch operation, as upstream's decoder declares them. */
    private static final Set<String> JSON_PATCH_OP_FIELDS = Set.of("op", "path", "from", "value");

    private StrictDecodingErrors() {
    }

    /** The strict decoding errors of {@code document} read as a {@code kind}; empty when it is clean. */
    public static List<String> of(LenientDocument document, Definition kind) {
        if (document.syntax() == LenientDocument.Syntax.YAML) {
            return yaml(document, kind);
        }
        List<FieldFinding> findings = new ArrayList<>(UnknownFields.find(document.value(), kind));
        for (FieldFinding d : document.duplicateFields()) {
            if (checkedForDuplicates(kind, d.path())) {
                findings.add(d);
            }
        }
        findings.sort(Comparator.comparing(FieldFinding::order));
        return capped(findings);
    }

    private static List<String> yaml(LenientDocument document, Definition kind) {
        List<String> errors = new ArrayList<>();
        yamlDuplicates(document).ifPresent(errors::add);
        errors.addAll(capped(UnknownFields.find(document.value(), kind, UnknownFields.KeyOrder.SORTED)));
        return errors;
    }

    /** The strict YAML conversion's one error naming every repeated key by line, if there is one. */
    private static Optional<String> yamlDuplicates(LenientDocument document) {
        if (document.yamlDuplicateKeys().isEmpty()) {
            return Optional.empty();
        }
        StringBuilder e = new StringBuilder(YAML_ERRORS);
        for (int i = 0; i < document.yamlDuplicateKeys().size(); i++) {
            e.append(i == 0 ? "  " : "\n  ").append(document.yamlDuplicateKeys().get(i).message());
        }
        return Optional.of(e.toString());
    }

    /**
     * The errors of a body decoded untyped: every repeated key wherever it is, in document order
     * (read it with {@link LenientParser#jsonUntyped}), or for YAML the conversion's error.
     */
    public static List<String> untyped(LenientDocument document) {
        if (document.syntax() == LenientDocument.Syntax.YAML) {
            return yamlDuplicates(document).map(List::of).orElse(List.of());
        }
        return capped(document.duplicateFields());
    }

    /**
     * The errors of a JSON patch (read with {@link LenientParser#jsonUntyped}), each prefixed
     * {@code json patch}: keys an operation does not declare ({@code json patch unknown field "[0].foo"}),
     * declared keys given twice, and keys given twice inside an operation's value.
     */
    public static List<String> jsonPatch(LenientDocument document) {
        List<FieldFinding> findings = new ArrayList<>();
        if (document.value() instanceof ArrayNode ops) {
            for (int i = 0; i < ops.size(); i++) {
                if (!(ops.get(i) instanceof ObjectNode op)) {
                    continue;
                }
                int ordinal = 0;
                for (Iterator<String> names = op.fieldNames(); names.hasNext(); ordinal++) {
                    String key = names.next();
                    if (!JSON_PATCH_OP_FIELDS.contains(key)) {
                        findings.add(new FieldFinding(FieldFinding.Problem.UNKNOWN, FieldPath.ROOT.index(i).key(key),
                                new DocumentOrder(List.of(i, ordinal), false)));
                    }
                }
            }
        }
        for (FieldFinding d : document.duplicateFields()) {
            List<Object> s = d.path().segments();
            // an operation's own fields are typed; its value is free-form, where every key counts
            if (s.size() >= 2 && s.get(0) instanceof Integer && s.get(1) instanceof String key
                    && (s.size() == 2 ? JSON_PATCH_OP_FIELDS.contains(key) : key.equals("value"))) {
                findings.add(d);
            }
        }
        findings.sort(Comparator.comparing(FieldFinding::order));
        return capped(findings).stream().map(e -> JSON_PATCH + e).toList();
    }

    /**
     * The error of an apply patch's strict YAML reading ({@code error converting YAML to JSON:
     * yaml: unmarshal errors: ...}), for a configuration with repeated keys; upstream refuses
     * such a patch under Strict with {@code error strict decoding YAML: } in front.
     */
    public static Optional<String> applyPatch(LenientDocument yaml) {
        return yamlDuplicates(yaml).map(e -> CONVERTING_YAML + e);
    }

    /**
     * The unknown fields of an object patched by a JSON or merge patch. The patch library writes
     * the objects it touches with sorted keys, and only those can hold new fields.
     */
    public static List<String> unknownFieldsOfPatchedJson(JsonNode patched, Definition kind) {
        return capped(UnknownFields.find(patched, kind, UnknownFields.KeyOrder.SORTED));
    }

    /**
     * The unknown fields of an object patched by a strategic merge patch, as the conversion from
     * the patched map reports them: every one, sorted by text.
     */
    public static List<String> unknownFieldsOfPatchedMap(JsonNode patched, Definition kind) {
        Set<String> messages = new LinkedHashSet<>();
        for (FieldFinding f : UnknownFields.find(patched, kind)) {
            messages.add(f.message());
        }
        return messages.stream().sorted(UnknownFields.BYTEWISE).toList();
    }

    private static List<String> capped(List<FieldFinding> findings) {
        Set<String> messages = new LinkedHashSet<>();
        for (FieldFinding f : findings) {
            if (messages.size() == MAX_FIELD_ERRORS) {
                break;
            }
            messages.add(f.message());
        }
        return List.copyOf(messages);
    }

    /** Upstream's error for them: {@code strict decoding error: unknown field "a", duplicate field "b"}. */
    public static String message(List<String> errors) {
        return "strict decoding error: " + String.join(", ", errors);
    }

    /**
     * The warnings upstream sends for errors under {@link FieldValidation#WARN}: one per error, and
     * one per line of a YAML error.
     */
    public static List<String> warnings(List<String> errors) {
        List<String> out = new ArrayList<>();
        for (String e : errors) {
            String lines = e.startsWith(YAML_ERRORS) ? e.substring(YAML_ERRORS.length())
                    : e.startsWith(CONVERTING_YAML + YAML_ERRORS) ? e.substring(CONVERTING_YAML.length() + YAML_ERRORS.length())
                    : null;
            if (lines == null) {
                out.add(e);
            } else {
                for (String line : lines.split("\n", -1)) {
                    out.add(line.trim());
                }
            }
        }
        return out;
    }

    /**
     * Whether Go's decoder checks the object holding {@code path} for repeated keys: it must be a
     * struct or a map the decoder fills field by field, and a struct must declare the key.
     */
    static boolean checkedForDuplicates(Definition kind, FieldPath path) {
        Object at = kind;
        for (Object segment : path.parent().segments()) {
            at = step(at, segment);
            if (at == null) {
                return false;
            }
        }
        at = resolve(at);
        if (at instanceof Definition d) {
            return d.kind() == Definition.Kind.OBJECT && path.last() instanceof String key && d.property(key) != null;
        }
        return at instanceof Schema.MapOf;
    }

    /** One step down the schema: a definition or a schema, or null where decoding stops being typed. */
    private static Object step(Object at, Object segment) {
        Object here = resolve(at);
        if (here instanceof Definition d && d.kind() == Definition.Kind.OBJECT && segment instanceof String key) {
            Property p = d.property(key);
            return p == null ? null : p.schema();
        }
        if (here instanceof Schema.ArrayOf a && segment instanceof Integer) {
            return a.items();
        }
        if (here instanceof Schema.MapOf m && segment instanceof String) {
            return m.values();
        }
        return null;
    }

    private static Object resolve(Object at) {
        return at instanceof Schema.Ref r ? r.target() : at;
    }
}
