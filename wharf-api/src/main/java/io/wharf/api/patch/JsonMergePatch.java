package io.wharf.api.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * JSON merge patch (RFC 7386, {@code application/merge-patch+json}) with the behaviour of the
 * library upstream's apiserver uses (evanphx/json-patch v4 {@code MergePatch}):
 * <ul>
 *   <li>a null member deletes; an object merges recursively; anything else replaces;</li>
 *   <li>a patch that is an array replaces the whole document; a patch that is null or a scalar is
 *       rejected as malformed ("Invalid JSON Patch", upstream answers 400);</li>
 *   <li>values inserted where nothing mergeable was before lose their null members, also inside
 *       arrays, while an array replacing an object is inserted as given.</li>
 * </ul>
 * Inputs are never modified; the result shares no nodes with them.
 */
public final class JsonMergePatch {
    private JsonMergePatch() {
    }

    public static JsonNode apply(JsonNode target, JsonNode patch) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(patch, "patch");
        if (target.isNull() || target.isMissingNode()) {
            throw PatchException.cannotApply("Invalid JSON Document");
        }
        if (patch.isArray()) {
            return pruneNulls(patch.deepCopy());
        }
        if (!patch.isObject()) {
            throw PatchException.malformed("Invalid JSON Patch");
        }
        if (!target.isObject()) {
            return pruneNulls(patch.deepCopy());
        }
        ObjectNode result = ((ObjectNode) target).deepCopy();
        mergeInto(result, (ObjectNode) patch);
        return result;
    }

    private static void mergeInto(ObjectNode doc, ObjectNode patch) {
        for (Map.Entry<String, JsonNode> field : patch.properties()) {
            String key = field.getKey();
            JsonNode patchValue = field.getValue();
            if (patchValue.isNull()) {
                doc.remove(key);
                continue;
            }
            JsonNode current = doc.get(key);
            if (current == null || current.isNull()) {
                doc.set(key, pruneNulls(patchValue.deepCopy()));
            } else {
                doc.set(key, merge(current, patchValue));
            }
        }
    }

    private static JsonNode merge(JsonNode current, JsonNode patchValue) {
        if (!current.isObject()) {
            return pruneNulls(patchValue.deepCopy());
        }
        if (!patchValue.isObject()) {
            return patchValue.deepCopy();
        }
        mergeInto((ObjectNode) current, (ObjectNode) patchValue);
        return current;
    }

    /** Drops null members of objects at any depth; null array elements stay. Mutates and returns {@code node}. */
    private static JsonNode pruneNulls(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> nullKeys = new ArrayList<>();
            for (Map.Entry<String, JsonNode> e : object.properties()) {
                if (e.getValue().isNull()) {
                    nullKeys.add(e.getKey());
                } else {
                    pruneNulls(e.getValue());
                }
            }
            object.remove(nullKeys);
        } else if (node instanceof ArrayNode array) {
            for (JsonNode element : array) {
                if (!element.isNull()) {
                    pruneNulls(element);
                }
            }
        }
        return node;
    }
}
