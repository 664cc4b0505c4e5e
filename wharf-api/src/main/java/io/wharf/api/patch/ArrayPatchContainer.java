package io.wharf.api.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * Array elements as upstream's JSON patch library (v4) addresses them: negative indexes count
 * from the end, "-" appends on add, and for add "-1" means after the last element.
 */
final class ArrayPatchContainer implements PatchContainer {
    private final ArrayNode array;

    ArrayPatchContainer(ArrayNode array) {
        this.array = array;
    }

    @Override
    public JsonNode get(String key) {
        long idx = GoAtoi.parse(key);
        long original = idx;
        if (idx < 0) {
            if (idx < -array.size()) {
                throw invalidIndex(original);
            }
            idx += array.size();
        }
        if (idx >= array.size()) {
            throw invalidIndex(original);
        }
        return array.get((int) idx);
    }

    @Override
    public void set(String key, JsonNode value) {
        long idx = GoAtoi.parse(key);
        long original = idx;
        if (idx < 0) {
            if (idx < -array.size()) {
                throw invalidIndex(original);
            }
            idx += array.size();
        }
        if (idx >= array.size()) {
            throw invalidIndex(original);
        }
        array.set((int) idx, value);
    }

    @Override
    public void add(String key, JsonNode value) {
        if (key.equals("-")) {
            array.add(value);
            return;
        }
        long idx;
        try {
            idx = GoAtoi.parse(key);
        } catch (PatchStepFailure e) {
            throw e.within("value was not a proper array index: '" + key + "'");
        }
        int grown = array.size() + 1;
        long original = idx;
        if (idx >= grown) {
            throw invalidIndex(original);
        }
        if (idx < 0) {
            if (idx < -grown) {
                throw invalidIndex(original);
            }
            idx += grown;
        }
        array.insert((int) idx, value);
    }

    @Override
    public void remove(String key) {
        long idx = GoAtoi.parse(key);
        long original = idx;
        if (idx >= array.size()) {
            throw invalidIndex(original);
        }
        if (idx < 0) {
            if (idx < -array.size()) {
                throw invalidIndex(original);
            }
            idx += array.size();
        }
        array.remove((int) idx);
    }

    private static PatchStepFailure invalidIndex(long idx) {
        return new PatchStepFailure(PatchStepFailure.INVALID_INDEX).within("Unable to access invalid index: " + idx);
    }
}
