package io.wharf.store.embedded;

import io.wharf.store.StoreException;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * A checkpoint is the full live state at one revision, written atomically (temporary file, fsync,
 * rename, directory fsync). With it, WAL segments older than its revision can go, which is what
 * bounds the data directory. Layout: magic, a header record (revision, compact revision), one PUT
 * record per live key, an END record carrying the entry count.
 */
final class Checkpoint {
    static final byte[] MAGIC = "WHARFCK1".getBytes(StandardCharsets.US_ASCII);
    private static final byte HEADER_TYPE = 8;
    static final String SUFFIX = ".ckpt";

    /** One live key and the version that goes into the checkpoint. */
    record Entry(String key, Version version) {
    }

    interface Sink {
        void header(long revision, long compactRevision);

        void entry(Record record, long valueOffset);
    }

    private Checkpoint() {
    }

    static String fileName(long revision) {
        return String.format("checkpoint-%020d%s", revision, SUFFIX);
    }

    static long revisionOf(Path p) {
        String n = p.getFileName().toString();
        return Long.parseLong(n.substring("checkpoint-".length(), n.length() - SUFFIX.length()));
    }

    static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith("checkpoint-")
                    && p.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
        }
    }

    /**
     * Writes the entries to {@code target} atomically and returns, for each entry in order, the file
     * offset of its value so the in-memory versions can be pointed at the new file. On failure (a
     * full disk, say) the temporary file is removed and whatever {@code target} held before stays.
     */
    static long[] write(Path target, long revision, long compactRevision, List<Entry> entries) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        boolean renamed = false;
        try {
            long[] offsets;
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                offsets = writeTo(ch, revision, compactRevision, entries);
                ch.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            renamed = true;
            FileSync.syncDirectory(target.getParent());
            return offsets;
        } finally {
            if (!renamed) {
                deleteQuietly(tmp);
            }
        }
    }

    /**
     * Writes the checkpoint format (magic, header, one record per entry, trailer) to {@code out} and
     * returns, for each entry in order, the offset of its value from the start of what was written.
     */
    static long[] writeTo(WritableByteChannel out, long revision, long compactRevision, List<Entry> entries) throws IOException {
        long[] offsets = new long[entries.size()];
        ByteBuffer buf = ByteBuffer.allocate(1 << 20);
        long filePos = 0;
        buf.put(MAGIC);
        new Record(HEADER_TYPE, revision, compactRevision, 0, "", null).encode(buf);
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            Version v = e.version();
            byte[] value = v.value();
            int need = Record.encodedSize(e.key(), value);
            if (buf.remaining() < need) {
                filePos += flush(out, buf);
                if (buf.capacity() < need) {
                    buf = ByteBuffer.allocate(need);
                }
            }
            int start = buf.position();
            int valueOffset = new Record(Record.PUT, v.modRevision, v.createRevision, v.version, e.key(), value).encode(buf);
            offsets[i] = filePos + start + valueOffset;
        }
        if (buf.remaining() < 64) {
            filePos += flush(out, buf);
        }
        new Record(Record.END, revision, 0, entries.size(), "", null).encode(buf);
        flush(out, buf);
        return offsets;
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // start-up removes leftover temporaries
        }
    }

    private static int flush(WritableByteChannel ch, ByteBuffer buf) throws IOException {
        buf.flip();
        int n = buf.remaining();
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
        buf.clear();
        return n;
    }

    /**
     * Reads a checkpoint, verifying every record's checksum, that keys come in strictly increasing
     * order with revisions no newer than the checkpoint's, and the trailer's revision and entry
     * count; damage is never tolerated here.
     */
    static void read(Path file, Sink sink) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 20))) {
            byte[] magic = new byte[MAGIC.length];
            try {
                in.readFully(magic);
            } catch (EOFException e) {
                throw new StoreException.Corrupt(file + " is not a Wharf checkpoint (too short)");
            }
            if (!Arrays.equals(magic, MAGIC)) {
                throw new StoreException.Corrupt(file + " is not a Wharf checkpoint");
            }
            long pos = MAGIC.length;
            Record header = next(in, file, pos);
            if (header.type() != HEADER_TYPE) {
                throw new StoreException.Corrupt(file + ": missing checkpoint header");
            }
            long revision = header.revision();
            pos += Record.encodedSize("", null);
            sink.header(revision, header.createRevision());
            long count = 0;
            String previousKey = null;
            while (true) {
                Record r = next(in, file, pos);
                if (r.type() == Record.END) {
                    if (r.version() != count) {
                        throw new StoreException.Corrupt(file + ": holds " + count + " entries but its trailer says " + r.version());
                    }
                    if (r.revision() != revision) {
                        throw new StoreException.Corrupt(file + ": trailer is for revision " + r.revision() + " but the header says " + revision);
                    }
                    if (in.read() != -1) {
                        throw new StoreException.Corrupt(file + ": unexpected data after the trailer at offset " + (pos + Record.encodedSize("", null)));
                    }
                    return;
                }
                if (r.type() != Record.PUT) {
                    throw new StoreException.Corrupt(file + ": unexpected record type " + r.type() + " at offset " + pos);
                }
                if (previousKey != null && r.key().compareTo(previousKey) <= 0) {
                    throw new StoreException.Corrupt(file + ": key " + r.key() + " at offset " + pos + " is out of order");
                }
                if (r.revision() > revision || r.createRevision() > r.revision() || r.version() < 1) {
                    throw new StoreException.Corrupt(file + ": entry " + r.key() + " at offset " + pos + " has impossible revisions (mod "
                            + r.revision() + ", create " + r.createRevision() + ", version " + r.version() + ") for a checkpoint at " + revision);
                }
                sink.entry(r, pos + Record.valueOffset(r.key()));
                previousKey = r.key();
                pos += Record.encodedSize(r.key(), r.value());
                count++;
            }
        }
    }

    private static Record next(DataInputStream in, Path file, long pos) throws IOException {
        try {
            int len = in.readInt();
            int crc = in.readInt();
            if (len <= 0 || len > Record.MAX_BODY) {
                throw new StoreException.Corrupt(file + ": bad record length " + len + " at offset " + pos);
            }
            byte[] body = new byte[len];
            in.readFully(body);
            Record r = Record.decode(body, crc);
            if (r == null) {
                throw new StoreException.Corrupt(file + ": record at offset " + pos + " fails its checksum");
            }
            return r;
        } catch (EOFException e) {
            throw new StoreException.Corrupt(file + ": truncated at offset " + pos);
        }
    }

    /** Removes leftovers of a checkpoint write interrupted by a crash. */
    static void removeTemporaries(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (p.getFileName().toString().endsWith(SUFFIX + ".tmp")) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
