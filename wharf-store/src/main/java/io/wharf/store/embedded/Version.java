package io.wharf.store.embedded;

import io.wharf.store.KeyValue;

/**
 * One version of a key in the in-memory index. The value stays in memory while this is the key's
 * newest version; older versions keep only where their bytes sit on disk.
 */
final class Version {
    final long modRevision;
    final long createRevision;
    final long version;
    final boolean tombstone;
    private final int length;
    private volatile byte[] value;
    private volatile ValueFile file;
    private volatile long offset;

    Version(long modRevision, long createRevision, long version, byte[] value, ValueFile file, long offset) {
        this.modRevision = modRevision;
        this.createRevision = createRevision;
        this.version = version;
        this.tombstone = value == null;
        this.value = value;
        this.length = value == null ? 0 : value.length;
        this.file = file;
        this.offset = offset;
    }

    static Version tombstone(long modRevision) {
        return new Version(modRevision, 0, 0, null, null, 0);
    }

    byte[] value() {
        byte[] v = value;
        if (v != null || tombstone) {
            return v;
        }
        // Read file and offset as one pair: relocate() may move both while we look.
        synchronized (this) {
            return file.read(offset, length);
        }
    }

    /** Drops the in-memory copy once a newer version exists; the bytes stay readable on disk. */
    void evict() {
        value = null;
    }

    /** Points at a new on-disk copy (a checkpoint), so the old file can be deleted. */
    synchronized void relocate(ValueFile newFile, long newOffset) {
        this.file = newFile;
        this.offset = newOffset;
    }

    ValueFile file() {
        return file;
    }

    KeyValue toKeyValue(String key) {
        return new KeyValue(key, tombstone ? null : value(), createRevision, modRevision, version);
    }
}
