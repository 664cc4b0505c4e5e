package io.wharf.api.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.wharf.api.json.Json;
import io.wharf.api.schema.Definition;
import io.wharf.api.schema.Property;
import io.wharf.api.schema.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * JSON nulls as decoding into upstream's Go types leaves them. A null field leaves its Go field
 * unset, so the field is dropped. A null array element or map value becomes the element type's
 * zero value ({@code ""}, {@code 0}, {@code false}, an empty object, a zero quantity), as Go
 * stores the zero element it decoded nothing into; elements whose zero value encodes as null
 * (times, byte strings, lists, free-form values) stay null. Unknown fields are left alone.
 */
public final class NullValues {
    private static final String QUANTITY = "io.k8s.apimachinery.pkg.api.resource.Quantity";
    private static final String INT_OR_STRING = "io.k8s.apimachinery.pkg.util.intstr.IntOrString";

    private NullValues() {
    }

    /** Settles the nulls of {@code value}, a {@code definition}, in place. */
    public static void apply(JsonNode value, Definition definition) {
        definition(value, definition);
    }

    private static void definition(JsonNode node, Definition d) {
        if (d.kind() != Definition.Kind.OBJECT || !(node instanceof ObjectNode object)) {
            return;
        }
        List<String> nulls = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : object.properties()) {
            Property p = d.property(e.getKey());
            if (p == null) {
                continue;
            }
            if (e.getValue().isNull()) {
                nulls.add(e.getKey());
            } else {
                value(e.getValue(), p.schema());
            }
        }
        object.remove(nulls);
    }

    private static void value(JsonNode node, Schema schema) {
        if (schema instanceof Schema.Ref ref) {
            definition(node, ref.target());
        } else if (schema instanceof Schema.ArrayOf array && node instanceof ArrayNode items) {
            for (int i = 0; i < items.size(); i++) {
                JsonNode item = items.get(i);
                JsonNode zero = item.isNull() ? zero(array.items()) : null;
                if (zero != null) {
                    items.set(i, zero);
                } else {
                    value(item, array.items());
                }
            }
        } else if (schema instanceof Schema.MapOf map && node instanceof ObjectNode entries) {
            List<String> nulls = new ArrayList<>();
            for (Map.Entry<String, JsonNode> e : entries.properties()) {
                if (e.getValue().isNull()) {
                    nulls.add(e.getKey());
                } else {
                    value(e.getValue(), map.values());
                }
            }
            JsonNode zero = nulls.isEmpty() ? null : zero(map.values());
            if (zero != null) {
                nulls.forEach(key -> entries.set(key, zero.deepCopy()));
            }
        }
    }

    /** The JSON of a Go zero value of this schema, or null where it encodes as JSON null. */
    private static JsonNode zero(Schema schema) {
        if (schema instanceof Schema.Primitive p) {
            return switch (p.type()) {
                case STRING -> p.format() == null ? TextNode.valueOf("") : null;
                case INTEGER, NUMBER -> IntNode.valueOf(0);
                case BOOLEAN -> BooleanNode.FALSE;
            };
        }
        if (schema instanceof Schema.Ref ref) {
            Definition d = ref.target();
            if (d.kind() == Definition.Kind.OBJECT) {
                return Json.object();
            }
            return switch (d.name()) {
                case QUANTITY -> TextNode.valueOf("0");
                case INT_OR_STRING -> IntNode.valueOf(0);
                default -> null;
            };
        }
        return null;
    }
}
