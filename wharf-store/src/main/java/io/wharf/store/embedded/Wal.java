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

/**
 * The write-ahead log: a directory of segments named by their first revision. Only the writer
 * thread calls {@link #reserve} and {@link #write}; a batch is written with one write and one
 * fdatasync, which is what makes group commit cheap.
 */
final class Wal implements AutoCloseable {
    private final Path dir;
    private final long segmentBytes;
    private final List<Segment> segments = new ArrayList<>();
    private FileChannel out;
    private long outPosition;

    Wal(Path dir, long segmentBytes) {
        this.dir = dir;
        this.segmentBytes = segmentBytes;
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

    /** Opens the newest segment for appending, cutting off a torn tail beyond {@code validLength}. */
    void openForAppend(long validLength) throws IOException {
        if (segments.isEmpty()) {
            return;
        }
        Segment last = segments.get(segments.size() - 1);
        out = FileChannel.open(last.path(), StandardOpenOption.WRITE);
        if (out.size() != validLength) {
            out.truncate(validLength);
            out.force(true);
        }
        outPosition = validLength;
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

    /** Writes and syncs a batch; on failure the segment is cut back so no partial batch remains. */
    void write(ByteBuffer batch) throws IOException {
        long base = outPosition;
        try {
            while (batch.hasRemaining()) {
                out.write(batch, base + batch.position());
            }
            out.force(false);
        } catch (IOException e) {
            try {
                out.truncate(base);
            } catch (IOException ignored) {
                // the next start-up drops whatever partial tail is left
            }
            throw e;
        }
        outPosition = base + batch.limit();
    }

    private void roll(long firstRevision) throws IOException {
        if (out != null) {
            out.force(true);
            out.close();
        }
        Path p = dir.resolve(Segment.fileName(firstRevision));
        out = FileChannel.open(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        FileSync.syncDirectory(dir);
        outPosition = 0;
        segments.add(new Segment(p, firstRevision, new ValueFile(p)));
    }

    /**
     * Removes the segments whose records all lie at or below {@code revision} (never the one being
     * written) and returns their readers, which the caller closes once no reader can still use them.
     */
    synchronized List<ValueFile> dropThrough(long revision) throws IOException {
        List<ValueFile> retired = new ArrayList<>();
        while (segments.size() > 1 && segments.get(1).firstRevision() - 1 <= revision) {
            Segment s = segments.remove(0);
            Files.deleteIfExists(s.path());
            retired.add(s.reader());
        }
        if (!retired.isEmpty()) {
            FileSync.syncDirectory(dir);
        }
        return retired;
    }

    /** Whether some segment other than the one being written holds only records at or below {@code revision}. */
    synchronized boolean hasSegmentsThrough(long revision) {
        return segments.size() > 1 && segments.get(1).firstRevision() - 1 <= revision;
    }

    /** Total bytes held by the segments. */
    synchronized long sizeBytes() {
        long total = 0;
        for (Segment s : segments) {
            try {
                total += Files.size(s.path());
            } catch (IOException ignored) {
                // a segment deleted meanwhile holds nothing
            }
        }
        return total;
    }

    synchronized int segmentCount() {
        return segments.size();
    }

    @Override
    public synchronized void close() throws IOException {
        if (out != null) {
            out.close();
        }
        for (Segment s : segments) {
            s.reader().close();
        }
    }
}
