package io.wharf.api.crd;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Go type a JSON value has once upstream decodes a custom resource into
 * {@code map[string]interface{}}: whole numbers that fit become int64, every other number float64.
 * Validation messages and comparisons depend on that distinction, not on how the JSON was spelled.
 */
enum JsonKind {
    NULL("null"),
    BOOLEAN("boolean"),
    INTEGER("integer"),
    NUMBER("number"),
    STRING("string"),
    ARRAY("array"),
    OBJECT("object");

    private final String openApiType;

    JsonKind(String openApiType) {
        this.openApiType = openApiType;
    }

    /** The OpenAPI type name kube-openapi reports for values of this kind. */
    String openApiType() {
        return openApiType;
    }

    static JsonKind of(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return NULL;
        }
        if (node.isBoolean()) {
            return BOOLEAN;
        }
        if (node.isTextual()) {
            return STRING;
        }
        if (node.isArray()) {
            return ARRAY;
        }
        if (node.isObject()) {
            return OBJECT;
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return INTEGER;
        }
        if (node.isNumber()) {
            return NUMBER;
        }
        // binary and POJO nodes never come out of a JSON parser
        return STRING;
    }

    boolean isNumeric() {
        return this == INTEGER || this == NUMBER;
    }
}
