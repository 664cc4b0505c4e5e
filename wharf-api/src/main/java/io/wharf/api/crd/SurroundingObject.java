package io.wharf.api.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a schema node sits below the object it belongs to, as a list of steps (a field name, or
 * "an item"). Defaults are pruned and checked inside a made-up object around them, because
 * whether a field is unknown, or metadata valid, depends on the whole object.
 */
final class SurroundingObject {
    private final List<String> steps;

    private SurroundingObject(List<String> steps) {
        this.steps = steps;
    }

    /** The object itself: the value must be an object. */
    static SurroundingObject root() {
        return new SurroundingObject(List.of());
    }

    SurroundingObject child(String field) {
        List<String> next = new ArrayList<>(steps);
        next.add(field);
        return new SurroundingObject(next);
    }

    /** An item of the list at this place; null marks the step. */
    SurroundingObject index() {
        List<String> next = new ArrayList<>(steps);
        next.add(null);
        return new SurroundingObject(next);
    }

    /** The smallest object holding {@code focus} at this place, or null when the place is the root and focus no object. */
    ObjectNode wrap(JsonNode focus) {
        JsonNode x = focus;
        for (int i = steps.size() - 1; i >= 0; i--) {
            if (steps.get(i) == null) {
                ArrayNode list = Json.array();
                list.add(x);
                x = list;
            } else {
                ObjectNode o = Json.object();
                o.set(steps.get(i), x);
                x = o;
            }
        }
        return x instanceof ObjectNode o ? o : null;
    }

    /** The value at this place in {@code root}, or null when it is gone. */
    JsonNode extract(ObjectNode root) {
        JsonNode x = root;
        for (String step : steps) {
            if (step == null) {
                if (!(x instanceof ArrayNode list) || list.isEmpty()) {
                    return null;
                }
                x = list.get(0);
            } else {
                if (!(x instanceof ObjectNode o) || !o.has(step)) {
                    return null;
                }
                x = o.get(step);
            }
        }
        return x;
    }
}
