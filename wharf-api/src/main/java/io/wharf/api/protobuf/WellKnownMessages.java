package io.wharf.api.protobuf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import io.wharf.api.json.Json;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Messages whose Go types marshal to JSON in a form of their own rather than as objects of their
 * fields: times, durations, quantities, int-or-string, embedded raw JSON and the JSON schema
 * unions of CustomResourceDefinitions.
 */
final class WellKnownMessages {
    private static final String META = KubernetesDescriptors.META_V1 + ".";
    private static final String APIEXTENSIONS = "k8s.io.apiextensions_apiserver.pkg.apis.apiextensions.";
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSXXX");

    private enum Form {
        TIME, MICRO_TIME, DURATION, FIELDS_V1, QUANTITY, INT_OR_STRING, RAW_EXTENSION, RAW_JSON,
        SCHEMA_OR_ARRAY, SCHEMA_OR_BOOL, SCHEMA_OR_STRING_ARRAY
    }

    private WellKnownMessages() {
    }

    private static Form formOf(Descriptor message) {
        String name = message.getFullName();
        switch (name) {
            case META + "Time":
                return Form.TIME;
            case META + "MicroTime":
                return Form.MICRO_TIME;
            case META + "Duration":
                return Form.DURATION;
            case META + "FieldsV1":
                return Form.FIELDS_V1;
            case "k8s.io.apimachinery.pkg.api.resource.Quantity", "k8s.io.apimachinery.pkg.api.resource.QuantityValue":
                return Form.QUANTITY;
            case "k8s.io.apimachinery.pkg.util.intstr.IntOrString":
                return Form.INT_OR_STRING;
            case "k8s.io.apimachinery.pkg.runtime.RawExtension":
                return Form.RAW_EXTENSION;
            default:
                break;
        }
        if (!name.startsWith(APIEXTENSIONS)) {
            return null;
        }
        return switch (message.getName()) {
            case "JSON" -> Form.RAW_JSON;
            case "JSONSchemaPropsOrArray" -> Form.SCHEMA_OR_ARRAY;
            case "JSONSchemaPropsOrBool" -> Form.SCHEMA_OR_BOOL;
            case "JSONSchemaPropsOrStringArray" -> Form.SCHEMA_OR_STRING_ARRAY;
            default -> null;
        };
    }

    /** Whether messages of this type have a JSON form of their own. */
    static boolean handles(Descriptor message) {
        return formOf(message) != null;
    }

    /** The JSON form of a well-known message; nested schemas are converted by {@code nested}. */
    static JsonNode toJson(Message m, ProtoToJson nested) {
        Form form = formOf(m.getDescriptorForType());
        if (form == null) {
            throw new IllegalStateException(m.getDescriptorForType().getFullName() + " has no JSON form of its own");
        }
        return switch (form) {
            // Upstream writes nothing for the zero time, which JSON shows as null.
            case TIME -> m.getAllFields().isEmpty() ? Json.NODES.nullNode()
                    : Json.NODES.textNode(SECONDS.format(utc(longField(m, 1), 0)));
            case MICRO_TIME -> m.getAllFields().isEmpty() ? Json.NODES.nullNode()
                    : Json.NODES.textNode(MICROS.format(utc(longField(m, 1), intField(m, 2) / 1000 * 1000)));
            case DURATION -> Json.NODES.textNode(GoDuration.format(longField(m, 1)));
            case FIELDS_V1, RAW_JSON -> rawJson(bytesField(m, 1));
            case RAW_EXTENSION -> rawExtension(bytesField(m, 1));
            case QUANTITY -> Json.NODES.textNode(quantity((String) m.getField(field(m, 1))));
            case INT_OR_STRING -> longField(m, 1) == 1 ? Json.NODES.textNode((String) m.getField(field(m, 3)))
                    : Json.NODES.numberNode(intField(m, 2));
            case SCHEMA_OR_ARRAY -> {
                List<?> schemas = (List<?>) m.getField(field(m, 2));
                if (!schemas.isEmpty()) {
                    ArrayNode array = Json.array();
                    schemas.forEach(s -> array.add(nested.object((Message) s)));
                    yield array;
                }
                yield m.hasField(field(m, 1)) ? nested.object((Message) m.getField(field(m, 1))) : Json.NODES.nullNode();
            }
            case SCHEMA_OR_BOOL -> m.hasField(field(m, 2)) ? nested.object((Message) m.getField(field(m, 2)))
                    : Json.NODES.booleanNode((Boolean) m.getField(field(m, 1)));
            case SCHEMA_OR_STRING_ARRAY -> {
                List<?> names = (List<?>) m.getField(field(m, 2));
                if (!names.isEmpty()) {
                    ArrayNode array = Json.array();
                    names.forEach(n -> array.add((String) n));
                    yield array;
                }
                yield m.hasField(field(m, 1)) ? nested.object((Message) m.getField(field(m, 1))) : Json.NODES.nullNode();
            }
        };
    }

