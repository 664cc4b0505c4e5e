package io.wharf.api.crd;

import com.fasterxml.jackson.databind.JsonNode;
import io.wharf.api.validation.FieldProblem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules a CRD's OpenAPI schema must follow besides being structural, checked on the schema
 * as written ({@code ValidateCustomResourceDefinitionOpenAPISchema} with upstream's create-time
 * options): no unsupported JSON-schema keywords, no defaults in the resource's own metadata,
 * consistent {@code x-kubernetes-list-type}/{@code list-map-keys}/{@code map-type}, and
 * well-formed {@code x-kubernetes-validations} entries (whose CEL is not compiled here).
 */
final class OpenApiSchemaRules {
    private static final List<String> OPENAPI_TYPES = List.of("array", "boolean", "integer", "number", "object", "string");
    private static final Set<String> META_FIELDS = Set.of("metadata", "kind", "apiVersion");
    private static final List<String> RULE_REASONS =
            List.of("FieldValueDuplicate", "FieldValueForbidden", "FieldValueInvalid", "FieldValueRequired");

    /** What the position in the schema permits: upstream's {@code specStandardValidatorV3} state. */
    private record Context(boolean allowDefaults, String disallowDefaultsReason, boolean insideResourceMeta) {
        Context withForbiddenDefaults(String reason) {
            return new Context(false, reason, insideResourceMeta);
        }

        Context withInsideResourceMeta() {
            return new Context(allowDefaults, disallowDefaultsReason, true);
        }
    }

    private final List<FieldProblem> out = new ArrayList<>();

    private OpenApiSchemaRules() {
    }

    static List<FieldProblem> validate(JsonNode schema, String path) {
        OpenApiSchemaRules rules = new OpenApiSchemaRules();
        rules.walk(schema, path, new Context(true, "", false), true);
        return rules.out;
    }

