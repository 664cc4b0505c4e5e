package io.wharf.apiserver.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Encodes a swagger 2.0 document (a JSON tree) as the protobuf message {@code openapi.v2.Document}
 * of gnostic, which kubectl downloads for client-side validation and {@code explain}. Field
 * numbers follow gnostic's OpenAPIv2.proto. Vendor extensions ({@code x-...} keys) become
 * {@code NamedAny} entries whose {@code Any.yaml} holds the value as YAML, which is where
 * kube-openapi's readers unmarshal them from. A key this encoder has no field for is an error,
 * not silently dropped: a document that loses fields on the way would validate differently.
 */
final class SwaggerProtoEncoder {
    private static final Pattern STATUS_CODE = Pattern.compile("[0-9]{3}|default");
    /**
     * Block-style YAML with plain scalars where that keeps the type, as gnostic's marshaller writes
     * them; strings that would read back as numbers or booleans are quoted.
     */
    private static final ObjectMapper YAML = YAMLMapper.builder(YAMLFactory.builder()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                    .build())
            .build();

    private SwaggerProtoEncoder() {
    }

    static byte[] encode(JsonNode swagger) {
        return document(swagger).toByteArray();
    }

    private static ProtoWriter document(JsonNode n) {
        ProtoWriter w = new ProtoWriter();
        fields(n, "Document", 16, w, (k, v) -> {
            switch (k) {
                case "swagger" -> w.string(1, str(k, v));
                case "info" -> w.message(2, info(v));
                case "host" -> w.string(3, str(k, v));
                case "basePath" -> w.string(4, str(k, v));
                case "schemes" -> strings(w, 5, k, v);
                case "consumes" -> strings(w, 6, k, v);
                case "produces" -> strings(w, 7, k, v);
                case "paths" -> w.message(8, paths(v));
                case "definitions" -> w.message(9, namedSchemas(v));
                case "parameters" -> w.message(10, named(v, SwaggerProtoEncoder::parameter));
                case "responses" -> w.message(11, named(v, SwaggerProtoEncoder::response));
                case "security" -> each(v, k, r -> w.message(12, securityRequirement(r)));
                case "securityDefinitions" -> w.message(13, named(v, SwaggerProtoEncoder::securityDefinitionsItem));
                case "tags" -> each(v, k, t -> w.message(14, tag(t)));
                case "externalDocs" -> w.message(15, externalDocs(v));
                default -> throw unsupported("Document", k);
            }
        });
        return w;
    }

    private static ProtoWriter info(JsonNode n) {
        ProtoWriter w = new ProtoWriter();
        fields(n, "Info", 7, w, (k, v) -> {
            switch (k) {
                case "title" -> w.string(1, str(k, v));
                case "version" -> w.string(2, str(k, v));
                case "description" -> w.string(3, str(k, v));
                case "termsOfService" -> w.string(4, str(k, v));
                case "contact" -> w.message(5, contact(v));
                case "license" -> w.message(6, license(v));
                default -> throw unsupported("Info", k);
            }
        });
        return w;
    }

    private static ProtoWriter contact(JsonNode n) {
        ProtoWriter w = new ProtoWriter();
        fields(n, "Contact", 4, w, (k, v) -> {
            switch (k) {
                case "name" -> w.string(1, str(k, v));
                case "url" -> w.string(2, str(k, v));
                case "email" -> w.string(3, str(k, v));
                default -> throw unsupported("Contact", k);
            }
        });
        return w;
    }

    private static ProtoWriter license(JsonNode n) {
        ProtoWriter w = new ProtoWriter();
        fields(n, "License", 3, w, (k, v) -> {
            switch (k) {
                case "name" -> w.string(1, str(k, v));
                case "url" -> w.string(2, str(k, v));
                default -> throw unsupported("License", k);
            }
        });
        return w;
    }

    private static ProtoWriter externalDocs(JsonNode n) {
        ProtoWriter w = new ProtoWriter();
        fields(n, "ExternalDocs", 3, w, (k, v) -> {
            switch (k) {
                case "description" -> w.string(1, str(k, v));
                case "url" -> w.string(2, str(k, v));
                default -> throw unsupported("ExternalDocs", k);
            }
        });
        return w;
    }

