package io.wharf.store.embedded;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The write-ahead log: a directory of segments named by their first revision. Only the writer
 * thread calls {@link #reserve} and {@link #write}; a batch is written with one write and one
 * fdatasync, which is what makes group commit cheap.
 *
 * <p>Segments are preallocated: while one fills, a background thread writes the next one full of
 * zeros and syncs it. Overwriting blocks that already exist lets fdatasync flush data alone,
 * where appending also commits the file's new size through the file system journal (about twice
 * the cost per batch on ext4). A segment's zero tail marks the end of its records; a segment that
 * is closed is cut back to its records.
 */
final class Wal implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Wal.class);
    private final Path dir;
    private final long segmentBytes;
    private final List<Segment> segments = new ArrayList<>();
    private FileChannel out;
    private long outPosition;
    /** Set when a failed batch could not be cut off the segment; the next write cuts it first. */
    private boolean tailDirty;
    private final SegmentPreallocator preallocator;

    Wal(Path dir, long segmentBytes) {
        this.dir = dir;
        this.segmentBytes = segmentBytes;
        this.preallocator = new SegmentPreallocator(dir, segmentBytes);
    }

    Path dir() {
        return dir;
    }

    /** Existing segment files, oldest first. */
    static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(Segment.SUFFIX))
                    .sorted()
                    .toList();
        }
    }

    /** Registers a replayed segment; the last one registered is reopened for appending at {@code validLength}. */
    synchronized void adopt(Path path, long firstRevision, ValueFile reader) {
        segments.add(new Segment(path, firstRevision, reader));
    }

    /**
     * Opens the newest segment for appending at {@code validLength}, cutting off a torn tail beyond
     * it; a preallocated (zero) tail stays for the next batches to overwrite.
     */
    void openForAppend(long validLength, boolean zeroTail) throws IOException {
        if (segments.isEmpty()) {
            return;
        }
        Segment last = segments.get(segments.size() - 1);
        out = FileChannel.open(last.path(), StandardOpenOption.WRITE);
        if (out.size() != validLength && !zeroTail) {
            out.truncate(validLength);
            out.force(true);
        }
        outPosition = validLength;
        preallocator.prepare();
    }

    /**
     * Makes sure a segment can take the next batch, starting a new one named {@code firstRevision}
     * when the current is full, and returns that segment; the batch lands at {@link #position()}.
     */
    synchronized Segment reserve(long firstRevision) throws IOException {
        if (out == null || outPosition >= segmentBytes) {
            roll(firstRevision);
        }
        return segments.get(segments.size() - 1);
    }

    long position() {
        return outPosition;
    }

    /**
     * Writes and syncs a batch at {@link #position()}. On failure (a full disk, an I/O error) the
     * segment is cut back to where the batch started, so no partial batch stays behind and the next
     * batch can be written in its place; the position moves only when the batch is durable.
     */
    void write(ByteBuffer batch) throws IOException {
        long base = outPosition;
        if (tailDirty) {
            // an earlier failed batch could not be cut off; nothing may follow it until it is
            out.truncate(base);
            tailDirty = false;
        }
        try {
            while (batch.hasRemaining()) {
                out.write(batch, base + batch.position());
            }
            out.force(false);
        } catch (IOException e) {
            try {
                out.truncate(base);
            } catch (IOException t) {
                tailDirty = true;
                e.addSuppressed(t);
            }
            throw e;
        }
        outPosition = base + batch.limit();
    }

    /**
     * Starts the segment {@code firstRevision}. The current segment stays the one being written
     * until the new one exists durably, so a failure here (no space or inodes left) changes nothing
     * and the next batch simply tries again.
     */
    private void roll(long firstRevision) throws IOException {
        Path p = dir.resolve(Segment.fileName(firstRevision));
        for (Segment s : segments) {
            if (s.path().equals(p)) {
                throw new IllegalStateException("WAL segment " + p + " already holds records before revision " + firstRevision);
            }
        }
        if (out != null) {
            // the segment is closed: its unused preallocated tail goes, so only the newest segment ever ends in zeros
            if (out.size() > outPosition) {
                out.truncate(outPosition);
            }
            out.force(true);
        }
        FileChannel next = preallocator.take(p);
        if (next == null) {
            // TRUNCATE_EXISTING: a roll that failed after creating the file may have left it, empty and unregistered
            next = FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        }
        ValueFile reader;
        try {
            FileSync.syncDirectory(dir);
            reader = new ValueFile(p);
        } catch (IOException | RuntimeException e) {
            closeQuietly(next);
            try {
                Files.deleteIfExists(p);
            } catch (IOException d) {
                e.addSuppressed(d);
            }
            throw e;
        }
        if (out != null) {
            closeQuietly(out);
        }
        out = next;
        outPosition = 0;
        segments.add(new Segment(p, firstRevision, reader));
        preallocator.prepare();
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // everything written through it was synced already
        }
    }

    /**
     * Removes the segments whose records all lie at or below {@code revision} (never the one being
     * written) and returns their readers, which the caller closes once no reader can still use them.
     * Files are deleted outside the lock so the writer never waits for the file system here; a file
     * that cannot be deleted now is removed by the next start-up, which skips segments a checkpoint covers.
     */
    List<ValueFile> dropThrough(long revision) {
        List<Segment> dropped = new ArrayList<>();
        synchronized (this) {
            while (segments.size() > 1 && segments.get(1).firstRevision() - 1 <= revision) {
                dropped.add(segments.remove(0));
            }
        }
        List<ValueFile> retired = new ArrayList<>();
        for (Segment s : dropped) {
            try {
                Files.deleteIfExists(s.path());
            } catch (IOException e) {
                LOG.warn("cannot delete WAL segment {} (a checkpoint covers it): {}", s.path(), e.toString());
            }
            retired.add(s.reader());
        }
        if (!dropped.isEmpty()) {
            try {
                FileSync.syncDirectory(dir);
            } catch (IOException e) {
                LOG.warn("cannot sync {} after deleting WAL segments: {}", dir, e.toString());
            }
        }
        return retired;
    }

    /** Whether some segment other than the one being written holds only records at or below {@code revision}. */
    synchronized boolean hasSegmentsThrough(long revision) {
        return segments.size() > 1 && segments.get(1).firstRevision() - 1 <= revision;
    }

    /** Total bytes held by the segments and the preallocated next one. */
    synchronized long sizeBytes() {
        long total = preallocator.preparedBytes();
        for (Segment s : segments) {
            try {
                total += Files.size(s.path());
            } catch (IOException ignored) {
                // a segment deleted meanwhile holds nothing
            }
        }
        return total;
    }

    /** Whether the next segment is preallocated and ready (tests wait for it). */
    boolean nextSegmentReady() {
        return preallocator.ready();
    }

    synchronized int segmentCount() {
        return segments.size();
    }

    @Override
    public synchronized void close() throws IOException {
        preallocator.close();
        if (out != null) {
            out.close();
        }
        for (Segment s : segments) {
            s.reader().close();
        }
    }
}
