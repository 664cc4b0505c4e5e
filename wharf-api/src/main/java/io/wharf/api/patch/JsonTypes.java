package io.wharf.api.patch;

import com.fasterxml.jackson.databind.JsonNode;

/** JSON value kinds as Go's encoding/json names them in "cannot unmarshal X into ..." errors. */
final class JsonTypes {
    private JsonTypes() {
    }

    static String goName(JsonNode node) {
        return switch (node.getNodeType()) {
            case OBJECT, POJO -> "object";
            case ARRAY -> "array";
            case STRING, BINARY -> "string";
            case NUMBER -> "number";
            case BOOLEAN -> "bool";
            case NULL, MISSING -> "null";
        };
    }
}