    private static ProtoWriter tag(JsonNode n) {
        ProtoWriter w = new ProtoWriter();
        fields(n, "Tag", 4, w, (k, v) -> {
            switch (k) {
                case "name" -> w.string(1, str(k, v));
                case "description" -> w.string(2, str(k, v));
                case "externalDocs" -> w.message(3, externalDocs(v));
                default -> throw unsupported("Tag", k);
            }
        });
        return w;
    }

    /** Paths holds its extensions in field 1 and the paths themselves in field 2. */
    private static ProtoWriter paths(JsonNode n) {
        ProtoWriter w = new ProtoWriter();
        fields(n, "Paths", 1, w, (k, v) -> {
            if (!k.startsWith("/")) {
                throw unsupported("Paths", k);
            }
            w.message(2, named(k, pathItem(v)));
        });
        return w;
    }

    private static ProtoWriter pathItem(JsonNode n) {
        ProtoWriter w = new ProtoWriter();
        fields(n, "PathItem", 10, w, (k, v) -> {
            switch (k) {
                case "$ref" -> w.string(1, str(k, v));
                case "get" -> w.message(2, operation(v));
                case "put" -> w.message(3, operation(v));
                case "post" -> w.message(4, operation(v));
                case "delete" -> w.message(5, operation(v));
                case "options" -> w.message(6, operation(v));
                case "head" -> w.message(7, operation(v));
                case "patch" -> w.message(8, operation(v));
                case "parameters" -> each(v, k, p -> w.message(9, parametersItem(p)));
                default -> throw unsupported("PathItem", k);
            }
        });
        return w;
    }

    private static ProtoWriter operation(JsonNode n) {
        ProtoWriter w = new ProtoWriter();
        fields(n, "Operation", 13, w, (k, v) -> {
            switch (k) {
                case "tags" -> strings(w, 1, k, v);
                case "summary" -> w.string(2, str(k, v));
                case "description" -> w.string(3, str(k, v));
                case "externalDocs" -> w.message(4, externalDocs(v));
                case "operationId" -> w.string(5, str(k, v));
                case "produces" -> strings(w, 6, k, v);
                case "consumes" -> strings(w, 7, k, v);
                case "parameters" -> each(v, k, p -> w.message(8, parametersItem(p)));
                case "responses" -> w.message(9, responses(v));
                case "schemes" -> strings(w, 10, k, v);
                case "deprecated" -> w.bool(11, bool(k, v));
                case "security" -> each(v, k, r -> w.message(12, securityRequirement(r)));
                default -> throw unsupported("Operation", k);
            }
        });
        return w;
    }

    /** A parameter in place (field 1) or a reference to a shared one (field 2). */
    private static ProtoWriter parametersItem(JsonNode n) {
        ProtoWriter w = new ProtoWriter();
        if (n.has("$ref")) {
            w.message(2, jsonReference(n));
        } else {
            w.message(1, parameter(n));
        }
        return w;
    }

    private static ProtoWriter jsonReference(JsonNode n) {
        ProtoWriter w = new ProtoWriter();
        fields(n, "JsonReference", 0, w, (k, v) -> {
            switch (k) {
                case "$ref" -> w.string(1, str(k, v));
                case "description" -> w.string(2, str(k, v));
                default -> throw unsupported("JsonReference", k);
            }
        });
        return w;
    }

    /** Body parameters carry a schema (field 1); all others a sub-schema chosen by where they go (field 2). */
    private static ProtoWriter parameter(JsonNode n) {
        ProtoWriter w = new ProtoWriter();
        if ("body".equals(n.path("in").asText())) {
            w.message(1, bodyParameter(n));
        } else {
            w.message(2, nonBodyParameter(n));
        }
        return w;
    }

    private static ProtoWriter bodyParameter(JsonNode n) {
        ProtoWriter w = new ProtoWriter();
        fields(n, "BodyParameter", 6, w, (k, v) -> {
            switch (k) {
                case "description" -> w.string(1, str(k, v));
                case "name" -> w.string(2, str(k, v));
                case "in" -> w.string(3, str(k, v));
                case "required" -> w.bool(4, bool(k, v));
                case "schema" -> w.message(5, schema(v));
                default -> throw unsupported("BodyParameter", k);
            }
        });
        return w;
    }

