package io.wharf.api.crd;

import com.fasterxml.jackson.databind.JsonNode;
import io.wharf.api.validation.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The schema part of validating an apiextensions.k8s.io/v1 CustomResourceDefinition on create:
 * every version needs a schema, each schema must be a valid structural schema whose defaults
 * validate, and what upstream reports is reported at upstream's paths. Upstream validates the
 * internal form of the CRD, where identical per-version schemas move to {@code spec.validation};
 * so a CRD whose versions share one schema (including a single-version CRD) gets errors under
 * {@code spec.validation.openAPIV3Schema}, others under
 * {@code spec.versions[i].schema.openAPIV3Schema}.
 */
public final class CrdSchemaValidation {
    /** The problems, and warnings for what this server accepts but does not enforce (CEL rules). */
    public record Result(List<FieldProblem> problems, List<String> warnings) {
        public Result {
            problems = List.copyOf(problems);
            warnings = List.copyOf(warnings);
        }
    }

    /** Upstream's JSONSchemaProps fields in declaration order, by JSON name, for the status-subresource root check. */
    private static final List<String[]> ROOT_FIELDS = List.of(
            new String[] {"id", "ID"}, new String[] {"$schema", "Schema"}, new String[] {"$ref", "Ref"},
            new String[] {"description", "Description"}, new String[] {"type", "Type"}, new String[] {"format", "Format"},
            new String[] {"title", "Title"}, new String[] {"default", "Default"}, new String[] {"maximum", "Maximum"},
            new String[] {"exclusiveMaximum", "ExclusiveMaximum"}, new String[] {"minimum", "Minimum"},
            new String[] {"exclusiveMinimum", "ExclusiveMinimum"}, new String[] {"maxLength", "MaxLength"},
            new String[] {"minLength", "MinLength"}, new String[] {"pattern", "Pattern"}, new String[] {"maxItems", "MaxItems"},
            new String[] {"minItems", "MinItems"}, new String[] {"uniqueItems", "UniqueItems"},
            new String[] {"multipleOf", "MultipleOf"}, new String[] {"enum", "Enum"},
            new String[] {"maxProperties", "MaxProperties"}, new String[] {"minProperties", "MinProperties"},
            new String[] {"required", "Required"}, new String[] {"items", "Items"}, new String[] {"allOf", "AllOf"},
            new String[] {"oneOf", "OneOf"}, new String[] {"anyOf", "AnyOf"}, new String[] {"not", "Not"},
            new String[] {"properties", "Properties"}, new String[] {"additionalProperties", "AdditionalProperties"},
            new String[] {"patternProperties", "PatternProperties"}, new String[] {"dependencies", "Dependencies"},
            new String[] {"additionalItems", "AdditionalItems"}, new String[] {"definitions", "Definitions"},
            new String[] {"externalDocs", "ExternalDocs"}, new String[] {"example", "Example"},
            new String[] {"nullable", "Nullable"}, new String[] {"x-kubernetes-preserve-unknown-fields", "XPreserveUnknownFields"},
            new String[] {"x-kubernetes-embedded-resource", "XEmbeddedResource"},
            new String[] {"x-kubernetes-int-or-string", "XIntOrString"},
            new String[] {"x-kubernetes-list-map-keys", "XListMapKeys"}, new String[] {"x-kubernetes-list-type", "XListType"},
            new String[] {"x-kubernetes-map-type", "XMapType"}, new String[] {"x-kubernetes-validations", "XValidations"});
    private static final List<String> ALLOWED_AT_STATUS_ROOT = List.of("Description", "Type", "Format", "Title", "Maximum",
            "ExclusiveMaximum", "Minimum", "ExclusiveMinimum", "MaxLength", "MinLength", "Pattern", "MaxItems", "MinItems",
            "UniqueItems", "MultipleOf", "Required", "Items", "Properties", "ExternalDocs", "Example",
            "XPreserveUnknownFields", "XValidations");

    private CrdSchemaValidation() {
    }

    /** Validates the schemas of a whole CRD object (as sent, in apiextensions.k8s.io/v1). */
    public static Result validate(JsonNode crd) {
        JsonNode spec = crd.path("spec");
        JsonNode versions = spec.path("versions");
        List<FieldProblem> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        boolean identical = versions.size() > 0;
        for (JsonNode v : versions) {
            identical &= Objects.equals(schemaOf(versions.get(0)), schemaOf(v));
        }
        JsonNode shared = identical ? versions.get(0).path("schema").path("openAPIV3Schema") : null;
        if (!SchemaParser.present(shared)) {
            for (int i = 0; i < versions.size(); i++) {
                if (!SchemaParser.present(versions.get(i).path("schema").path("openAPIV3Schema"))) {
                    problems.add(FieldProblem.required("spec.versions[" + i + "].schema.openAPIV3Schema", "schemas are required"));
                }
            }
        }
        if (spec.path("preserveUnknownFields").asBoolean(false) && anyDefaults(versions)) {
            problems.add(FieldProblem.invalid("spec.preserveUnknownFields", true, "must be false in order to use defaults in the schema"));
        }
        if (!identical) {
            for (int i = 0; i < versions.size(); i++) {
                JsonNode schema = versions.get(i).path("schema").path("openAPIV3Schema");
                if (SchemaParser.present(schema)) {
                    String at = "spec.versions[" + i + "].schema";
                    problems.addAll(validateSchema(schema, hasStatus(versions.get(i)), at));
                    warnings.addAll(ignoredRules(schema, at));
                }
            }
        } else if (SchemaParser.present(shared)) {
            boolean anyStatus = false;
            for (JsonNode v : versions) {
                anyStatus |= hasStatus(v);
            }
            problems.addAll(validateSchema(shared, anyStatus, "spec.validation"));
            warnings.addAll(ignoredRules(shared, "spec.validation"));
        }
        if (spec.path("preserveUnknownFields").asBoolean(false)) {
            problems.add(FieldProblem.invalid("spec.preserveUnknownFields", true,
                    "cannot set to true, set x-kubernetes-preserve-unknown-fields to true in spec.versions[*].schema instead"));
        }
        return new Result(problems, warnings);
    }

