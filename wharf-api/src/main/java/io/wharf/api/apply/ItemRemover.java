package io.wharf.api.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import java.util.Iterator;
import java.util.Map;

/**
 * Removes the fields and list elements of a set from an object, upstream's
 * {@code TypedValue.RemoveItems}. Containers left empty by the removal are dropped rather than
 * kept as null: upstream keeps a null placeholder that converting back to the Go type erases,
 * and Wharf keeps JSON trees, so it drops them at once.
 */
final class ItemRemover {

    private ItemRemover() {
    }

    /** A copy of {@code value} without the members of {@code toRemove}. */
    static ObjectNode remove(Shape shape, ObjectNode value, FieldSet toRemove) {
        JsonNode out = remove(shape, (JsonNode) value, toRemove);
        return out instanceof ObjectNode o ? o : Json.object();
    }

    /** The remaining value, or null when nothing remains. */
    private static JsonNode remove(Shape shape, JsonNode value, FieldSet toRemove) {
        if (toRemove.isEmpty()) {
            return value.deepCopy();
        }
        Shape.Form form = Shape.formOf(shape, value);
        if (form == Shape.Form.LEAF) {
            return value.deepCopy();
        }
        if (value.isNull() || value.isEmpty() || Shape.atomic(shape)) {
            // an atomic value has no parts to keep once something inside it is removed
            return null;
        }
        return form == Shape.Form.MAP
                ? removeFromMap(Shape.asMap(shape), value, toRemove)
                : removeFromList((Shape.ListShape) shape, value, toRemove);
    }

    private static JsonNode removeFromMap(Shape.MapShape map, JsonNode value, FieldSet toRemove) {
        ObjectNode out = Json.object();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            PathElement pe = new PathElement.Field(e.getKey());
            if (toRemove.members().contains(pe)) {
                continue;
            }
            FieldSet below = toRemove.withPrefix(pe);
            JsonNode kept = below.isEmpty() ? e.getValue().deepCopy() : remove(map.field(e.getKey()), e.getValue(), below);
            if (kept != null) {
                out.set(e.getKey(), kept);
            }
        }
        return out.isEmpty() ? null : out;
    }

    private static JsonNode removeFromList(Shape.ListShape list, JsonNode value, FieldSet toRemove) {
        ArrayNode out = Json.array();
        for (JsonNode item : value) {
            PathElement pe = ListItems.pathElement(list, item);
            if (toRemove.members().contains(pe)) {
                continue;
            }
            FieldSet below = toRemove.withPrefix(pe);
            JsonNode kept = below.isEmpty() ? item.deepCopy() : remove(list.element(), item, below);
            if (kept != null) {
                out.add(kept);
            }
        }
        return out.isEmpty() ? null : out;
    }
}
