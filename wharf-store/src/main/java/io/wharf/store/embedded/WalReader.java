package io.wharf.store.embedded;

import io.wharf.store.StoreException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the records of one WAL segment at start-up. A damaged record at the end of the last
 * segment is a write torn by a crash and is cut off; a damaged record followed by intact ones
 * means the disk lost acknowledged data, and start-up stops rather than silently dropping it.
 */
final class WalReader {
    private static final Logger LOG = LoggerFactory.getLogger(WalReader.class);

    interface Sink {
        /** One intact record and the file offset of its value. */
        void accept(Record record, long valueOffset);
    }

    private WalReader() {
    }

    /**
     * Where a segment's records end.
     *
     * @param zeroTail the records are followed by preallocated zeros (the segment was being filled), not by a torn write
     */
    record End(long validLength, boolean zeroTail) {
    }

    /**
     * Feeds every intact record of {@code path} to {@code sink} and returns where the intact records
     * end; the caller truncates a torn tail there when it is the last segment.
     */
    static End read(Path path, boolean lastSegment, long lastGoodRevision, Sink sink) throws IOException {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = ch.size();
            ByteBuffer all = ByteBuffer.allocate((int) Math.min(size, Integer.MAX_VALUE - 16));
            while (all.hasRemaining() && ch.read(all) > 0) {
                // read the whole segment; segments are bounded well below 2 GiB
            }
            all.flip();
            byte[] data = all.array();
            int limit = all.limit();
            int pos = 0;
            long lastRevision = lastGoodRevision;
            while (pos < limit) {
                Record r = recordAt(data, pos, limit);
                if (r == null && allZero(data, pos, limit)) {
                    return new End(pos, true);
                }
                if (r == null) {
                    if (lastSegment && !intactRecordAfter(data, pos + 1, limit, lastRevision)) {
                        LOG.warn("dropping torn write at the end of {} (offset {}, {} bytes) left by a crash; last intact revision {}",
                                path, pos, limit - pos, lastRevision);
                        return new End(pos, false);
                    }
                    throw new StoreException.Corrupt("corrupted WAL record in " + path + " at offset " + pos
                            + " after revision " + lastRevision + ", followed by intact records: acknowledged writes would be lost. "
                            + "Restore from a snapshot or move the damaged file aside knowingly.");
                }
                int bodyLen = readInt(data, pos);
                sink.accept(r, pos + (long) Record.valueOffset(r.key()));
                lastRevision = r.revision();
                pos += Record.HEADER + bodyLen;
            }
            return new End(pos, false);
        }
    }

    /** Whether nothing but zeros follows {@code from}: the unused part of a preallocated segment. */
    private static boolean allZero(byte[] data, int from, int limit) {
        for (int p = from; p < limit; p++) {
            if (data[p] != 0) {
                return false;
            }
        }
        return true;
    }

    /** The intact record at {@code pos}, or null when it is truncated or fails its CRC. */
    private static Record recordAt(byte[] data, int pos, int limit) {
        if (limit - pos < Record.HEADER) {
            return null;
        }
        int bodyLen = readInt(data, pos);
        if (bodyLen <= 0 || bodyLen > Record.MAX_BODY || bodyLen > limit - pos - Record.HEADER) {
            return null;
        }
        int crc = readInt(data, pos + 4);
        byte[] body = new byte[bodyLen];
        System.arraycopy(data, pos + Record.HEADER, body, 0, bodyLen);
        return Record.decode(body, crc);
    }

    /**
     * Looks for any intact record with a plausible later revision after a damaged one. The damaged
     * record's own length cannot be trusted, so every offset is tried, with cheap checks first.
     */
    private static boolean intactRecordAfter(byte[] data, int from, int limit, long lastRevision) {
        for (int p = from; p + Record.HEADER + 9 <= limit; p++) {
            int bodyLen = readInt(data, p);
            if (bodyLen <= 0 || bodyLen > limit - p - Record.HEADER) {
                continue;
            }
            byte type = data[p + Record.HEADER];
            if (type != Record.PUT && type != Record.DELETE) {
                continue;
            }
            long rev = readLong(data, p + Record.HEADER + 1);
            if (rev <= lastRevision || rev > lastRevision + 10_000_000L) {
                continue;
            }
            if (recordAt(data, p, limit) != null) {
                return true;
            }
        }
        return false;
    }

    private static int readInt(byte[] d, int p) {
        return ((d[p] & 0xff) << 24) | ((d[p + 1] & 0xff) << 16) | ((d[p + 2] & 0xff) << 8) | (d[p + 3] & 0xff);
    }

    private static long readLong(byte[] d, int p) {
        return ((long) readInt(d, p) << 32) | (readInt(d, p + 4) & 0xffffffffL);
    }
}
