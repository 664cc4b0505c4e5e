package io.wharf.api.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.schema.Definition;

/**
 * Server-side application of {@code application/strategic-merge-patch+json}, with upstream's
 * semantics: maps merge recursively and {@code null} deletes; lists follow their field's patch
 * strategy (merged by merge key, merged as a set of scalars, or replaced); and the directives
 * {@code $patch}, {@code $retainKeys}, {@code $setElementOrder/<field>} and
 * {@code $deleteFromPrimitiveList/<field>} are honoured. Fields the schema does not know are
 * treated as untagged: maps merge, lists are replaced.
 */
public final class StrategicMergePatch {
    private StrategicMergePatch() {
    }

    /**
     * Applies {@code patch} to {@code original}, an object of the given definition. Neither input
     * is modified; the result shares no containers with the patch. A null definition means no
     * field has patch metadata.
     *
     * @throws PatchException {@link PatchException#malformed() malformed} when the patch is not a
     *     valid strategic merge patch, otherwise when it cannot be applied to this object
     */
    public static JsonNode apply(JsonNode original, JsonNode patch, Definition definition) {
        if (!(original instanceof ObjectNode live)) {
            throw new IllegalArgumentException("the object to patch must be a JSON object");
        }
        if (patch == null || patch.isNull()) {
            return live.deepCopy();
        }
        if (!(patch instanceof ObjectNode patchObject)) {
            throw PatchException.malformed("json: cannot unmarshal " + jsonType(patch)
                    + " into Go value of type map[string]interface {}");
        }
        return SmpMaps.merge(live.deepCopy(), patchObject, SmpSchema.of(definition));
    }

    private static String jsonType(JsonNode v) {
        if (v.isArray()) {
            return "array";
        }
        if (v.isNumber()) {
            return "number";
        }
        return v.isBoolean() ? "bool" : "string";
    }
}
