package io.wharf.api.crd;

import io.wharf.api.validation.FieldProblem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Upstream's check that a schema is structural ({@code ValidateStructural}): every node has a
 * type (unless it preserves unknown fields or is int-or-string), value-validation branches only
 * validate what the structure already specifies, metadata at the root restricts at most name and
 * generateName, and the embedded-resource and int-or-string extensions are used consistently.
 */
public final class StructuralValidation {
    private enum Level { ROOT, ITEM, FIELD }

    private StructuralValidation() {
    }

    /**
     * The problems of a schema at {@code path} (e.g. {@code spec.versions[0].schema.openAPIV3Schema}),
     * sorted by message as upstream sorts them.
     */
    public static List<FieldProblem> validate(StructuralSchema schema, String path) {
        List<FieldProblem> problems = new ArrayList<>();
        invariants(schema, Level.ROOT, path, problems);
        completeness(schema, path, problems);
        problems.sort(Comparator.comparing(FieldProblem::message));
        return problems;
    }

    private static void invariants(StructuralSchema s, Level level, String path, List<FieldProblem> out) {
        if (s == null) {
            return;
        }
        if ("array".equals(s.type) && s.items == null) {
            out.add(FieldProblem.required(path + ".items", "must be specified"));
        }
        invariants(s.items, Level.ITEM, path + ".items", out);
        for (Map.Entry<String, StructuralSchema> p : s.properties().entrySet()) {
            invariants(p.getValue(), Level.FIELD, path + ".properties[" + p.getKey() + "]", out);
        }
        if (s.additionalProperties != null) {
            if (level == Level.ROOT) {
                out.add(FieldProblem.forbidden(path + ".additionalProperties", "must not be used at the root"));
            }
            invariants(s.additionalProperties.schema(), Level.FIELD, path + ".additionalProperties", out);
        }
        if (s.intOrString && s.preserveUnknownFields) {
            out.add(FieldProblem.invalid(path + ".x-kubernetes-preserve-unknown-fields", true,
                    "must be false if x-kubernetes-int-or-string is true"));
        }
        if (s.intOrString && s.embeddedResource) {
            out.add(FieldProblem.invalid(path + ".x-kubernetes-embedded-resource", true,
                    "must be false if x-kubernetes-int-or-string is true"));
        }
        valueValidation(s, isIntOrStringAnyOf(s), isIntOrStringAllOf(s), path, out);

        boolean checkMetadata = level == Level.ROOT || s.embeddedResource;
        if (s.embeddedResource && !"object".equals(s.type)) {
            if (s.type.isEmpty()) {
                out.add(FieldProblem.required(path + ".type", "must be object if x-kubernetes-embedded-resource is true"));
            } else {
                out.add(FieldProblem.invalid(path + ".type", s.type, "must be object if x-kubernetes-embedded-resource is true"));
            }
        } else if (s.type.isEmpty() && !s.intOrString && !s.preserveUnknownFields) {
            String detail = switch (level) {
                case ROOT -> "must not be empty at the root";
                case ITEM -> "must not be empty for specified array items";
                case FIELD -> "must not be empty for specified object fields";
            };
            out.add(FieldProblem.required(path + ".type", detail));
        }
        if (s.embeddedResource && s.additionalProperties != null) {
            out.add(FieldProblem.forbidden(path + ".additionalProperties", "must not be used if x-kubernetes-embedded-resource is set"));
        }
        if (level == Level.ROOT && !s.type.isEmpty() && !"object".equals(s.type)) {
            out.add(FieldProblem.invalid(path + ".type", s.type, "must be object at the root"));
        }
        for (String typeMeta : List.of("kind", "apiVersion")) {
            StructuralSchema p = s.property(typeMeta);
            if (p != null && checkMetadata && !"string".equals(p.type)) {
                out.add(FieldProblem.invalid(path + ".properties[" + typeMeta + "].type", p.type, "must be string"));
            }
        }
        StructuralSchema metadata = s.property("metadata");
        if (metadata != null) {
            metadataInvariants(metadata, checkMetadata, level, path + ".properties[metadata]", out);
        }
        if (s.embeddedResource && !s.preserveUnknownFields && s.properties().isEmpty()) {
            out.add(FieldProblem.required(path + ".properties",
                    "must not be empty if x-kubernetes-embedded-resource is true without x-kubernetes-preserve-unknown-fields"));
        }
    }

