package io.wharf.api.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One JSON patch operation object, read field by field as upstream's library does: a missing or
 * non-string "op" is the kind "unknown", and "path"/"from" are only checked when an operation needs them.
 */
final class PatchOperation {
    private final ObjectNode fields;

    /** {@code fields} is null for a null array element, which has no fields at all. */
    PatchOperation(ObjectNode fields) {
        this.fields = fields;
    }

    String kind() {
        JsonNode op = field("op");
        return op != null && op.isTextual() ? op.textValue() : "unknown";
    }

    String path() {
        return stringField("path", "operation missing path field");
    }

    String from() {
        return stringField("from", "operation, missing from field");
    }

    boolean hasValue() {
        return fields != null && fields.has("value");
    }

    /** The value to insert; an absent "value" inserts null, as upstream does. */
    JsonNode value() {
        JsonNode value = field("value");
        return value == null ? NullNode.getInstance() : value;
    }

    private JsonNode field(String name) {
        return fields == null ? null : fields.get(name);
    }

    private String stringField(String name, String missingMessage) {
        JsonNode node = field(name);
        if (node == null || node.isNull()) {
            throw new PatchStepFailure(PatchStepFailure.MISSING).within(missingMessage);
        }
        if (!node.isTextual()) {
            throw new PatchStepFailure("json: cannot unmarshal " + JsonTypes.goName(node)
                    + " into Go value of type string");
        }
        return node.textValue();
    }
}
