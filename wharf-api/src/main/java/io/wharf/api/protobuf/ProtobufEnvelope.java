package io.wharf.api.protobuf;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.kubernetes.client.proto.Runtime;
import java.util.Arrays;

/**
 * Kubernetes' protobuf framing of one object: the magic bytes {@code k8s\0}, then a
 * {@code runtime.Unknown} naming the object's apiVersion and kind and holding its message bytes.
 */
final class ProtobufEnvelope {
    private static final byte[] MAGIC = {'k', '8', 's', 0};

    /** The contents of an envelope. */
    record Contents(String apiVersion, String kind, byte[] raw) {
    }

    private ProtobufEnvelope() {
    }

    static boolean hasMagic(byte[] bytes) {
        return bytes != null && bytes.length >= MAGIC.length
                && Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
    }

    static Contents open(byte[] bytes) {
        if (!hasMagic(bytes)) {
            throw new IllegalArgumentException("not a Kubernetes protobuf body: it does not start with \"k8s\\0\"");
        }
        Runtime.Unknown unknown;
        try {
            unknown = Runtime.Unknown.parseFrom(ByteString.copyFrom(bytes, MAGIC.length, bytes.length - MAGIC.length));
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("malformed Kubernetes protobuf envelope: " + e.getMessage(), e);
        }
        if (!unknown.getContentEncoding().isEmpty()) {
            throw new IllegalArgumentException("unsupported protobuf content encoding \"" + unknown.getContentEncoding() + "\"");
        }
        String kind = unknown.getTypeMeta().getKind();
        String apiVersion = unknown.getTypeMeta().getApiVersion();
        if (kind.isEmpty() || apiVersion.isEmpty()) {
            throw new IllegalArgumentException("Kubernetes protobuf envelope without apiVersion and kind");
        }
        return new Contents(apiVersion, kind, unknown.getRaw().toByteArray());
    }

    /** Frames message bytes; the encoding and content type stay empty, as upstream's encoder leaves them. */
    static byte[] seal(String apiVersion, String kind, byte[] raw) {
        byte[] unknown = Runtime.Unknown.newBuilder()
                .setTypeMeta(Runtime.TypeMeta.newBuilder().setApiVersion(apiVersion).setKind(kind))
                .setRaw(ByteString.copyFrom(raw))
                .setContentEncoding("")
                .setContentType("")
                .build()
                .toByteArray();
        byte[] out = Arrays.copyOf(MAGIC, MAGIC.length + unknown.length);
        System.arraycopy(unknown, 0, out, MAGIC.length, unknown.length);
        return out;
    }
}
