package io.wharf.api.crd;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON schema nodes into {@link StructuralSchema}s, rejecting what upstream's
 * {@code NewStructural} rejects with its messages, in its order: unsupported keywords first, then
 * the value-validation branches, extensions, items, properties, additionalProperties.
 */
final class SchemaParser {
    private SchemaParser() {
    }

    static StructuralSchema parse(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        return node(node, "", false);
    }

    private static StructuralSchema node(JsonNode json, String where, boolean nested) {
        requireObject(json, where);
        rejectUnsupported(json);
        StructuralSchema s = new StructuralSchema();
        valueValidations(s, json, where);
        generics(s, json, where);
        extensions(s, json, where);
        JsonNode items = json.get("items");
        // an empty list of item schemas decodes to neither a schema nor schemas, so it converts to no items
        if (present(items) && !(items.isArray() && items.isEmpty())) {
            if (items.isArray()) {
                throw new IllegalArgumentException("OpenAPIV3Schema 'items' must be a schema, but is an array");
            }
            s.items = node(items, where + ".items", nested);
        }
        JsonNode properties = json.get("properties");
        // a nested branch keeps an empty properties map, a structural node drops it
        if (present(properties) && (nested || properties.size() > 0)) {
            requireObject(properties, where + ".properties");
            Map<String, StructuralSchema> byName = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                byName.put(e.getKey(), node(e.getValue(), where + ".properties." + e.getKey(), nested));
            }
            s.properties = byName;
        }
        additionalProperties(s, json, where, nested);
        return s;
    }

    private static void rejectUnsupported(JsonNode json) {
        if (!text(json, "id").isEmpty()) {
            throw new IllegalArgumentException("OpenAPIV3Schema 'id' is not supported");
        }
        if (!text(json, "$schema").isEmpty()) {
            throw new IllegalArgumentException("OpenAPIV3Schema 'schema' is not supported");
        }
        if (!text(json, "$ref").isEmpty()) {
            throw new IllegalArgumentException("OpenAPIV3Schema '$ref' is not supported");
        }
        if (nonEmpty(json.get("patternProperties"))) {
            throw new IllegalArgumentException("OpenAPIV3Schema 'patternProperties' is not supported");
        }
        if (nonEmpty(json.get("dependencies"))) {
            throw new IllegalArgumentException("OpenAPIV3Schema 'dependencies' is not supported");
        }
        if (present(json.get("additionalItems"))) {
            throw new IllegalArgumentException("OpenAPIV3Schema 'additionalItems' is not supported");
        }
        if (nonEmpty(json.get("definitions"))) {
            throw new IllegalArgumentException("OpenAPIV3Schema 'definitions' is not supported");
        }
    }

    private static void valueValidations(StructuralSchema s, JsonNode json, String where) {
        JsonNode not = json.get("not");
        if (present(not)) {
            s.not = node(not, where + ".not", true);
        }
        s.format = text(json, "format");
        s.maximum = number(json, "maximum", where);
        s.exclusiveMaximum = bool(json, "exclusiveMaximum", where);
        s.minimum = number(json, "minimum", where);
        s.exclusiveMinimum = bool(json, "exclusiveMinimum", where);
        s.maxLength = integer(json, "maxLength", where);
        s.minLength = integer(json, "minLength", where);
        s.pattern = text(json, "pattern");
        s.maxItems = integer(json, "maxItems", where);
        s.minItems = integer(json, "minItems", where);
        s.uniqueItems = bool(json, "uniqueItems", where);
        s.multipleOf = number(json, "multipleOf", where);
        s.maxProperties = integer(json, "maxProperties", where);
        s.minProperties = integer(json, "minProperties", where);
        s.required = strings(json, "required", where);
        JsonNode enumValues = json.get("enum");
        if (present(enumValues)) {
            requireArray(enumValues, where + ".enum");
            List<JsonNode> values = new ArrayList<>();
            enumValues.forEach(values::add);
            s.enumValues = values.isEmpty() ? null : List.copyOf(values);
        }
        s.allOf = branches(json, "allOf", where);
        s.anyOf = branches(json, "anyOf", where);
        s.oneOf = branches(json, "oneOf", where);
    }

    private static List<StructuralSchema> branches(JsonNode json, String keyword, String where) {
        JsonNode list = json.get(keyword);
        if (!present(list)) {
            return List.of();
        }
        requireArray(list, where + "." + keyword);
        List<StructuralSchema> out = new ArrayList<>();
        for (JsonNode branch : list) {
            out.add(node(branch, where + "." + keyword, true));
        }
        return List.copyOf(out);
    }

    private static void generics(StructuralSchema s, JsonNode json, String where) {
        s.type = text(json, "type");
        s.description = text(json, "description");
        s.title = text(json, "title");
        s.nullable = bool(json, "nullable", where);
        JsonNode def = json.get("default");
        // upstream decodes "default: null" to no default at all
        s.defaultValue = present(def) ? def.deepCopy() : null;
    }

    private static void additionalProperties(StructuralSchema s, JsonNode json, String where, boolean nested) {
        JsonNode additional = json.get("additionalProperties");
        if (present(additional)) {
            if (additional.isBoolean()) {
                s.additionalProperties = new StructuralSchema.AdditionalProperties(additional.booleanValue(), null);
            } else {
                s.additionalProperties = new StructuralSchema.AdditionalProperties(true,
                        node(additional, where + ".additionalProperties", nested));
            }
        }
    }

    private static void extensions(StructuralSchema s, JsonNode json, String where) {
        JsonNode preserve = json.get("x-kubernetes-preserve-unknown-fields");
        if (present(preserve)) {
            if (!preserve.isBoolean()) {
                throw typeError(where, "x-kubernetes-preserve-unknown-fields", preserve, "bool");
            }
            if (!preserve.booleanValue()) {
                throw new IllegalArgumentException(
                        "internal error: 'x-kubernetes-preserve-unknown-fields' must be true or undefined");
            }
            s.preserveUnknownFields = true;
        }
        s.embeddedResource = bool(json, "x-kubernetes-embedded-resource", where);
        s.intOrString = bool(json, "x-kubernetes-int-or-string", where);
        s.listMapKeys = strings(json, "x-kubernetes-list-map-keys", where);
        s.listType = optionalText(json, "x-kubernetes-list-type", where);
        s.mapType = optionalText(json, "x-kubernetes-map-type", where);
        JsonNode rules = json.get("x-kubernetes-validations");
        if (present(rules)) {
            requireArray(rules, where + ".x-kubernetes-validations");
            s.validationRules = rules.size() == 0 ? null : rules.deepCopy();
        }
    }

    static boolean present(JsonNode n) {
        return n != null && !n.isNull() && !n.isMissingNode();
    }

    private static boolean nonEmpty(JsonNode n) {
        return present(n) && (!n.isContainerNode() || n.size() > 0);
    }

    private static String text(JsonNode json, String field) {
        JsonNode n = json.get(field);
        if (!present(n)) {
            return "";
        }
        if (!n.isTextual()) {
            throw typeError("", field, n, "string");
        }
        return n.textValue();
    }

    private static String optionalText(JsonNode json, String field, String where) {
        JsonNode n = json.get(field);
        if (!present(n)) {
            return null;
        }
        if (!n.isTextual()) {
            throw typeError(where, field, n, "string");
        }
        return n.textValue();
    }

    private static boolean bool(JsonNode json, String field, String where) {
        JsonNode n = json.get(field);
        if (!present(n)) {
            return false;
        }
        if (!n.isBoolean()) {
            throw typeError(where, field, n, "bool");
        }
        return n.booleanValue();
    }

    private static Double number(JsonNode json, String field, String where) {
        JsonNode n = json.get(field);
        if (!present(n)) {
            return null;
        }
        if (!n.isNumber()) {
            throw typeError(where, field, n, "float64");
        }
        return n.doubleValue();
    }

    private static Long integer(JsonNode json, String field, String where) {
        JsonNode n = json.get(field);
        if (!present(n)) {
            return null;
        }
        if (!n.isIntegralNumber() || !n.canConvertToLong()) {
            throw typeError(where, field, n, "int64");
        }
        return n.longValue();
    }

    private static List<String> strings(JsonNode json, String field, String where) {
        JsonNode n = json.get(field);
        if (!present(n)) {
            return List.of();
        }
        requireArray(n, where + "." + field);
        List<String> out = new ArrayList<>();
        for (JsonNode item : n) {
            if (!item.isTextual()) {
                throw typeError(where, field, item, "string");
            }
            out.add(item.textValue());
        }
        return List.copyOf(out);
    }

    private static void requireObject(JsonNode n, String where) {
        if (!n.isObject()) {
            throw typeError(where, "", n, "JSONSchemaProps");
        }
    }

    private static void requireArray(JsonNode n, String where) {
        if (!n.isArray()) {
            throw typeError(where, "", n, "array");
        }
    }

    /** Worded like the JSON decoding error upstream returns before any validation runs. */
    private static IllegalArgumentException typeError(String where, String field, JsonNode value, String goType) {
        String at = (where + (field.isEmpty() ? "" : "." + field));
        return new IllegalArgumentException("json: cannot unmarshal " + jsonTypeName(value)
                + " into Go struct field JSONSchemaProps" + (at.isEmpty() ? "" : at) + " of type " + goType);
    }

    private static String jsonTypeName(JsonNode value) {
        return switch (JsonKind.of(value)) {
            case NULL -> "null";
            case BOOLEAN -> "bool";
            case INTEGER, NUMBER -> "number";
            case STRING -> "string";
            case ARRAY -> "array";
            case OBJECT -> "object";
        };
    }
}
