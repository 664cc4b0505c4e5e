package io.wharf.api.protobuf;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.kubernetes.client.proto.IntStr;
import io.kubernetes.client.proto.Meta;
import io.kubernetes.client.proto.Resource;
import io.wharf.api.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Builds protobuf bodies the way Go clients send them, and the JSON they are expected to become. */
final class ProtoTestSupport {
    private ProtoTestSupport() {
    }

    static byte[] envelope(String apiVersion, String kind, Message message) {
        return ProtobufEnvelope.seal(apiVersion, kind, message.toByteArray());
    }

    static ObjectNode json(String text) {
        return Json.parseObject(text.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
    }

    static long epoch(String rfc3339) {
        return Instant.parse(rfc3339).getEpochSecond();
    }

    static Meta.Time time(String rfc3339) {
        return Meta.Time.newBuilder().setSeconds(epoch(rfc3339)).build();
    }

    static Meta.MicroTime microTime(String rfc3339) {
        Instant i = Instant.parse(rfc3339);
        return Meta.MicroTime.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
    }

    static IntStr.IntOrString intOrString(int value) {
        return IntStr.IntOrString.newBuilder().setType(0).setIntVal(value).build();
    }

    static IntStr.IntOrString intOrString(String value) {
        return IntStr.IntOrString.newBuilder().setType(1).setStrVal(value).build();
    }

    static Resource.Quantity quantity(String value) {
        return Resource.Quantity.newBuilder().setString(value).build();
    }

    /** Metadata as a Go client writes it: every non-pointer string and the zero creation time present. */
    static Meta.ObjectMeta.Builder goMetadata(String name, String namespace) {
        return Meta.ObjectMeta.newBuilder().setName(name).setGenerateName("").setNamespace(namespace).setSelfLink("")
                .setUid("").setResourceVersion("").setGeneration(0).setCreationTimestamp(Meta.Time.getDefaultInstance());
    }

    /** A message of the rebuilt descriptors, for types client-java-proto has no classes for. */
    static Msg msg(String fullName) {
        Descriptor type = KubernetesDescriptors.get().message(fullName);
        if (type == null) {
            throw new IllegalArgumentException("unknown message " + fullName);
        }
        return new Msg(DynamicMessage.newBuilder(type));
    }

    /** Fluent DynamicMessage building by field name; nested messages of any descriptor are re-read. */
    static final class Msg {
        private final DynamicMessage.Builder b;

        private Msg(DynamicMessage.Builder b) {
            this.b = b;
        }

        Msg set(String field, Object value) {
            FieldDescriptor f = field(field);
            b.setField(f, convert(f, value));
            return this;
        }

        Msg add(String field, Object value) {
            FieldDescriptor f = field(field);
            b.addRepeatedField(f, convert(f, value));
            return this;
        }

        Msg put(String field, String key, Object value) {
            FieldDescriptor f = field(field);
            Descriptor entry = f.getMessageType();
            FieldDescriptor v = entry.findFieldByNumber(2);
            b.addRepeatedField(f, DynamicMessage.newBuilder(entry).setField(entry.findFieldByNumber(1), key)
                    .setField(v, convert(v, value)).build());
            return this;
        }

        DynamicMessage build() {
            return b.build();
        }

        private FieldDescriptor field(String name) {
            FieldDescriptor f = b.getDescriptorForType().findFieldByName(name);
            if (f == null) {
                throw new IllegalArgumentException(b.getDescriptorForType().getFullName() + " has no field " + name);
            }
            return f;
        }

        private static Object convert(FieldDescriptor f, Object value) {
            if (value instanceof Msg m) {
                value = m.build();
            }
            if (value instanceof Message m && f.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
                try {
                    return DynamicMessage.parseFrom(f.getMessageType(), m.toByteString());
                } catch (InvalidProtocolBufferException e) {
                    throw new IllegalStateException(e);
                }
            }
            if (value instanceof String s && f.getJavaType() == FieldDescriptor.JavaType.BYTE_STRING) {
                return ByteString.copyFromUtf8(s);
            }
            return value;
        }
    }
}
