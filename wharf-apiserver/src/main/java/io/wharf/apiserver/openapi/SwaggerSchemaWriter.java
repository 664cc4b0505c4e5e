package io.wharf.apiserver.openapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import io.wharf.api.schema.Definition;
import io.wharf.api.schema.Property;
import io.wharf.api.schema.Schema;

/**
 * Writes the schema registry's definitions in swagger 2.0 form. Swagger 2.0 has no oneOf/anyOf,
 * so scalars that accept several JSON types (Quantity, IntOrString) are published as upstream's
 * v2 documents publish them: a string, IntOrString with {@code format: int-or-string}. Extensions
 * of a reference sit beside its {@code $ref} rather than in an allOf wrapper, which kubectl's
 * v2 model parser would reject.
 */
final class SwaggerSchemaWriter {
    static final String REF_PREFIX = "#/definitions/";

    private SwaggerSchemaWriter() {
    }

    static ObjectNode definition(Definition d) {
        ObjectNode o = Json.object();
        if (d.description() != null) {
            o.put("description", d.description());
        }
        switch (d.kind()) {
            case SCALAR -> primitive(o, d.scalar());
            case FREE_FORM_OBJECT -> o.put("type", "object");
            // No type: kubectl reads an untyped definition as "any value".
            case UNTYPED -> { }
            default -> {
                o.put("type", "object");
                if (!d.required().isEmpty()) {
                    ArrayNode req = o.putArray("required");
                    d.required().forEach(req::add);
                }
                ObjectNode props = o.putObject("properties");
                for (Property p : d.properties().values()) {
                    props.set(p.name(), property(p));
                }
            }
        }
        SchemaWriter.definitionExtensions(o, d);
        return o;
    }

    /**
     * A property; its description sits beside a {@code $ref} too. Unlike v3, an undocumented
     * reference is not described by its type: kubectl's v2 explain prints the type's description
     * under the field's anyway, and would print it twice.
     */
    static ObjectNode property(Property p) {
        ObjectNode o = schema(p.schema());
        if (p.description() != null) {
            o.put("description", p.description());
        }
        SchemaWriter.propertyExtensions(o, p);
        return o;
    }

    /** v2 spells untyped values as an empty schema. */
    static ObjectNode schema(Schema s) {
        return SchemaWriter.schema(s, REF_PREFIX, SwaggerSchemaWriter::primitive, o -> { });
    }

    private static void primitive(ObjectNode o, Schema.Primitive p) {
        if (p == null) {
            o.put("type", "string");
            return;
        }
        o.put("type", p.type().openApiName());
        if (p.format() != null && !p.format().isEmpty()) {
            o.put("format", p.format());
        }
    }
}