    /** The server fills metadata itself, so a root schema may only narrow name and generateName. */
    private static void metadataInvariants(StructuralSchema s, boolean checkMetadata, Level level, String path,
                                           List<FieldProblem> out) {
        if (checkMetadata && !"object".equals(s.type)) {
            out.add(FieldProblem.invalid(path + ".type", s.type, "must be object"));
        }
        if (level != Level.ROOT) {
            return;
        }
        StructuralSchema rest = s.copy();
        Set<String> names = s.properties().keySet();
        boolean onlyNames = !names.isEmpty() && Set.of("name", "generateName").containsAll(names);
        if (onlyNames) {
            rest.properties = null;
        }
        rest.type = "";
        rest.defaultValue = null;
        if (!rest.isEmpty()) {
            out.add(FieldProblem.forbidden(path,
                    "must not specify anything other than name and generateName, but metadata is implicitly specified"));
        }
    }

    /** anyOf: [{type: integer}, {type: string}], the int-or-string spelling structural schemas allow. */
    private static boolean isIntOrStringAnyOf(StructuralSchema s) {
        return s.anyOf.size() == 2 && s.anyOf.get(0).hasOnlyType("integer") && s.anyOf.get(1).hasOnlyType("string");
    }

    private static boolean isIntOrStringAllOf(StructuralSchema s) {
        return !s.allOf.isEmpty() && isIntOrStringAnyOf(s.allOf.get(0));
    }

    private static void valueValidation(StructuralSchema v, boolean skipAnyOf, boolean skipFirstAllOfAnyOf,
                                        String path, List<FieldProblem> out) {
        if (!skipAnyOf) {
            for (int i = 0; i < v.anyOf.size(); i++) {
                nested(v.anyOf.get(i), false, path + ".anyOf[" + i + "]", out);
            }
        }
        for (int i = 0; i < v.allOf.size(); i++) {
            nested(v.allOf.get(i), skipFirstAllOfAnyOf && i == 0, path + ".allOf[" + i + "]", out);
        }
        for (int i = 0; i < v.oneOf.size(); i++) {
            nested(v.oneOf.get(i), false, path + ".oneOf[" + i + "]", out);
        }
        if (v.not != null) {
            nested(v.not, false, path + ".not", out);
        }
        if (!v.pattern.isEmpty()) {
            String error = GoRegex.compileError(v.pattern);
            if (error != null) {
                out.add(FieldProblem.invalid(path + ".pattern", v.pattern,
                        "must be a valid regular expression, but isn't: " + error));
            }
        }
    }