    /** The message of a well-known type holding this JSON value; {@code nested} encodes schemas. */
    static Message fromJson(JsonNode value, Descriptor type, String path, JsonToProto nested) {
        Form form = formOf(type);
        if (form == null) {
            throw new IllegalStateException(type.getFullName() + " has no JSON form of its own");
        }
        DynamicMessage.Builder b = DynamicMessage.newBuilder(type);
        if (value.isNull()) {
            return b.build();
        }
        switch (form) {
            case TIME -> b.setField(field(type, 1), time(value, path).toEpochSecond());
            case MICRO_TIME -> {
                OffsetDateTime t = time(value, path);
                b.setField(field(type, 1), t.toEpochSecond()).setField(field(type, 2), t.getNano() / 1000 * 1000);
            }
            case DURATION -> b.setField(field(type, 1), GoDuration.parse(text(value, path)));
            case FIELDS_V1, RAW_JSON, RAW_EXTENSION -> b.setField(field(type, 1), ByteString.copyFrom(Json.bytes(value)));
            case QUANTITY -> b.setField(field(type, 1), value.isNumber() ? value.decimalValue().toPlainString()
                    : text(value, path));
            case INT_OR_STRING -> {
                if (value.isTextual()) {
                    b.setField(field(type, 1), 1L).setField(field(type, 3), value.textValue());
                } else if (value.isIntegralNumber() && value.canConvertToInt()) {
                    b.setField(field(type, 1), 0L).setField(field(type, 2), value.intValue());
                } else {
                    throw new IllegalArgumentException(path + ": expected an integer or a string, got " + value);
                }
            }
            case SCHEMA_OR_ARRAY -> {
                if (value.isArray()) {
                    for (JsonNode schema : value) {
                        b.addRepeatedField(field(type, 2), nested.message(schema, field(type, 2).getMessageType(), path));
                    }
                } else {
                    b.setField(field(type, 1), nested.message(value, field(type, 1).getMessageType(), path));
                }
            }
            case SCHEMA_OR_BOOL -> {
                if (value.isBoolean()) {
                    b.setField(field(type, 1), value.booleanValue());
                } else {
                    b.setField(field(type, 1), true)
                            .setField(field(type, 2), nested.message(value, field(type, 2).getMessageType(), path));
                }
            }
            case SCHEMA_OR_STRING_ARRAY -> {
                if (value.isArray()) {
                    for (JsonNode name : value) {
                        b.addRepeatedField(field(type, 2), text(name, path));
                    }
                } else {
                    b.setField(field(type, 1), nested.message(value, field(type, 1).getMessageType(), path));
                }
            }
        }
        return b.build();
    }

    /** An empty quantity is Go's zero Quantity, which prints as "0". */
    private static String quantity(String text) {
        return text.isEmpty() ? "0" : text;
    }

    private static OffsetDateTime utc(long seconds, int nanos) {
        return Instant.ofEpochSecond(seconds, nanos).atOffset(ZoneOffset.UTC);
    }

    private static OffsetDateTime time(JsonNode value, String path) {
        try {
            return OffsetDateTime.parse(text(value, path), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(path + ": not an RFC 3339 time: " + value, e);
        }
    }

    private static String text(JsonNode value, String path) {
        if (!value.isTextual()) {
            throw new IllegalArgumentException(path + ": expected a string, got " + value);
        }
        return value.textValue();
    }

    /** Upstream's marshallers write "null" for embedded JSON that is absent. */
    private static JsonNode rawJson(ByteString raw) {
        if (raw.isEmpty()) {
            return Json.NODES.nullNode();
        }
        try {
            return Json.LENIENT.readTree(raw.toByteArray());
        } catch (IOException e) {
            throw new IllegalArgumentException("embedded JSON is malformed: " + e.getMessage(), e);
        }
    }

    /** An embedded object is JSON, or protobuf when the enclosing object was encoded as protobuf. */
    private static JsonNode rawExtension(ByteString raw) {
        if (ProtobufEnvelope.hasMagic(raw.toByteArray())) {
            return KubernetesProtobuf.decode(raw.toByteArray());
        }
        return rawJson(raw);
    }

    private static FieldDescriptor field(Message m, int number) {
        return field(m.getDescriptorForType(), number);
    }

    private static FieldDescriptor field(Descriptor type, int number) {
        FieldDescriptor f = type.findFieldByNumber(number);
        if (f == null) {
            throw new IllegalStateException(type.getFullName() + " has no field " + number);
        }
        return f;
    }

    private static long longField(Message m, int number) {
        return ((Number) m.getField(field(m, number))).longValue();
    }

    private static int intField(Message m, int number) {
        return ((Number) m.getField(field(m, number))).intValue();
    }

    private static ByteString bytesField(Message m, int number) {
        return (ByteString) m.getField(field(m, number));
    }
}