    private static JsonNode schemaOf(JsonNode version) {
        JsonNode schema = version.get("schema");
        return schema == null || schema.isNull() ? null : schema;
    }

    private static boolean hasStatus(JsonNode version) {
        return SchemaParser.present(version.path("subresources").get("status"));
    }

    private static boolean anyDefaults(JsonNode versions) {
        for (JsonNode v : versions) {
            if (hasDefault(v.path("schema").path("openAPIV3Schema"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasDefault(JsonNode schema) {
        if (schema == null || !schema.isContainerNode()) {
            return false;
        }
        if (schema.isObject() && SchemaParser.present(schema.get("default"))) {
            return true;
        }
        for (JsonNode child : schema) {
            if (hasDefault(child)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The problems of one {@code openAPIV3Schema}, at {@code validationPath} + ".openAPIV3Schema"
     * ({@code spec.validation} or {@code spec.versions[i].schema}).
     */
    public static List<FieldProblem> validateSchema(JsonNode schema, boolean statusSubresource, String validationPath) {
        String path = validationPath + ".openAPIV3Schema";
        List<FieldProblem> problems = new ArrayList<>();
        if (statusSubresource) {
            statusRoot(schema, path, problems);
        }
        if (schema.path("nullable").asBoolean(false)) {
            problems.add(FieldProblem.forbidden(path + ".nullable", "nullable cannot be true at the root"));
        }
        FieldProblem conversionError = null;
        StructuralSchema structural = null;
        try {
            structural = StructuralSchema.parse(schema);
        } catch (IllegalArgumentException e) {
            conversionError = FieldProblem.invalid(path, "", e.getMessage());
        }
        if (structural != null) {
            List<FieldProblem> structuralProblems = StructuralValidation.validate(structural, path);
            problems.addAll(structuralProblems.isEmpty() ? DefaultsValidation.validate(structural, path) : structuralProblems);
        }
        problems.addAll(OpenApiSchemaRules.validate(schema, path));
        // conversion errors repeat what the rules report, so they only show when nothing else does
        if (problems.isEmpty() && conversionError != null) {
            problems.add(conversionError);
        }
        return problems;
    }

    /** With a status subresource the root may only hold what still applies once status is split off. */
    private static void statusRoot(JsonNode schema, String path, List<FieldProblem> problems) {
        for (String[] field : ROOT_FIELDS) {
            JsonNode value = schema.get(field[0]);
            if (isZero(field[1], value)) {
                continue;
            }
            if (field[1].equals("Type")) {
                if (!"object".equals(value.asText())) {
                    problems.add(FieldProblem.invalid(path + ".type", value.asText(),
                            "only \"object\" is allowed as the type at the root of the schema if the status subresource is enabled"));
                    return;
                }
                continue;
            }
            if (!ALLOWED_AT_STATUS_ROOT.contains(field[1])) {
                problems.add(FieldProblem.invalid(path, GoFormat.badValue(schema), "only [" + String.join(" ", ALLOWED_AT_STATUS_ROOT)
                        + "] fields are allowed at the root of the schema if the status subresource is enabled"));
                return;
            }
        }
    }

    /** Go's zero value of the field: absent, or false/"" for the non-pointer booleans and strings. */
    private static boolean isZero(String goField, JsonNode value) {
        if (value == null || value.isNull()) {
            return true;
        }
        return switch (goField) {
            case "ExclusiveMaximum", "ExclusiveMinimum", "UniqueItems", "Nullable", "XEmbeddedResource", "XIntOrString" ->
                    !value.asBoolean(false);
            case "ID", "Schema", "Description", "Type", "Format", "Title", "Pattern" -> value.isTextual() && value.textValue().isEmpty();
            default -> false;
        };
    }

    private static List<String> ignoredRules(JsonNode schema, String validationPath) {
        List<String> out = new ArrayList<>();
        try {
            for (String rule : new CustomResourceValidator(StructuralSchema.parse(schema)).ignoredValidationRules()) {
                out.add(validationPath + "." + rule);
            }
        } catch (IllegalArgumentException e) {
            // an unreadable schema has already been reported as a problem
        }
        return out;
    }
}