    private void walk(JsonNode schema, String path, Context ctx, boolean isRoot) {
        if (schema == null || !schema.isObject()) {
            return;
        }
        keywords(schema, path, ctx);
        if (schema.path("uniqueItems").asBoolean(false)) {
            out.add(FieldProblem.forbidden(path + ".uniqueItems",
                    "uniqueItems cannot be set to true since the runtime complexity becomes quadratic"));
        }
        JsonNode properties = schema.get("properties");
        boolean hasProperties = properties != null && properties.isObject() && properties.size() > 0;
        JsonNode additional = schema.get("additionalProperties");
        if (SchemaParser.present(additional)) {
            if (hasProperties && (additional.isObject() || !additional.asBoolean(true))) {
                out.add(FieldProblem.forbidden(path + ".additionalProperties", "additionalProperties and properties are mutual exclusive"));
            }
            // defaults under a map in metadata cannot be pruned without the actual keys
            Context sub = ctx.insideResourceMeta() ? ctx.withForbiddenDefaults("inside additionalProperties applying to object metadata") : ctx;
            walk(additional, path + ".additionalProperties", sub, false);
        }
        boolean embedded = schema.path("x-kubernetes-embedded-resource").asBoolean(false);
        if (hasProperties) {
            for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> p = it.next();
                Context sub = ctx;
                if ((isRoot || embedded) && META_FIELDS.contains(p.getKey())) {
                    sub = sub.withInsideResourceMeta();
                    if (isRoot) {
                        sub = sub.withForbiddenDefaults("in top-level " + p.getKey());
                    }
                }
                walk(p.getValue(), path + ".properties[" + p.getKey() + "]", sub, false);
            }
        }
        walk(schema.get("not"), path + ".not", ctx, false);
        for (String junctor : List.of("allOf", "oneOf", "anyOf")) {
            JsonNode list = schema.get(junctor);
            if (list != null && list.isArray()) {
                for (int i = 0; i < list.size(); i++) {
                    walk(list.get(i), path + "." + junctor + "[" + i + "]", ctx, false);
                }
            }
        }
        walkKeyed(schema, "definitions", path, ctx);
        JsonNode items = schema.get("items");
        if (items != null && items.isObject()) {
            walk(items, path + ".items", ctx, false);
        } else if (items != null && items.isArray()) {
            for (int i = 0; i < items.size(); i++) {
                walk(items.get(i), path + ".items[" + i + "]", ctx, false);
            }
        }
        walkKeyed(schema, "dependencies", path, ctx);
        extensions(schema, path);
        listKeysOfMapsAndSets(schema, path);
        validationRules(schema, path);
    }

    private void walkKeyed(JsonNode schema, String keyword, String path, Context ctx) {
        JsonNode map = schema.get(keyword);
        if (map != null && map.isObject()) {
            map.fields().forEachRemaining(e -> walk(e.getValue(), path + "." + keyword + "[" + e.getKey() + "]", ctx, false));
        }
    }

    /** The keywords CRD schemas do not support, and where defaults may not be. */
    private void keywords(JsonNode schema, String path, Context ctx) {
        String type = text(schema, "type");
        if (!type.isEmpty() && !OPENAPI_TYPES.contains(type)) {
            out.add(FieldProblem.notSupported(path + ".type", type, OPENAPI_TYPES));
        }
        if (SchemaParser.present(schema.get("default")) && !ctx.allowDefaults()) {
            String reason = ctx.disallowDefaultsReason().isEmpty() ? "" : " " + ctx.disallowDefaultsReason();
            out.add(FieldProblem.forbidden(path + ".default", "must not be set" + reason));
        }
        if (!text(schema, "id").isEmpty()) {
            out.add(FieldProblem.forbidden(path + ".id", "id is not supported"));
        }
        if (SchemaParser.present(schema.get("additionalItems"))) {
            out.add(FieldProblem.forbidden(path + ".additionalItems", "additionalItems is not supported"));
        }
        if (nonEmpty(schema.get("patternProperties"))) {
            out.add(FieldProblem.forbidden(path + ".patternProperties", "patternProperties is not supported"));
        }
        if (nonEmpty(schema.get("definitions"))) {
            out.add(FieldProblem.forbidden(path + ".definitions", "definitions is not supported"));
        }
        if (SchemaParser.present(schema.get("dependencies"))) {
            out.add(FieldProblem.forbidden(path + ".dependencies", "dependencies is not supported"));
        }
        if (SchemaParser.present(schema.get("$ref"))) {
            out.add(FieldProblem.forbidden(path + ".$ref", "$ref is not supported"));
        }
        if ("null".equals(type)) {
            out.add(FieldProblem.forbidden(path + ".type", "type cannot be set to null, use nullable as an alternative"));
        }
        JsonNode items = schema.get("items");
        if (items != null && items.isArray() && items.size() > 0) {
            out.add(FieldProblem.forbidden(path + ".items", "items must be a schema object and not an array"));
        }
        if (ctx.insideResourceMeta() && schema.path("x-kubernetes-embedded-resource").asBoolean(false)) {
            out.add(FieldProblem.forbidden(path + ".x-kubernetes-embedded-resource", "must not be used inside of resource meta"));
        }
    }

    private void extensions(JsonNode schema, String path) {
        String type = text(schema, "type");
        JsonNode preserve = schema.get("x-kubernetes-preserve-unknown-fields");
        if (preserve != null && preserve.isBoolean() && !preserve.booleanValue()) {
            out.add(FieldProblem.invalid(path + ".x-kubernetes-preserve-unknown-fields", false, "must be true or undefined"));
        }
        String mapType = optionalText(schema, "x-kubernetes-map-type");
        if (mapType != null && !"object".equals(type)) {
            typeProblem(path, type, "must be object if x-kubernetes-map-type is specified");
        }
        if (mapType != null && !mapType.equals("atomic") && !mapType.equals("granular")) {
            out.add(FieldProblem.notSupported(path + ".x-kubernetes-map-type", mapType, List.of("atomic", "granular")));
        }
        String listType = optionalText(schema, "x-kubernetes-list-type");
        JsonNode items = schema.get("items");
        if (listType != null && !"array".equals(type)) {
            typeProblem(path, type, "must be array if x-kubernetes-list-type is specified");
        } else if ("set".equals(listType) && items != null && items.isObject()) {
            String itemType = text(items, "type");
            String itemListType = optionalText(items, "x-kubernetes-list-type");
            if ("array".equals(itemType) && itemListType != null && !itemListType.equals("atomic")) {
                out.add(FieldProblem.invalid(path + ".items.x-kubernetes-list-type", itemListType,
                        "must be atomic as item of a list with x-kubernetes-list-type=set"));
            } else if ("object".equals(itemType) && !"atomic".equals(optionalText(items, "x-kubernetes-map-type"))) {
                // upstream reports the items' list type here, which is usually unset
                out.add(FieldProblem.invalid(path + ".items.x-kubernetes-map-type", itemListType == null ? "null" : itemListType,
                        "must be atomic as item of a list with x-kubernetes-list-type=set"));
            }
        }
        if (listType != null && !List.of("atomic", "set", "map").contains(listType)) {
            out.add(FieldProblem.notSupported(path + ".x-kubernetes-list-type", listType, List.of("atomic", "set", "map")));
        }
        List<String> keys = strings(schema.get("x-kubernetes-list-map-keys"));
        if (!keys.isEmpty()) {
            if (listType == null) {
                out.add(FieldProblem.required(path + ".x-kubernetes-list-type", "must be map if x-kubernetes-list-map-keys is non-empty"));
            } else if (!listType.equals("map")) {
                out.add(FieldProblem.invalid(path + ".x-kubernetes-list-type", listType, "must be map if x-kubernetes-list-map-keys is non-empty"));
            }
        }
        if ("map".equals(listType)) {
            mapList(path, keys, items);
        }
    }

    private void typeProblem(String path, String type, String detail) {
        if (type.isEmpty()) {
            out.add(FieldProblem.required(path + ".type", detail));
        } else {
            out.add(FieldProblem.invalid(path + ".type", type, detail));
        }
    }

    private void mapList(String path, List<String> keys, JsonNode items) {
        if (keys.isEmpty()) {
            out.add(FieldProblem.required(path + ".x-kubernetes-list-map-keys", "must not be empty if x-kubernetes-list-type is map"));
        }
        if (items == null || items.isNull()) {
            out.add(FieldProblem.required(path + ".items", "must have a schema if x-kubernetes-list-type is map"));
            return;
        }
        if (!items.isObject()) {
            out.add(FieldProblem.invalid(path + ".items", GoFormat.badValue(items), "must only have a single schema if x-kubernetes-list-type is map"));
            return;
        }
        String itemType = text(items, "type");
        if (!"object".equals(itemType)) {
            out.add(FieldProblem.invalid(path + ".items.type", itemType, "must be object if parent array's x-kubernetes-list-type is map"));
            return;
        }
        Set<String> seen = new HashSet<>();
        JsonNode props = items.path("properties");
        for (String k : keys) {
            JsonNode key = props.get(k);
            if (key != null) {
                String keyType = text(key, "type");
                if (keyType.equals("array") || keyType.equals("object")) {
                    // upstream reports the item type, not the key's
                    out.add(FieldProblem.invalid(path + ".items.properties[" + k + "].type", itemType,
                            "must be a scalar type if parent array's x-kubernetes-list-type is map"));
                }
            } else {
                out.add(FieldProblem.invalid(path + ".x-kubernetes-list-map-keys", keys, "entries must all be names of item properties"));
            }
            if (!seen.add(k)) {
                out.add(FieldProblem.invalid(path + ".x-kubernetes-list-map-keys", keys, "must not contain duplicate entries"));
            }
        }
    }

    /** Items of sets and maps, and the key fields of maps, must always be there to compare. */
    private void listKeysOfMapsAndSets(JsonNode schema, String path) {
        JsonNode items = schema.get("items");
        String listType = optionalText(schema, "x-kubernetes-list-type");
        if (items == null || !items.isObject() || !("set".equals(listType) || "map".equals(listType))) {
            return;
        }
        if (items.path("nullable").asBoolean(false)) {
            out.add(FieldProblem.forbidden(path + ".items.nullable", "cannot be nullable when x-kubernetes-list-type is " + listType));
        }
        if (!"map".equals(listType)) {
            return;
        }
        Set<String> required = new HashSet<>(strings(items.get("required")));
        for (String k : strings(schema.get("x-kubernetes-list-map-keys"))) {
            JsonNode key = items.path("properties").get(k);
            if (key == null) {
                continue;
            }
            String at = path + ".items.properties[" + k + "]";
            if (!required.contains(k) && !SchemaParser.present(key.get("default"))) {
                out.add(FieldProblem.required(at + ".default",
                        "this property is in x-kubernetes-list-map-keys, so it must have a default or be a required property"));
            }
            if (key.path("nullable").asBoolean(false)) {
                out.add(FieldProblem.forbidden(at + ".nullable", "this property is in x-kubernetes-list-map-keys, so it cannot be nullable"));
            }
        }
    }

    /** The shape of each x-kubernetes-validations entry; the CEL itself is not compiled. */
    private void validationRules(JsonNode schema, String path) {
        JsonNode rules = schema.get("x-kubernetes-validations");
        if (rules == null || !rules.isArray()) {
            return;
        }
        for (int i = 0; i < rules.size(); i++) {
            JsonNode rule = rules.get(i);
            String at = path + ".x-kubernetes-validations[" + i + "]";
            String ruleText = text(rule, "rule");
            String message = text(rule, "message");
            String messageExpression = text(rule, "messageExpression");
            if (ruleText.isBlank()) {
                out.add(FieldProblem.required(at + ".rule", "rule is not specified"));
            } else if (!message.isEmpty() && message.isBlank()) {
                out.add(FieldProblem.invalid(at + ".message", message, "message must be non-empty if specified"));
            } else if (hasNewlines(message.strip())) {
                out.add(FieldProblem.invalid(at + ".message", message, "message must not contain line breaks"));
            } else if (hasNewlines(ruleText.strip()) && message.isBlank()) {
                out.add(FieldProblem.required(at + ".message", "message must be specified if rule contains line breaks"));
            }
            if (!messageExpression.isEmpty() && messageExpression.isBlank()) {
                out.add(FieldProblem.required(at + ".messageExpression", "messageExpression must be non-empty if specified"));
            }
            String reason = optionalText(rule, "reason");
            if (reason != null && !RULE_REASONS.contains(reason)) {
                out.add(FieldProblem.notSupported(at + ".reason", reason, RULE_REASONS));
            }
            String fieldPath = text(rule, "fieldPath");
            if (!fieldPath.isEmpty() && fieldPath.isBlank()) {
                out.add(FieldProblem.invalid(at + ".fieldPath", fieldPath, "fieldPath must be non-empty if specified"));
            }
            if (hasNewlines(fieldPath)) {
                out.add(FieldProblem.invalid(at + ".fieldPath", fieldPath, "fieldPath must not contain line breaks"));
            }
            if (!fieldPath.isEmpty() && !fieldPathLeadsSomewhere(schema, fieldPath)) {
                out.add(FieldProblem.invalid(at + ".fieldPath", fieldPath, "fieldPath must be a valid path"));
            }
        }
    }

    /** A schema that cannot be converted has its own problems; its paths are not judged. */
    private static boolean fieldPathLeadsSomewhere(JsonNode schema, String fieldPath) {
        StructuralSchema structural;
        try {
            structural = StructuralSchema.parse(schema);
        } catch (IllegalArgumentException e) {
            return true;
        }
        return RuleFieldPath.isValid(fieldPath, structural);
    }

    private static boolean hasNewlines(String s) {
        return s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
    }

    private static boolean nonEmpty(JsonNode n) {
        return SchemaParser.present(n) && n.size() > 0;
    }

    private static String text(JsonNode json, String field) {
        JsonNode n = json.get(field);
        return n != null && n.isTextual() ? n.textValue() : "";
    }

    private static String optionalText(JsonNode json, String field) {
        JsonNode n = json.get(field);
        return n != null && n.isTextual() ? n.textValue() : null;
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n != null && n.isArray()) {
            n.forEach(item -> out.add(item.asText()));
        }
        return out;
    }
}
