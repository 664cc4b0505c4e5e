package io.wharf.apiserver.openapi;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Protocol buffers wire encoding of one message: varints, 64-bit fixed and length-delimited
 * fields. Scalar fields follow proto3 rules (a default value is not written, as Go's marshaller
 * leaves it out), except where the caller says the field has presence (oneof members);
 * sub-messages are always written, because an empty message still differs from an absent one.
 */
final class ProtoWriter {
    private static final int VARINT = 0;
    private static final int FIXED64 = 1;
    private static final int LENGTH_DELIMITED = 2;

    private byte[] buf = new byte[64];
    private int size;

    void string(int field, String value) {
        if (value != null && !value.isEmpty()) {
            bytes(field, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** An element of a repeated string field: written even when empty, since its position counts. */
    void stringElement(int field, String value) {
        bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    void bool(int field, boolean value) {
        if (value) {
            presentBool(field, true);
        }
    }

    /** A boolean that is written even when false: a oneof member, whose presence is the information. */
    void presentBool(int field, boolean value) {
        tag(field, VARINT);
        varint(value ? 1 : 0);
    }

    void int64(int field, long value) {
        if (value != 0) {
            tag(field, VARINT);
            varint(value);
        }
    }

    void dbl(int field, double value) {
        if (value != 0) {
            tag(field, FIXED64);
            long bits = Double.doubleToLongBits(value);
            for (int i = 0; i < 8; i++) {
                put((byte) (bits >>> (8 * i)));
            }
        }
    }

    void message(int field, ProtoWriter message) {
        tag(field, LENGTH_DELIMITED);
        varint(message.size);
        ensure(message.size);
        System.arraycopy(message.buf, 0, buf, size, message.size);
        size += message.size;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    int size() {
        return size;
    }

    private void bytes(int field, byte[] value) {
        tag(field, LENGTH_DELIMITED);
        varint(value.length);
        ensure(value.length);
        System.arraycopy(value, 0, buf, size, value.length);
        size += value.length;
    }

    private void tag(int field, int wireType) {
        if (field < 1) {
            throw new IllegalArgumentException("field numbers start at 1: " + field);
        }
        varint(((long) field << 3) | wireType);
    }

    /** Base 128, least significant group first; negative values take ten bytes, as int64 does. */
    private void varint(long value) {
        long v = value;
        while ((v & ~0x7FL) != 0) {
            put((byte) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        put((byte) v);
    }

    private void put(byte b) {
        ensure(1);
        buf[size++] = b;
    }

    private void ensure(int extra) {
        if (size + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
        }
    }
}
