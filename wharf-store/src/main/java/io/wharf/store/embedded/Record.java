package io.wharf.store.embedded;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * One framed record as it sits in a WAL segment or a checkpoint:
 * {@code [int bodyLength][int crc32c(body)][body]}, where the body is
 * {@code [byte type][long revision][long createRevision][long version][int keyLength][key][int valueLength][value]}.
 * The CRC lets start-up tell a torn or corrupted record from a good one.
 */
record Record(byte type, long revision, long createRevision, long version, String key, byte[] value) {
    static final byte PUT = 1;
    static final byte DELETE = 2;
    /** Last record of a checkpoint; its {@code version} field holds the number of entries. */
    static final byte END = 9;

    static final int HEADER = 8;
    /** Body bytes before the key: type, revision, createRevision, version, keyLength. */
    private static final int FIXED = 1 + 8 + 8 + 8 + 4;
    /** Upper bound for a sane body length while reading (values are limited far below this). */
    static final int MAX_BODY = 64 << 20;

    static int encodedSize(String key, byte[] value) {
        return HEADER + FIXED + key.getBytes(StandardCharsets.UTF_8).length + 4 + (value == null ? 0 : value.length);
    }

    /**
     * Appends this record to {@code out} and returns the offset of the value within {@code out}
     * (relative to the buffer's position before the call) so the caller can point at it later.
     */
    int encode(ByteBuffer out) {
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        int valueLen = value == null ? 0 : value.length;
        int bodyLen = FIXED + k.length + 4 + valueLen;
        int start = out.position();
        out.putInt(bodyLen);
        out.putInt(0); // crc, filled below
        int bodyStart = out.position();
        out.put(type).putLong(revision).putLong(createRevision).putLong(version);
        out.putInt(k.length).put(k);
        out.putInt(valueLen);
        int valueOffset = out.position() - start;
        if (valueLen > 0) {
            out.put(value);
        }
        CRC32C crc = new CRC32C();
        crc.update(out.array(), out.arrayOffset() + bodyStart, bodyLen);
        out.putInt(start + 4, (int) crc.getValue());
        return valueOffset;
    }

    /** Offset of the value from the start of the record. */
    static int valueOffset(String key) {
        return HEADER + FIXED + key.getBytes(StandardCharsets.UTF_8).length + 4;
    }

    /** Checks the CRC of a body and decodes it; returns null when the CRC does not match. */
    static Record decode(byte[] body, int crc) {
        CRC32C c = new CRC32C();
        c.update(body, 0, body.length);
        if ((int) c.getValue() != crc || body.length < FIXED + 4) {
            return null;
        }
        ByteBuffer b = ByteBuffer.wrap(body);
        byte type = b.get();
        long revision = b.getLong();
        long createRevision = b.getLong();
        long version = b.getLong();
        int keyLen = b.getInt();
        if (keyLen < 0 || keyLen > b.remaining() - 4) {
            return null;
        }
        String key = new String(body, b.position(), keyLen, StandardCharsets.UTF_8);
        b.position(b.position() + keyLen);
        int valueLen = b.getInt();
        if (valueLen != b.remaining()) {
            return null;
        }
        byte[] value = null;
        if (type == PUT) {
            value = new byte[valueLen];
            b.get(value);
        }
        return new Record(type, revision, createRevision, version, key, value);
    }
}
