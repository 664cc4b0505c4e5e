package io.wharf.store.embedded;

import io.wharf.store.StoreException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * Snapshot files as they leave and enter the embedded store: checking one completely, and
 * installing one as the checkpoint of an empty store directory, from which the store then starts
 * at the snapshot's revision.
 */
public final class SnapshotFile {
    /**
     * What a verified snapshot holds.
     *
     * @param revision the revision it is consistent at
     * @param keys     number of live keys
     * @param bytes    size of the file
     */
    public record Summary(long revision, long keys, long bytes) {
    }

    private SnapshotFile() {
    }

    /**
     * Reads the whole file and checks every record's checksum, the key order, the revisions and the
     * trailer's entry count.
     *
     * @throws StoreException.Corrupt when any of it fails, naming the file and the offset
     */
    public static Summary verify(Path file) throws IOException {
        long[] revision = new long[1];
        long[] keys = new long[1];
        try {
            Checkpoint.read(file, new Checkpoint.Sink() {
                @Override
                public void header(long rev, long compact) {
                    revision[0] = rev;
                }

                @Override
                public void entry(Record record, long valueOffset) {
                    keys[0]++;
                }
            });
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "no such snapshot file");
        }
        return new Summary(revision[0], keys[0], Files.size(file));
    }

    /**
     * Installs {@code snapshot} as the checkpoint of the store in {@code storeDir}, which must not
     * hold store data yet (restoring over a store would silently throw its newer writes away). The
     * snapshot is verified before anything is written, and the copy appears atomically.
     *
     * @throws IllegalStateException  when {@code storeDir} already holds WAL segments or checkpoints,
     *                                or another process has the store open
     * @throws StoreException.Corrupt when the snapshot is damaged; nothing is installed then
     */
    public static Summary install(Path snapshot, Path storeDir) throws IOException {
        Summary summary;
        try {
            summary = verify(snapshot);
        } catch (StoreException.Corrupt e) {
            throw new StoreException.Corrupt("the snapshot is damaged, nothing was restored: " + e.getMessage());
        }
        Files.createDirectories(storeDir);
        try (FileChannel lockChannel = FileChannel.open(storeDir.resolve("LOCK"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = tryLock(lockChannel, storeDir)) {
            List<Path> existing = storeData(storeDir);
            if (!existing.isEmpty()) {
                throw new IllegalStateException("the store directory " + storeDir + " already holds data (" + existing.get(0).getFileName()
                        + (existing.size() > 1 ? " and " + (existing.size() - 1) + " more files" : "")
                        + "); a snapshot is restored only into an empty store: use a new data directory, or move " + storeDir + " aside");
            }
            Path target = storeDir.resolve(Checkpoint.fileName(summary.revision()));
            Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
            try {
                Files.copy(snapshot, tmp, StandardCopyOption.REPLACE_EXISTING);
                try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                    ch.force(true);
                }
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                FileSync.syncDirectory(storeDir);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        return summary;
    }

    private static FileLock tryLock(FileChannel channel, Path storeDir) throws IOException {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            throw new IllegalStateException("the store directory " + storeDir + " is in use by a running Wharf");
        }
        return lock;
    }

    /** WAL segments and checkpoints in {@code dir} (a checkpoint's leftover temporary file holds nothing). */
    private static List<Path> storeData(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> {
                String n = p.getFileName().toString();
                return n.endsWith(Segment.SUFFIX) || n.endsWith(Checkpoint.SUFFIX);
            }).sorted().toList();
        }
    }
}