    /** A branch under allOf/anyOf/oneOf/not may validate values but must not add structure. */
    private static void nested(StructuralSchema v, boolean skipAnyOf, String path, List<FieldProblem> out) {
        valueValidation(v, skipAnyOf, false, path, out);
        if (v.items != null) {
            nested(v.items, false, path + ".items", out);
        }
        for (Map.Entry<String, StructuralSchema> p : v.properties().entrySet()) {
            nested(p.getValue(), false, path + ".properties[" + p.getKey() + "]", out);
        }
        if (!v.type.isEmpty()) {
            out.add(FieldProblem.forbidden(path + ".type", "must be empty to be structural"));
        }
        // upstream's conversion drops "additionalProperties: false" from branches, so only allowing ones count
        if (v.additionalProperties != null && v.additionalProperties.allows()) {
            out.add(FieldProblem.forbidden(path + ".additionalProperties", "must be undefined to be structural"));
        }
        if (v.defaultValue != null) {
            out.add(FieldProblem.forbidden(path + ".default", "must be undefined to be structural"));
        }
        if (!v.title.isEmpty()) {
            out.add(FieldProblem.forbidden(path + ".title", "must be empty to be structural"));
        }
        if (!v.description.isEmpty()) {
            out.add(FieldProblem.forbidden(path + ".description", "must be empty to be structural"));
        }
        if (v.nullable) {
            out.add(FieldProblem.forbidden(path + ".nullable", "must be false to be structural"));
        }
        if (v.preserveUnknownFields) {
            out.add(FieldProblem.forbidden(path + ".x-kubernetes-preserve-unknown-fields", "must be false to be structural"));
        }
        if (v.embeddedResource) {
            out.add(FieldProblem.forbidden(path + ".x-kubernetes-embedded-resource", "must be false to be structural"));
        }
        if (v.intOrString) {
            out.add(FieldProblem.forbidden(path + ".x-kubernetes-int-or-string", "must be false to be structural"));
        }
        if (!v.listMapKeys.isEmpty()) {
            out.add(FieldProblem.forbidden(path + ".x-kubernetes-list-map-keys", "must be empty to be structural"));
        }
        if (v.listType != null) {
            out.add(FieldProblem.forbidden(path + ".x-kubernetes-list-type", "must be undefined to be structural"));
        }
        if (v.mapType != null) {
            out.add(FieldProblem.forbidden(path + ".x-kubernetes-map-type", "must be undefined to be structural"));
        }
        if (v.validationRules != null) {
            out.add(FieldProblem.forbidden(path + ".x-kubernetes-validations", "must be empty to be structural"));
        }
        if (v.property("metadata") != null) {
            out.add(FieldProblem.forbidden(path + ".properties[metadata]", "must not be specified in a nested context"));
        }
    }

    /** Every field or item a value-validation branch mentions must also exist in the structure. */
    private static void completeness(StructuralSchema s, String path, List<FieldProblem> out) {
        if (s != null) {
            branchesComplete(s, s, path, path, out);
        }
    }

    private static void branchesComplete(StructuralSchema v, StructuralSchema s, String sPath, String vPath,
                                         List<FieldProblem> out) {
        if (v.not != null) {
            nestedComplete(v.not, s, sPath, vPath + ".not", out);
        }
        for (int i = 0; i < v.allOf.size(); i++) {
            nestedComplete(v.allOf.get(i), s, sPath, vPath + ".allOf[" + i + "]", out);
        }
        for (int i = 0; i < v.anyOf.size(); i++) {
            nestedComplete(v.anyOf.get(i), s, sPath, vPath + ".anyOf[" + i + "]", out);
        }
        for (int i = 0; i < v.oneOf.size(); i++) {
            nestedComplete(v.oneOf.get(i), s, sPath, vPath + ".oneOf[" + i + "]", out);
        }
    }

    private static void nestedComplete(StructuralSchema v, StructuralSchema s, String sPath, String vPath,
                                       List<FieldProblem> out) {
        if (v == null) {
            return;
        }
        if (s == null) {
            out.add(FieldProblem.required(sPath, "because it is defined in " + vPath));
            return;
        }
        branchesComplete(v, s, sPath, vPath, out);
        if (v.items != null) {
            nestedComplete(v.items, s.items, sPath + ".items", vPath + ".items", out);
        }
        for (Map.Entry<String, StructuralSchema> p : v.properties().entrySet()) {
            String key = "[" + p.getKey() + "]";
            StructuralSchema sField = s.property(p.getKey());
            if (sField == null) {
                out.add(FieldProblem.required(sPath + ".properties" + key, "because it is defined in " + vPath + ".properties" + key));
            } else {
                nestedComplete(p.getValue(), sField, sPath + ".properties" + key, vPath + ".properties" + key, out);
            }
        }
    }
}