    /**
     * The four non-body sub-schemas share their first four fields; query and formData then have
     * allowEmptyValue, after which all four list the same validations, so they differ only in
     * where that run of fields starts.
     */
    private static ProtoWriter nonBodyParameter(JsonNode n) {
        String in = n.path("in").asText();
        int oneof;
        int first;
        switch (in) {
            case "header" -> {
                oneof = 1;
                first = 5;
            }
            case "formData" -> {
                oneof = 2;
                first = 6;
            }
            case "query" -> {
                oneof = 3;
                first = 6;
            }
            case "path" -> {
                oneof = 4;
                first = 5;
            }
            default -> throw new IllegalArgumentException("parameter \"" + n.path("name").asText() + "\" is in \"" + in
                    + "\"; swagger 2.0 parameters are in body, header, formData, query or path");
        }
        String message = in + " parameter";
        ProtoWriter sub = new ProtoWriter();
        fields(n, message, first + 17, sub, (k, v) -> {
            switch (k) {
                case "required" -> sub.bool(1, bool(k, v));
                case "in" -> sub.string(2, str(k, v));
                case "description" -> sub.string(3, str(k, v));
                case "name" -> sub.string(4, str(k, v));
                default -> {
                    if (k.equals("allowEmptyValue") && first == 6) {
                        sub.bool(5, bool(k, v));
                    } else if (!simpleSchemaField(sub, first, k, v)) {
                        throw unsupported(message, k);
                    }
                }
            }
        });
        ProtoWriter w = new ProtoWriter();
        w.message(oneof, sub);
        return w;
    }

    private static ProtoWriter primitivesItems(JsonNode n) {
        ProtoWriter w = new ProtoWriter();
        fields(n, "PrimitivesItems", 18, w, (k, v) -> {
            if (!simpleSchemaField(w, 1, k, v)) {
                throw unsupported("PrimitivesItems", k);
            }
        });
        return w;
    }

    /** The run of type, format, items, ... multipleOf fields that starts at field {@code first}. */
    private static boolean simpleSchemaField(ProtoWriter w, int first, String k, JsonNode v) {
        switch (k) {
            case "type" -> w.string(first, str(k, v));
            case "format" -> w.string(first + 1, str(k, v));
            case "items" -> w.message(first + 2, primitivesItems(v));
            case "collectionFormat" -> w.string(first + 3, str(k, v));
            case "default" -> w.message(first + 4, any(v));
            case "maximum" -> w.dbl(first + 5, number(k, v));
            case "exclusiveMaximum" -> w.bool(first + 6, bool(k, v));
            case "minimum" -> w.dbl(first + 7, number(k, v));
            case "exclusiveMinimum" -> w.bool(first + 8, bool(k, v));
            case "maxLength" -> w.int64(first + 9, integer(k, v));
            case "minLength" -> w.int64(first + 10, integer(k, v));
            case "pattern" -> w.string(first + 11, str(k, v));
            case "maxItems" -> w.int64(first + 12, integer(k, v));
            case "minItems" -> w.int64(first + 13, integer(k, v));
            case "uniqueItems" -> w.bool(first + 14, bool(k, v));
            case "enum" -> each(v, k, e -> w.message(first + 15, any(e)));
            case "multipleOf" -> w.dbl(first + 16, number(k, v));
            default -> {
                return false;
            }
        }
        return true;
    }

    private static ProtoWriter responses(JsonNode n) {
        ProtoWriter w = new ProtoWriter();
        fields(n, "Responses", 2, w, (k, v) -> {
            if (!STATUS_CODE.matcher(k).matches()) {
                throw unsupported("Responses", k);
            }
            w.message(1, named(k, responseValue(v)));
        });
        return w;
    }

    private static ProtoWriter responseValue(JsonNode n) {
        ProtoWriter w = new ProtoWriter();
        if (n.has("$ref")) {
            w.message(2, jsonReference(n));
        } else {
            w.message(1, response(n));
        }
        return w;
    }

