package io.wharf.api.protobuf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.kubernetes.client.proto.Meta;
import io.kubernetes.client.proto.Runtime;
import io.wharf.api.json.Json;
import java.util.Locale;

/**
 * Kubernetes' protobuf wire format ({@code application/vnd.kubernetes.protobuf}) for the built-in
 * kinds, translated to and from the JSON trees the rest of Wharf works on. A decoded body is the
 * tree the same object has in Kubernetes' JSON wire format.
 */
public final class KubernetesProtobuf {
    public static final String MEDIA_TYPE = "application/vnd.kubernetes.protobuf";

    private KubernetesProtobuf() {
    }

    /** Whether a Content-Type (or Accept entry) names the protobuf media type, whatever its parameters. */
    public static boolean isProtobuf(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String mediaType = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip();
        return mediaType.toLowerCase(Locale.ROOT).equals(MEDIA_TYPE);
    }

    /**
     * The JSON tree of a protobuf-encoded object, with apiVersion and kind from its envelope.
     *
     * @throws IllegalArgumentException when the bytes are not a Kubernetes protobuf object or name
     *                                  a kind without a protobuf message
     */
    public static ObjectNode decode(byte[] body) {
        ProtobufEnvelope.Contents contents = ProtobufEnvelope.open(body);
        Descriptor type = messageType(contents.apiVersion(), contents.kind());
        Message message;
        try {
            message = DynamicMessage.parseFrom(type, contents.raw());
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("malformed protobuf " + contents.kind() + ": " + e.getMessage(), e);
        }
        ObjectNode out = Json.object();
        out.put("apiVersion", contents.apiVersion());
        out.put("kind", contents.kind());
        out.setAll(new ProtoToJson(ZeroValueFacts.bundled()).object(message));
        return out;
    }

    /**
     * The protobuf encoding of a JSON tree of a built-in kind; fields the message does not know are
     * dropped.
     *
     * @throws IllegalArgumentException when apiVersion or kind is missing or has no protobuf message,
     *                                  or a value does not fit its field
     */
    public static byte[] encode(ObjectNode object) {
        String apiVersion = text(object, "apiVersion");
        String kind = text(object, "kind");
        Descriptor type = messageType(apiVersion, kind);
        Message message = new JsonToProto().message(object, type, kind);
        return ProtobufEnvelope.seal(apiVersion, kind, message.toByteArray());
    }

    /**
     * One watch notification as a protobuf watch stream carries it: a bare meta/v1 WatchEvent
     * message (stream frames have no envelope) whose object is embedded with its own envelope. The
     * stream writes each event after its length as a 4-byte big-endian integer.
     *
     * @throws IllegalArgumentException when the object cannot be encoded, as for {@link #encode}
     */
    public static byte[] encodeWatchEvent(String type, ObjectNode object) {
        return Meta.WatchEvent.newBuilder()
                .setType(type)
                .setObject(Runtime.RawExtension.newBuilder().setRaw(ByteString.copyFrom(encode(object))))
                .build()
                .toByteArray();
    }

    private static Descriptor messageType(String apiVersion, String kind) {
        Descriptor type = KubernetesDescriptors.get().forKind(apiVersion, kind);
        if (type == null) {
            throw new IllegalArgumentException("no protobuf message for kind " + kind + " in " + apiVersion);
        }
        return type;
    }

    private static String text(ObjectNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || !value.isTextual() || value.textValue().isEmpty()) {
            throw new IllegalArgumentException("object without " + field + " cannot be encoded as protobuf");
        }
        return value.textValue();
    }
}
