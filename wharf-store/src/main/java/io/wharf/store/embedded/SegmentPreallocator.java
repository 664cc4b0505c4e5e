package io.wharf.store.embedded;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prepares the next WAL segment in the background: a file of zeros as long as a segment, synced,
 * so that the writer overwrites existing blocks instead of growing the file (see {@link Wal}).
 * When no prepared file is ready (the disk is full, or the writer outran the preparation), the
 * writer simply starts an empty segment as before.
 */
final class SegmentPreallocator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SegmentPreallocator.class);
    /** Not a segment name (segments end in {@link Segment#SUFFIX}); a leftover is removed at start-up. */
    static final String FILE_NAME = "next-segment.prealloc";
    private static final int CHUNK = 1 << 20;

    private final Path file;
    private final long bytes;
    private final ExecutorService worker;
    private Future<Boolean> preparing;

    SegmentPreallocator(Path dir, long bytes) {
        this.file = dir.resolve(FILE_NAME);
        this.bytes = bytes;
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "wharf-store-prealloc");
            t.setDaemon(true);
            return t;
        });
    }

    /** Removes a prepared file left over by an earlier run (its content is zeros, never records). */
    static void removeLeftover(Path dir) throws IOException {
        Files.deleteIfExists(dir.resolve(FILE_NAME));
    }

    /** Starts preparing the next segment unless one is prepared or being prepared. */
    synchronized void prepare() {
        if (preparing == null && !worker.isShutdown()) {
            preparing = worker.submit(this::writeZeros);
        }
    }

    private boolean writeZeros() {
        if (!roomToSpare()) {
            return false;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            ByteBuffer zeros = ByteBuffer.allocate(CHUNK);
            for (long pos = 0; pos < bytes; ) {
                zeros.clear().limit((int) Math.min(CHUNK, bytes - pos));
                pos += ch.write(zeros, pos);
            }
            ch.force(true);
            return true;
        } catch (IOException e) {
            // no space for a whole segment: the writer starts an empty one and fails only if the records themselves do not fit
            LOG.debug("cannot preallocate the next WAL segment: {}", e.toString());
            try {
                Files.deleteIfExists(file);
            } catch (IOException d) {
                LOG.debug("cannot remove the partial preallocated segment: {}", d.toString());
            }
            return false;
        }
    }

    /**
     * Whether the file system keeps at least one more segment free after this one is prepared.
     * Zero-filling takes space the writer may need at once; on a nearly full disk it would make
     * record writes fail that fit without it, so the writer then grows its segments as it goes.
     */
    private boolean roomToSpare() {
        try {
            long usable = Files.getFileStore(file.getParent()).getUsableSpace();
            if (usable >= 2 * bytes) {
                return true;
            }
            LOG.debug("not preallocating the next WAL segment: {} bytes free, {} per segment", usable, bytes);
            return false;
        } catch (IOException e) {
            LOG.debug("cannot read the free space for the WAL: {}", e.toString());
            return false;
        }
    }

    /**
     * Moves the prepared file to {@code segment} and opens it for writing, or returns null when
     * none is ready now; the caller syncs the directory.
     */
    synchronized FileChannel take(Path segment) throws IOException {
        Future<Boolean> f = preparing;
        if (f == null || !f.isDone()) {
            return null;
        }
        preparing = null;
        if (!succeeded(f)) {
            return null;
        }
        Files.move(file, segment, StandardCopyOption.ATOMIC_MOVE);
        return FileChannel.open(segment, StandardOpenOption.WRITE);
    }

    private static boolean succeeded(Future<Boolean> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return false;
        }
    }

    /** Whether a prepared segment is ready to be taken. */
    synchronized boolean ready() {
        Future<Boolean> f = preparing;
        return f != null && f.isDone() && succeeded(f);
    }

    /** Bytes the prepared (or partly prepared) file occupies. */
    long preparedBytes() {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public synchronized void close() {
        worker.shutdownNow();
        try {
            worker.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