    private static ProtoWriter response(JsonNode n) {
        ProtoWriter w = new ProtoWriter();
        fields(n, "Response", 5, w, (k, v) -> {
            switch (k) {
                case "description" -> w.string(1, str(k, v));
                case "schema" -> {
                    ProtoWriter item = new ProtoWriter();
                    item.message(1, schema(v));
                    w.message(2, item);
                }
                default -> throw unsupported("Response", k);
            }
        });
        return w;
    }

    private static ProtoWriter schema(JsonNode n) {
        ProtoWriter w = new ProtoWriter();
        fields(n, "Schema", 31, w, (k, v) -> {
            switch (k) {
                case "$ref" -> w.string(1, str(k, v));
                case "format" -> w.string(2, str(k, v));
                case "title" -> w.string(3, str(k, v));
                case "description" -> w.string(4, str(k, v));
                case "default" -> w.message(5, any(v));
                case "multipleOf" -> w.dbl(6, number(k, v));
                case "maximum" -> w.dbl(7, number(k, v));
                case "exclusiveMaximum" -> w.bool(8, bool(k, v));
                case "minimum" -> w.dbl(9, number(k, v));
                case "exclusiveMinimum" -> w.bool(10, bool(k, v));
                case "maxLength" -> w.int64(11, integer(k, v));
                case "minLength" -> w.int64(12, integer(k, v));
                case "pattern" -> w.string(13, str(k, v));
                case "maxItems" -> w.int64(14, integer(k, v));
                case "minItems" -> w.int64(15, integer(k, v));
                case "uniqueItems" -> w.bool(16, bool(k, v));
                case "maxProperties" -> w.int64(17, integer(k, v));
                case "minProperties" -> w.int64(18, integer(k, v));
                case "required" -> strings(w, 19, k, v);
                case "enum" -> each(v, k, e -> w.message(20, any(e)));
                case "additionalProperties" -> w.message(21, additionalProperties(v));
                case "type" -> w.message(22, typeItem(v));
                case "items" -> w.message(23, itemsItem(v));
                case "allOf" -> each(v, k, s -> w.message(24, schema(s)));
                case "properties" -> w.message(25, namedSchemas(v));
                case "discriminator" -> w.string(26, str(k, v));
                case "readOnly" -> w.bool(27, bool(k, v));
                case "externalDocs" -> w.message(29, externalDocs(v));
                case "example" -> w.message(30, any(v));
                default -> throw unsupported("Schema", k);
            }
        });
        return w;
    }

    /** A schema or a boolean; the boolean is a oneof member, so false is written too. */
    private static ProtoWriter additionalProperties(JsonNode n) {
        ProtoWriter w = new ProtoWriter();
        if (n.isBoolean()) {
            w.presentBool(2, n.booleanValue());
        } else {
            w.message(1, schema(n));
        }
        return w;
    }

    /** {@code type} may be one name or a list of names. */
    private static ProtoWriter typeItem(JsonNode n) {
        ProtoWriter w = new ProtoWriter();
        if (n.isArray()) {
            strings(w, 1, "type", n);
        } else {
            w.string(1, str("type", n));
        }
        return w;
    }

    /** {@code items} may be one schema or a list of schemas. */
    private static ProtoWriter itemsItem(JsonNode n) {
        ProtoWriter w = new ProtoWriter();
        if (n.isArray()) {
            each(n, "items", s -> w.message(1, schema(s)));
        } else {
            w.message(1, schema(n));
        }
        return w;
    }

    /** Definitions and Properties are both a list of (name, schema) pairs in field 1. */
    private static ProtoWriter namedSchemas(JsonNode n) {
        return named(n, SwaggerProtoEncoder::schema);
    }

