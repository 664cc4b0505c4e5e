package io.wharf.store.embedded;

import io.wharf.store.StoreSnapshot;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The embedded store's live entries at one revision, written in the checkpoint format so that a
 * snapshot file can be installed as a new store's checkpoint as it is.
 */
final class EmbeddedSnapshot implements StoreSnapshot {
    private final long revision;
    private final List<Checkpoint.Entry> entries;
    private final Runnable onClose;
    private final AtomicBoolean closed = new AtomicBoolean();

    EmbeddedSnapshot(long revision, List<Checkpoint.Entry> entries, Runnable onClose) {
        this.revision = revision;
        this.entries = entries;
        this.onClose = onClose;
    }

    @Override
    public long revision() {
        return revision;
    }

    @Override
    public int keyCount() {
        return entries.size();
    }

    @Override
    public long writeTo(OutputStream out) throws IOException {
        CountingStream counted = new CountingStream(out);
        // The image has no history before its revision, so that is its compact revision too.
        Checkpoint.writeTo(Channels.newChannel(counted), revision, revision, entries);
        counted.flush();
        return counted.count;
    }

    /** Writes the image to {@code target} atomically (temporary file, fsync, rename, directory fsync). */
    void writeFile(Path target) throws IOException {
        Checkpoint.write(target, revision, revision, entries);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            onClose.run();
        }
    }

    /** Counts the bytes passed on, without closing the stream underneath. */
    private static final class CountingStream extends FilterOutputStream {
        long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
