package io.wharf.store.embedded;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Tuning of the embedded store.
 *
 * @param dir                where the WAL segments and checkpoints live
 * @param segmentBytes       a WAL segment is closed and a new one started past this size
 * @param compactionInterval how often history is compacted; like kube-apiserver against etcd, each
 *                           run compacts to the revision seen at the previous run, so between one and
 *                           two intervals of history stay readable (5 minutes by default)
 * @param maxBatch           most writes that share one fsync
 */
public record EmbeddedStoreOptions(Path dir, long segmentBytes, Duration compactionInterval, int maxBatch) {
    public static EmbeddedStoreOptions defaults(Path dir) {
        return new EmbeddedStoreOptions(dir, 64L << 20, Duration.ofMinutes(5), 1024);
    }

    public EmbeddedStoreOptions withCompactionInterval(Duration d) {
        return new EmbeddedStoreOptions(dir, segmentBytes, d, maxBatch);
    }

    public EmbeddedStoreOptions withSegmentBytes(long bytes) {
        return new EmbeddedStoreOptions(dir, bytes, compactionInterval, maxBatch);
    }
}