    private static ProtoWriter securityDefinitionsItem(JsonNode n) {
        String type = n.path("type").asText();
        ProtoWriter scheme = new ProtoWriter();
        ProtoWriter w = new ProtoWriter();
        switch (type) {
            case "basic" -> {
                fields(n, "BasicAuthenticationSecurity", 3, scheme, (k, v) -> {
                    switch (k) {
                        case "type" -> scheme.string(1, str(k, v));
                        case "description" -> scheme.string(2, str(k, v));
                        default -> throw unsupported("BasicAuthenticationSecurity", k);
                    }
                });
                w.message(1, scheme);
            }
            case "apiKey" -> {
                fields(n, "ApiKeySecurity", 5, scheme, (k, v) -> {
                    switch (k) {
                        case "type" -> scheme.string(1, str(k, v));
                        case "name" -> scheme.string(2, str(k, v));
                        case "in" -> scheme.string(3, str(k, v));
                        case "description" -> scheme.string(4, str(k, v));
                        default -> throw unsupported("ApiKeySecurity", k);
                    }
                });
                w.message(2, scheme);
            }
            default -> throw new IllegalArgumentException("security scheme type \"" + type + "\" is not supported");
        }
        return w;
    }

    /** Scheme name to the scopes it needs. */
    private static ProtoWriter securityRequirement(JsonNode n) {
        return named(n, scopes -> {
            ProtoWriter array = new ProtoWriter();
            strings(array, 1, "scopes", scopes);
            return array;
        });
    }

    /** A gnostic "map": repeated (name = 1, value = 2) pairs in field 1, in the object's order. */
    private static ProtoWriter named(JsonNode n, Function<JsonNode, ProtoWriter> value) {
        if (!n.isObject()) {
            throw new IllegalArgumentException("expected an object, got " + n.getNodeType());
        }
        ProtoWriter w = new ProtoWriter();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            w.message(1, named(e.getKey(), value.apply(e.getValue())));
        }
        return w;
    }

    private static ProtoWriter named(String name, ProtoWriter value) {
        ProtoWriter w = new ProtoWriter();
        w.string(1, name);
        w.message(2, value);
        return w;
    }

    /** gnostic's Any: the value as YAML text (field 2), which kube-openapi parses back with a YAML decoder. */
    private static ProtoWriter any(JsonNode value) {
        ProtoWriter w = new ProtoWriter();
        w.string(2, yaml(value));
        return w;
    }

    private static String yaml(JsonNode value) {
        try {
            return YAML.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Visits an object's keys: {@code x-} keys become vendor extensions in {@code extensionField}
     * (0 when the message has none), every other key goes to {@code field}.
     */
    private static void fields(JsonNode n, String message, int extensionField, ProtoWriter w, BiConsumer<String, JsonNode> field) {
        if (!n.isObject()) {
            throw new IllegalArgumentException(message + ": expected an object, got " + n.getNodeType());
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().startsWith("x-") && extensionField > 0) {
                w.message(extensionField, named(e.getKey(), any(e.getValue())));
            } else {
                field.accept(e.getKey(), e.getValue());
            }
        }
    }

    private static void each(JsonNode n, String key, Consumer<JsonNode> item) {
        if (!n.isArray()) {
            throw new IllegalArgumentException(key + ": expected an array, got " + n.getNodeType());
        }
        n.forEach(item);
    }

    private static void strings(ProtoWriter w, int field, String key, JsonNode n) {
        each(n, key, s -> w.stringElement(field, str(key, s)));
    }

    private static String str(String key, JsonNode v) {
        if (!v.isTextual()) {
            throw new IllegalArgumentException(key + ": expected a string, got " + v.getNodeType());
        }
        return v.textValue();
    }

    private static boolean bool(String key, JsonNode v) {
        if (!v.isBoolean()) {
            throw new IllegalArgumentException(key + ": expected a boolean, got " + v.getNodeType());
        }
        return v.booleanValue();
    }

    private static double number(String key, JsonNode v) {
        if (!v.isNumber()) {
            throw new IllegalArgumentException(key + ": expected a number, got " + v.getNodeType());
        }
        return v.doubleValue();
    }

    private static long integer(String key, JsonNode v) {
        if (!v.isIntegralNumber()) {
            throw new IllegalArgumentException(key + ": expected an integer, got " + v.getNodeType());
        }
        return v.longValue();
    }

    private static IllegalArgumentException unsupported(String message, String key) {
        return new IllegalArgumentException(message + " has no field for \"" + key + "\"");
    }
}
