package io.wharf.api.protobuf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.wharf.api.json.Json;
import io.wharf.api.schema.Schema;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.List;

/**
 * Turns a decoded protobuf message into the JSON tree Go's encoding of the same object gives:
 * fields under their JSON names, inline structs spread into their parent, well-known types in
 * their own forms, and scalars at their zero value left out unless Go keeps them.
 */
final class ProtoToJson {
    private final ZeroValueFacts zeros;

    ProtoToJson(ZeroValueFacts zeros) {
        this.zeros = zeros;
    }

    /** The JSON object of a message that is not a well-known type. */
    ObjectNode object(Message message) {
        ObjectNode out = Json.object();
        fill(out, message, MessageLayout.of(message.getDescriptorForType()));
        return out;
    }

    private void fill(ObjectNode out, Message message, MessageLayout layout) {
        String messageName = message.getDescriptorForType().getFullName();
        for (MessageLayout.Slot slot : layout.slots()) {
            FieldDescriptor field = slot.field();
            if (slot.inline()) {
                if (message.hasField(field)) {
                    fill(out, (Message) message.getField(field), slot.embedded());
                }
            } else if (field.isMapField()) {
                List<?> entries = (List<?>) message.getField(field);
                if (!entries.isEmpty()) {
                    out.set(slot.jsonName(), map(entries, field, Schema.elementOf(slot.schema())));
                }
            } else if (field.isRepeated()) {
                List<?> values = (List<?>) message.getField(field);
                if (!values.isEmpty()) {
                    ArrayNode array = out.putArray(slot.jsonName());
                    Schema items = Schema.elementOf(slot.schema());
                    values.forEach(v -> array.add(value(field, v, items)));
                }
            } else if (message.hasField(field)) {
                Object v = message.getField(field);
                if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE || !isZero(v)
                        || zeros.keepsZero(messageName, field.getName())) {
                    out.set(slot.jsonName(), value(field, v, slot.schema()));
                }
            }
        }
    }

    private ObjectNode map(List<?> entries, FieldDescriptor field, Schema values) {
        FieldDescriptor key = field.getMessageType().findFieldByNumber(1);
        FieldDescriptor value = field.getMessageType().findFieldByNumber(2);
        ObjectNode out = Json.object();
        for (Object e : entries) {
            Message entry = (Message) e;
            out.set(String.valueOf(entry.getField(key)), value(value, entry.getField(value), values));
        }
        return out;
    }

    /** One value of a field; {@code schema} is the registry's schema for it, when known. */
    private JsonNode value(FieldDescriptor field, Object v, Schema schema) {
        return switch (field.getJavaType()) {
            case INT -> Json.NODES.numberNode((Integer) v);
            case LONG -> number((Long) v);
            case FLOAT -> number(((Float) v).doubleValue());
            case DOUBLE -> number((Double) v);
            case BOOLEAN -> Json.NODES.booleanNode((Boolean) v);
            case STRING -> Json.NODES.textNode((String) v);
            case BYTE_STRING -> Json.NODES.textNode(Base64.getEncoder().encodeToString(((ByteString) v).toByteArray()));
            case ENUM -> Json.NODES.textNode(String.valueOf(v));
            case MESSAGE -> message((Message) v, schema);
        };
    }

    private JsonNode message(Message m, Schema schema) {
        if (WellKnownMessages.handles(m.getDescriptorForType())) {
            return WellKnownMessages.toJson(m, this);
        }
        FieldDescriptor wrapped = ArrayWrapper.itemsField(m.getDescriptorForType(), schema);
        if (wrapped != null) {
            ArrayNode array = Json.array();
            Schema items = Schema.elementOf(schema);
            ((List<?>) m.getField(wrapped)).forEach(v -> array.add(value(wrapped, v, items)));
            return array;
        }
        return object(m);
    }

    /** Numbers as a JSON parser reads Go's output: ints when they fit, longs otherwise. */
    private static JsonNode number(long v) {
        return v == (int) v ? Json.NODES.numberNode((int) v) : Json.NODES.numberNode(v);
    }

    /** Go prints integral floats without a fraction, so they read back as integers. */
    private static JsonNode number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("a protobuf double holds " + v + ", which JSON cannot carry");
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e18) {
            return number((long) v);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e21) {
            return Json.NODES.numberNode(new BigDecimal(v).toBigIntegerExact());
        }
        return Json.NODES.numberNode(BigDecimal.valueOf(v).stripTrailingZeros());
    }

    private static boolean isZero(Object v) {
        if (v instanceof Number n) {
            return n.doubleValue() == 0;
        }
        if (v instanceof Boolean b) {
            return !b;
        }
        if (v instanceof String s) {
            return s.isEmpty();
        }
        return v instanceof ByteString b && b.isEmpty();
    }
}
