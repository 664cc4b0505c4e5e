package io.wharf.api.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Object members as upstream's JSON patch library treats them: absent and null read alike. */
final class ObjectPatchContainer implements PatchContainer {
    private final ObjectNode object;

    ObjectPatchContainer(ObjectNode object) {
        this.object = object;
    }

    @Override
    public JsonNode get(String key) {
        JsonNode value = object.get(key);
        return value == null || value.isNull() ? null : value;
    }

    @Override
    public void set(String key, JsonNode value) {
        object.set(key, value);
    }

    @Override
    public void add(String key, JsonNode value) {
        object.set(key, value);
    }

    @Override
    public void remove(String key) {
        if (!object.has(key)) {
            throw new PatchStepFailure(PatchStepFailure.MISSING).within("Unable to remove nonexistent key: " + key);
        }
        object.remove(key);
    }
}
