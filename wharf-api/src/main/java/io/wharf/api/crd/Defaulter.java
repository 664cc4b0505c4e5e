package io.wharf.api.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Applies a schema's {@code default}s to a custom resource as upstream's structural defaulting
 * does: a missing field, or a null one whose schema is not nullable, gets a copy of its default,
 * and then the (possibly just defaulted) value is defaulted in turn, so defaults nest. Array items
 * and additionalProperties values that are non-nullable nulls get their schema's default too.
 * Upstream runs this on every decode, after pruning; defaults themselves were pruned when the
 * CRD was accepted (see {@link #pruneDefaults(StructuralSchema)}).
 */
public final class Defaulter {
    private Defaulter() {
    }

    /** Defaults the value in place. */
    public static void apply(JsonNode value, StructuralSchema schema) {
        if (schema == null) {
            return;
        }
        if (value instanceof ObjectNode object) {
            for (Map.Entry<String, StructuralSchema> p : schema.properties().entrySet()) {
                StructuralSchema property = p.getValue();
                if (property.defaultValue == null) {
                    continue;
                }
                JsonNode current = object.get(p.getKey());
                if (current == null || isNonNullableNull(current, property)) {
                    object.set(p.getKey(), property.defaultValue.deepCopy());
                }
            }
            List<String> keys = new ArrayList<>();
            object.fieldNames().forEachRemaining(keys::add);
            for (String key : keys) {
                StructuralSchema property = schema.property(key);
                if (property != null) {
                    apply(object.get(key), property);
                } else if (schema.additionalProperties != null) {
                    StructuralSchema values = schema.additionalPropertiesSchema();
                    if (isNonNullableNull(object.get(key), values)) {
                        object.set(key, copyOfDefault(values));
                    }
                    apply(object.get(key), values);
                }
            }
        } else if (value instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (isNonNullableNull(array.get(i), schema.items)) {
                    array.set(i, copyOfDefault(schema.items));
                }
                apply(array.get(i), schema.items);
            }
        }
    }

    private static boolean isNonNullableNull(JsonNode x, StructuralSchema s) {
        return x != null && x.isNull() && s != null && !s.nullable;
    }

    /** A schema without a default turns a rejected null into null again, as copying Go's nil does. */
    private static JsonNode copyOfDefault(StructuralSchema s) {
        return s.defaultValue == null ? NullNode.getInstance() : s.defaultValue.deepCopy();
    }

    /**
     * Upstream prunes every default of a served schema before using it: unknown fields inside a
     * default would otherwise appear in objects and vanish again on the next write. Returns a
     * schema whose defaults are pruned against the schema of the object they sit in; the input
     * is not changed.
     */
    public static StructuralSchema pruneDefaults(StructuralSchema root) {
        return DefaultPruning.prune(root);
    }
}
