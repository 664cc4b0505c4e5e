package io.wharf.api.protobuf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import io.wharf.api.schema.Schema;
import java.util.Base64;
import java.util.Map;

/**
 * Builds the protobuf message of a JSON tree, the reverse of {@link ProtoToJson}. JSON fields the
 * message has no field for are dropped; values of the wrong JSON type are rejected.
 */
final class JsonToProto {

    /** The message of this type holding a JSON value (an object, or a well-known type's form). */
    Message message(JsonNode json, Descriptor type, String path) {
        if (WellKnownMessages.handles(type)) {
            return WellKnownMessages.fromJson(json, type, path, this);
        }
        if (!(json instanceof ObjectNode object)) {
            throw new IllegalArgumentException(path + ": expected an object, got " + json);
        }
        DynamicMessage.Builder b = DynamicMessage.newBuilder(type);
        fill(b, object, MessageLayout.of(type), path);
        return b.build();
    }

    private void fill(DynamicMessage.Builder b, ObjectNode json, MessageLayout layout, String path) {
        for (MessageLayout.Slot slot : layout.slots()) {
            FieldDescriptor field = slot.field();
            if (slot.inline()) {
                // Go embeds these structs by value, so they are always written.
                DynamicMessage.Builder embedded = DynamicMessage.newBuilder(field.getMessageType());
                fill(embedded, json, slot.embedded(), path);
                b.setField(field, embedded.build());
                continue;
            }
            JsonNode value = json.get(slot.jsonName());
            String at = path + "." + slot.jsonName();
            if (value == null || value.isNull() && (field.isRepeated() || !nullIsAValue(field))) {
                continue;
            }
            if (field.isMapField()) {
                map(b, field, value, Schema.elementOf(slot.schema()), at);
            } else if (field.isRepeated()) {
                if (!value.isArray()) {
                    throw new IllegalArgumentException(at + ": expected an array, got " + value);
                }
                Schema items = Schema.elementOf(slot.schema());
                int i = 0;
                for (JsonNode element : value) {
                    if (!element.isNull() || nullIsAValue(field)) {
                        b.addRepeatedField(field, value(field, element, items, at + "[" + i + "]"));
                    }
                    i++;
                }
            } else {
                b.setField(field, value(field, value, slot.schema(), at));
            }
        }
    }

    /**
     * Well-known types carry JSON's null as an empty message (the zero time, embedded JSON null),
     * so a null stays a value for them; for other fields null means absent.
     */
    private static boolean nullIsAValue(FieldDescriptor field) {
        return field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && WellKnownMessages.handles(field.getMessageType());
    }

    private void map(DynamicMessage.Builder b, FieldDescriptor field, JsonNode value, Schema values, String path) {
        if (!value.isObject()) {
            throw new IllegalArgumentException(path + ": expected an object, got " + value);
        }
        Descriptor entryType = field.getMessageType();
        FieldDescriptor key = entryType.findFieldByNumber(1);
        FieldDescriptor val = entryType.findFieldByNumber(2);
        for (Map.Entry<String, JsonNode> e : value.properties()) {
            if (e.getValue().isNull() && !nullIsAValue(val)) {
                continue;
            }
            b.addRepeatedField(field, DynamicMessage.newBuilder(entryType)
                    .setField(key, e.getKey())
                    .setField(val, value(val, e.getValue(), values, path + "." + e.getKey()))
                    .build());
        }
    }

    private Object value(FieldDescriptor field, JsonNode v, Schema schema, String path) {
        return switch (field.getJavaType()) {
            case INT -> {
                if (!v.isIntegralNumber() || !v.canConvertToInt()) {
                    throw mismatch("a 32-bit integer", v, path);
                }
                yield v.intValue();
            }
            case LONG -> {
                if (!v.isIntegralNumber() || !v.canConvertToLong()) {
                    throw mismatch("a 64-bit integer", v, path);
                }
                yield v.longValue();
            }
            case FLOAT -> (float) number(v, path);
            case DOUBLE -> number(v, path);
            case BOOLEAN -> {
                if (!v.isBoolean()) {
                    throw mismatch("a boolean", v, path);
                }
                yield v.booleanValue();
            }
            case STRING -> {
                if (!v.isTextual()) {
                    throw mismatch("a string", v, path);
                }
                yield v.textValue();
            }
            case BYTE_STRING -> ByteString.copyFrom(base64(v, path));
            case ENUM -> throw new IllegalArgumentException(path + ": enum fields do not occur in Kubernetes protos");
            case MESSAGE -> embedded(field.getMessageType(), v, schema, path);
        };
    }

    private Message embedded(Descriptor type, JsonNode v, Schema schema, String path) {
        FieldDescriptor wrapped = WellKnownMessages.handles(type) ? null : ArrayWrapper.itemsField(type, schema);
        if (wrapped == null) {
            return message(v, type, path);
        }
        if (!v.isArray()) {
            throw mismatch("an array", v, path);
        }
        DynamicMessage.Builder b = DynamicMessage.newBuilder(type);
        Schema items = Schema.elementOf(schema);
        int i = 0;
        for (JsonNode element : v) {
            b.addRepeatedField(wrapped, value(wrapped, element, items, path + "[" + i++ + "]"));
        }
        return b.build();
    }

    private static double number(JsonNode v, String path) {
        if (!v.isNumber()) {
            throw mismatch("a number", v, path);
        }
        return v.doubleValue();
    }

    /** Go's JSON carries []byte as standard base64, and its decoder skips line breaks. */
    private static byte[] base64(JsonNode v, String path) {
        if (!v.isTextual()) {
            throw mismatch("a base64 string", v, path);
        }
        try {
            return Base64.getDecoder().decode(v.textValue().replace("\r", "").replace("\n", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + ": invalid base64: " + e.getMessage(), e);
        }
    }

    private static IllegalArgumentException mismatch(String expected, JsonNode v, String path) {
        return new IllegalArgumentException(path + ": expected " + expected + ", got " + v);
    }
}
