package io.wharf.api.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The object or array a JSON pointer's last token addresses a member of. */
sealed interface PatchContainer permits ObjectPatchContainer, ArrayPatchContainer {

    static PatchContainer of(JsonNode node) {
        if (node instanceof ObjectNode object) {
            return new ObjectPatchContainer(object);
        }
        if (node instanceof ArrayNode array) {
            return new ArrayPatchContainer(array);
        }
        return null;
    }

    /** The member, or null when an object has no such key or holds null there. */
    JsonNode get(String key);

    /** Overwrites an existing member (for replace). */
    void set(String key, JsonNode value);

    /** Inserts a member (for add, move and copy). */
    void add(String key, JsonNode value);

    void remove(String key);
}
